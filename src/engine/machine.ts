/**
 * The course as one XState machine, generated from a `CourseDefinition`.
 *
 * Every module, step and scenario node becomes a state, so the whole course is a graph the
 * model-based tests and the trainer tools can walk. Generated configs only name actions and
 * guards from the one `setup` vocabulary below, with plain `params`: they stay serialisable.
 */
import { assign, emit, setup, type AnyStateMachine } from 'xstate';
import type { CourseDefinition, NodeDef, ScenarioDef, StepDef } from './definition.ts';
import type { DomainEvent, LearnerEvent } from './events.ts';
import { drawAttempt, type DrawnItem } from './draw.ts';
import { inScope, stepScope } from './scope.ts';
import { scoreAttempt, type AttemptResult } from './scoring.ts';

export interface CourseInput {
  /** Seed for the assessment draw and option order; saved in the journey. */
  seed: number;
  /** Track fixed by the package or a launch parameter: the learner is not asked. */
  presetTrack?: string | null;
}

export interface AnswerRecord {
  item: string;
  selected: string[];
  correct: boolean;
}

export interface CourseContext {
  seed: number;
  presetTrack: string | null;
  track: string | null;
  programme: string | null;
  completed: string[];
  score: number;
  flags: string[];
  /** Last knowledge-check answer, shown as feedback. */
  check: AnswerRecord | null;
  attempt: number;
  drawn: DrawnItem[];
  answers: AnswerRecord[];
  result: AttemptResult | null;
}

export const stepState = (i: number) => `s${i}`;
export const optionState = (node: string, option: string) => `${node}:${option}`;
export const moduleStateId = (id: string) => `mod-${id}`;
export const stepStateId = (moduleId: string, i: number) => `step-${moduleId}-${i}`;

