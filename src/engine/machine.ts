/**
 * The course as one XState machine, generated from a `CourseDefinition`.
 *
 * Every module, step and scenario node becomes a state, so the whole course is a graph the
 * model-based tests and the trainer tools can walk. Generated configs only name actions and
 * guards from the one `setup` vocabulary (vocabulary.ts), with plain `params`: they stay serialisable.
 */
import type { AnyStateMachine } from 'xstate';
import type { CourseDefinition, NodeDef, ScenarioDef, StepDef } from './definition.ts';
import { stepScope } from './scope.ts';
import { courseVocabulary, type CourseInput } from './vocabulary.ts';

export type { AnswerRecord, CourseContext, CourseInput } from './vocabulary.ts';

export const stepState = (i: number) => `s${i}`;
export const optionState = (node: string, option: string) => `${node}:${option}`;
export const moduleStateId = (id: string) => `mod-${id}`;
export const stepStateId = (moduleId: string, i: number) => `step-${moduleId}-${i}`;

/** Builds the machine for one compiled course. Guards close over `def`; context stays small. */
export function createCourseMachine(def: CourseDefinition) {
  const vocabulary = courseVocabulary(def);

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
