/**
 * The course machine's vocabulary: its context, events, guards and actions, for one compiled
 * course. Guards close over the definition; the context holds ids, answers and the module's
 * actor, never text.
 */
import { assign, emit, enqueueActions, setup } from 'xstate';
import type { CourseDefinition } from './definition.ts';
import type { DomainEvent, LearnerEvent } from './events.ts';
import { drawAttempt, type DrawnItem } from './draw.ts';
import { startChild, stepChild, takes, type Stepped } from './child.ts';
import { correctKeysOf, createModuleMachine, sameSet, type AnswerRecord, type ModuleSnapshot } from './module-machine.ts';
import { inScope } from './scope.ts';
import { scoreAttempt, type AttemptResult } from './scoring.ts';

export type { AnswerRecord } from './module-machine.ts';

export interface CourseInput {
  /** Seed for the assessment draw and option order; saved in the journey. */
  seed: number;
  /** Track fixed by the package or a launch parameter: the learner is not asked. */
  presetTrack?: string | null;
}

export interface CourseContext {
  seed: number;
  presetTrack: string | null;
  track: string | null;
  programme: string | null;
  /** Index in the course's modules of the module under way (modules.length once past the last). */
  moduleIndex: number;
  /** The module's actor while a module is under way. */
  module: ModuleSnapshot | null;
  completed: string[];
  /** Formative: scenario choices' scores and flags feed the debrief and analytics, not the grade. */
  score: number;
  flags: string[];
  attempt: number;
  drawn: DrawnItem[];
  answers: AnswerRecord[];
  result: AttemptResult | null;
}

type ModuleEvent = Extract<LearnerEvent, { type: 'nav.next' | 'nav.back' | 'choice.select' | 'item.answer' }>;

/** The `setup` of the course machine for one compiled course. */
export function courseVocabulary(def: CourseDefinition) {
  const moduleMachine = createModuleMachine(def);
  /** The first module at or after `from` that the learner's track and programme take. */
  const moduleFrom = (c: CourseContext, from: number) => {
    let i = from;
    while (i < def.modules.length && !inScope(def.modules[i], c.track, c.programme)) i++;
    return i;
  };
  /** The module actor and what it emitted, folded into the course's context and emitted again. */
  const take = (c: CourseContext, moduleIndex: number, stepped: Stepped<ModuleSnapshot | null>) => {
    let { score, flags } = c;
    for (const e of stepped.emitted) {
      if (e.type !== 'decision.made') continue;
      const node = def.scenarios[e.scenario].nodes[e.node];
      const o = node.kind === 'decision' ? node.options.find((x) => x.id === e.option) : undefined;
      score += o?.score ?? 0;
      if (o?.flag && !flags.includes(o.flag)) flags = [...flags, o.flag];
    }
    return { context: { moduleIndex, module: stepped.snapshot, score, flags }, emitted: stepped.emitted };
  };
  const startAt = (c: CourseContext, from: number) => {
    const i = moduleFrom(c, from);
    const m = def.modules[i];
    return take(c, i, m ? startChild(moduleMachine, { module: m.id, track: c.track, programme: c.programme }) : { snapshot: null, emitted: [] });
  };

  return setup({
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
      moduleTakes: ({ context, event }) => !!context.module && takes(moduleMachine, context.module, event as ModuleEvent),
      isModuleDone: ({ context }) => context.module?.status === 'done',
      isPastLastModule: ({ context }) => context.moduleIndex >= def.modules.length,
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
      // The first module the learner takes, from the course's first or after the one just done.
      startModule: enqueueActions(({ context, enqueue }, p: { after: 'start' | 'done' }) => {
        const next = startAt(context, p.after === 'start' ? 0 : context.moduleIndex + 1);
        enqueue.assign(next.context);
        for (const e of next.emitted) enqueue.emit(e);
      }),
      stepModule: enqueueActions(({ context, event, enqueue }) => {
        const next = take(context, context.moduleIndex, stepChild(moduleMachine, context.module!, event as ModuleEvent));
        enqueue.assign(next.context);
        for (const e of next.emitted) enqueue.emit(e);
      }),
      completeModule: assign({
        completed: ({ context }) => {
          const id = def.modules[context.moduleIndex].id;
          return context.completed.includes(id) ? context.completed : [...context.completed, id];
        },
      }),
      emitModuleDone: emit(({ context }) => ({ type: 'module.completed' as const, module: def.modules[context.moduleIndex].id })),
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
          return [...context.answers, { item: d.item, selected, correct: sameSet(selected, correctKeysOf(def, d.item, d.form)) }];
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
          correctOptions: correctKeysOf(def, d.item, d.form),
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
}