/** Builds the machine for one compiled course. Guards close over `def`; context stays small. */
export function createCourseMachine(def: CourseDefinition) {
  const correctKeysOf = (item: string, form: number) =>
    def.items[item].forms[form].options.filter((o) => o.correct).map((o) => o.id);
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

  const vocabulary = setup({
    types: {
      context: {} as CourseContext,
      events: {} as LearnerEvent,
      input: {} as CourseInput,
      emitted: {} as DomainEvent,
    },
    guards: {
      // A track preset by the package skips the track question.
      hasPresetTrack: ({ context }) => !!context.presetTrack,
      isKnownTrack: ({ event }) => event.type === 'track.select' && def.tracks.some((t) => t.id === event.track),
      isKnownProgramme: ({ event }) =>
        event.type === 'programme.select' && def.programmes.some((p) => p.id === event.programme),
      // With one programme or none there is nothing to ask.
      hasSingleProgramme: () => def.programmes.length <= 1,
      isOutOfPath: ({ context }, p: { tracks: string[] | null; programmes: string[] | null }) =>
        !inScope(p, context.track, context.programme),
      isOption: ({ event }, p: { option: string }) => event.type === 'choice.select' && event.option === p.option,
      isCheckAnswer: ({ event }, p: { item: string }) =>
        event.type === 'item.answer' && event.options.every((o) => def.items[p.item].forms[0].options.some((x) => x.id === o)),
      isValidAnswer: ({ context, event }) => {
        const d = context.drawn[context.answers.length];
        if (!d || event.type !== 'item.answer') return false;
        const opts = def.items[d.item].forms[d.form].options;
        return event.options.length > 0 && event.options.every((o) => opts.some((x) => x.id === o));
      },
      isAssessmentDone: ({ context }) => context.answers.length >= context.drawn.length,
      hasPassed: ({ context }) => !!context.result?.passed,
      hasAttemptsLeft: ({ context }) => def.assessment.attempts === 0 || context.attempt < def.assessment.attempts,
    },
    actions: {
      setPresetTrack: assign({ track: ({ context }) => context.presetTrack }),
      setTrack: assign({ track: ({ event }) => (event.type === 'track.select' ? event.track : null) }),
      setProgramme: assign({
        programme: ({ event }) => (event.type === 'programme.select' ? event.programme : def.programmes[0]?.id ?? null),
      }),
      emitTrack: emit(({ context }) => ({ type: 'track.chosen' as const, track: context.track ?? '' })),
      emitProgramme: emit(({ context }) => ({ type: 'programme.chosen' as const, programme: context.programme ?? '' })),
      // Scenario effects are formative: they feed the debrief and analytics, not the grade.
      applyEffects: assign(({ context }, p: { score?: number; flag?: string }) => ({
        score: context.score + (p.score ?? 0),
        flags: p.flag && !context.flags.includes(p.flag) ? [...context.flags, p.flag] : context.flags,
      })),
      emitDecision: emit(
        (_, p: { scenario: string; node: string; option: string; best: boolean; bestOption: string; clauses: string[] }) => ({
          type: 'decision.made' as const,
          ...p,
        }),
      ),
      emitScenarioDone: emit((_, p: { scenario: string; ending: string }) => ({ type: 'scenario.completed' as const, ...p })),
      completeModule: assign({
        completed: ({ context }, p: { module: string }) =>
          context.completed.includes(p.module) ? context.completed : [...context.completed, p.module],
      }),
      emitModuleDone: emit((_, p: { module: string }) => ({ type: 'module.completed' as const, module: p.module })),
      recordCheck: assign({
        check: ({ event }, p: { item: string }) => {
          const selected = event.type === 'item.answer' ? event.options : [];
          return { item: p.item, selected, correct: sameSet(selected, correctKeysOf(p.item, 0)) };
        },
      }),
      emitCheck: emit(({ context }, p: { item: string }) => {
        const it = def.items[p.item];
        return {
          type: 'item.answered' as const,
          item: it.id,
          form: it.forms[0].id,
          section: null,
          itemType: it.type,
          selected: context.check?.selected ?? [],
          correctOptions: correctKeysOf(p.item, 0),
          correct: !!context.check?.correct,
          critical: it.critical,
          objective: it.objective,
        };
      }),
      clearCheck: assign({ check: null }),
      startAttempt: assign(({ context }) => ({
        attempt: context.attempt + 1,
        drawn: drawAttempt(def, context.track, context.seed, context.attempt + 1),
        answers: [],
        result: null,
      })),
      recordAnswer: assign({
        answers: ({ context, event }) => {
          const d = context.drawn[context.answers.length];
          const selected = event.type === 'item.answer' ? event.options : [];
          return [...context.answers, { item: d.item, selected, correct: sameSet(selected, correctKeysOf(d.item, d.form)) }];
        },
      }),
      emitAnswer: emit(({ context }) => {
        const a = context.answers[context.answers.length - 1];
        const d = context.drawn[context.answers.length - 1];
        const it = def.items[d.item];
        return {
          type: 'item.answered' as const,
          item: it.id,
          form: it.forms[d.form].id,
          section: d.section,
          itemType: it.type,
          selected: a.selected,
          correctOptions: correctKeysOf(d.item, d.form),
          correct: a.correct,
          critical: it.critical,
          objective: it.objective,
        };
      }),
      scoreAttempt: assign({ result: ({ context }) => scoreAttempt(def, context.drawn, context.answers) }),
      emitResult: emit(({ context }) => ({
        type: 'assessment.finished' as const,
        passed: !!context.result?.passed,
        score: context.result?.score ?? 0,
        attempt: context.attempt,
        sections: context.result?.sections ?? [],
      })),
      emitAttested: emit(({ context }) => ({
        type: 'course.attested' as const,
        track: context.track ?? '',
        score: context.result?.score ?? 0,
      })),
    },
  });

  const modules = def.modules;
  const afterModule = (i: number) => (i + 1 < modules.length ? `#${moduleStateId(modules[i + 1].id)}` : '#assessment');

  function moduleStates() {
    const states: Record<string, object> = {};
    modules.forEach((m, mi) => {
      const done = [
        { type: 'completeModule', params: { module: m.id } },
        { type: 'emitModuleDone', params: { module: m.id } },
      ];
      const nextOf = (si: number) =>
        si + 1 < m.steps.length ? { target: `#${stepStateId(m.id, si + 1)}` } : { target: afterModule(mi), actions: done };
      const steps: Record<string, object> = {};
      m.steps.forEach((step, si) => {
        steps[stepState(si)] = stepConfig(step, m.id, si, nextOf(si));
      });
      states[m.id] = {
        id: moduleStateId(m.id),
        initial: stepState(0),
        always: { guard: { type: 'isOutOfPath', params: { tracks: m.tracks, programmes: m.programmes } }, target: afterModule(mi) },
        states: steps,
      };
    });
    return states;
  }

  function stepConfig(step: StepDef, moduleId: string, si: number, next: { target: string; actions?: object[] }) {
    const scope = stepScope(def, step);
    const skip = scope.tracks || scope.programmes ? { always: { guard: { type: 'isOutOfPath', params: scope }, ...next } } : {};
    const id = stepStateId(moduleId, si);
    const prev = si > 0 && def.modules.find((m) => m.id === moduleId)!.steps[si - 1].kind === 'page';
    const back = prev ? { 'nav.back': { target: `#${stepStateId(moduleId, si - 1)}` } } : {};
    if (step.kind === 'page') return { id, on: { 'nav.next': next, ...back } };
    if (step.kind === 'check') {
      return {
        id,
        ...skip,
        initial: 'ask',
        states: {
          ask: {
            entry: 'clearCheck',
            on: {
              'item.answer': {
                guard: { type: 'isCheckAnswer', params: { item: step.item } },
                target: 'answered',
                actions: [
                  { type: 'recordCheck', params: { item: step.item } },
                  { type: 'emitCheck', params: { item: step.item } },
                ],
              },
              ...back,
            },
          },
          answered: { on: { 'nav.next': next } },
        },
      };
    }
    const sc = def.scenarios[step.id];
    return { id, ...skip, initial: sc.start, states: scenarioStates(sc, next) };
  }

  function scenarioStates(sc: ScenarioDef, next: { target: string; actions?: object[] }) {
    const states: Record<string, object> = {};
    for (const node of Object.values(sc.nodes)) Object.assign(states, nodeStates(sc, node, next));
    return states;
  }

  function nodeStates(sc: ScenarioDef, node: NodeDef, next: { target: string; actions?: object[] }) {
    if (node.kind === 'ending') {
      const done = { type: 'emitScenarioDone', params: { scenario: sc.id, ending: node.id } };
      return { [node.id]: { on: { 'nav.next': { ...next, actions: [done, ...(next.actions ?? [])] } } } };
    }
    if (node.kind !== 'decision') return { [node.id]: { on: { 'nav.next': node.next } } };
    const best = node.options.find((o) => o.best)?.id ?? '';
    const out: Record<string, object> = {
      [node.id]: {
        on: {
          'choice.select': node.options.map((o) => ({
            guard: { type: 'isOption', params: { option: o.id } },
            target: optionState(node.id, o.id),
            actions: [
              { type: 'applyEffects', params: { score: o.score, flag: o.flag } },
              {
                type: 'emitDecision',
                params: { scenario: sc.id, node: node.id, option: o.id, best: o.best, bestOption: best, clauses: o.clauses },
              },
            ],
          })),
        },
      },
    };
    for (const o of node.options) out[optionState(node.id, o.id)] = { on: { 'nav.next': o.next } };
    return out;
  }

  const firstModule = modules.length ? `#${moduleStateId(modules[0].id)}` : '#assessment';

  return vocabulary.createMachine({
    id: 'course',
    initial: 'welcome',
    context: ({ input }: { input: CourseInput }) => ({
      seed: input.seed,
      presetTrack: input.presetTrack ?? null,
      track: null,
      programme: null,
      completed: [],
      score: 0,
      flags: [],
      check: null,
      attempt: 0,
      drawn: [],
      answers: [],
      result: null,
    }),
    states: {
      welcome: {
        on: {
          'course.start': [
            { guard: 'hasPresetTrack', target: 'programme', actions: ['setPresetTrack', 'emitTrack'] },
            { target: 'track' },
          ],
        },
      },
      track: {
        on: {
          'track.select': { guard: 'isKnownTrack', target: 'programme', actions: ['setTrack', 'emitTrack'] },
          'nav.back': 'welcome',
        },
      },
      programme: {
        always: { guard: 'hasSingleProgramme', target: 'learning', actions: ['setProgramme', 'emitProgramme'] },
        on: {
          'programme.select': { guard: 'isKnownProgramme', target: 'learning', actions: ['setProgramme', 'emitProgramme'] },
        },
      },
      learning: { initial: 'entry', states: { entry: { always: firstModule }, ...moduleStates() } },
      assessment: {
        id: 'assessment',
        entry: 'startAttempt',
        always: { guard: 'isAssessmentDone', target: 'result', actions: ['scoreAttempt', 'emitResult'] },
        on: { 'item.answer': { guard: 'isValidAnswer', actions: ['recordAnswer', 'emitAnswer'] } },
      },
      result: {
        initial: 'deciding',
        states: {
          deciding: { always: [{ guard: 'hasPassed', target: 'passed' }, { target: 'failed' }] },
          passed: { on: { 'nav.next': '#attestation' } },
          failed: { on: { 'assessment.retry': { guard: 'hasAttemptsLeft', target: '#assessment' } } },
        },
      },
      attestation: {
        id: 'attestation',
        on: { 'attestation.confirm': { target: 'done', actions: 'emitAttested' } },
      },
      done: { type: 'final' },
    },
  } as never) as unknown as AnyStateMachine;
}

export type CourseMachine = ReturnType<typeof createCourseMachine>;
