/**
 * The one vocabulary of the course machine: its context, events, guards and actions. The
 * generated state configs (machine.ts) only name these, with plain `params`, so they stay
 * serialisable data. Guards close over the definition; the context stays small.
 */
import { assign, emit, setup } from 'xstate';
import type { CourseDefinition } from './definition.ts';
import type { DomainEvent, LearnerEvent } from './events.ts';
import { drawAttempt, type DrawnItem } from './draw.ts';
import { inScope } from './scope.ts';
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

/** The `setup` of the course machine for one compiled course. */
export function courseVocabulary(def: CourseDefinition) {
  const correctKeysOf = (item: string, form: number) =>
    def.items[item].forms[form].options.filter((o) => o.correct).map((o) => o.id);
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

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
}
