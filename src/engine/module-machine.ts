/**
 * One machine for every module: the step on screen is an index in its context, the module's
 * steps are data. A page waits for "next" (or "back" to the page before it), a knowledge
 * check for an answer, a scenario runs as a child actor (scenario-machine.ts) until it ends.
 * Steps outside the learner's track or programme are passed over; final after the last step.
 */
import { assign, emit, enqueueActions, setup, type SnapshotFrom } from 'xstate';
import type { CourseDefinition, StepDef } from './definition.ts';
import type { DomainEvent, LearnerEvent } from './events.ts';
import { startChild, stepChild, takes } from './child.ts';
import { createScenarioMachine, type ScenarioSnapshot } from './scenario-machine.ts';
import { inScope, stepScope } from './scope.ts';

export interface ModuleInput {
  module: string;
  track: string | null;
  programme: string | null;
}

export interface AnswerRecord {
  item: string;
  selected: string[];
  correct: boolean;
}

export interface ModuleContext extends ModuleInput {
  /** Index in the module's steps of the step on screen (steps.length once past the last). */
  step: number;
  /** The knowledge check's answer, shown as feedback. */
  check: AnswerRecord | null;
  /** The scenario's actor while a scenario step is on screen. */
  scenario: ScenarioSnapshot | null;
}

type ModuleEvent = Extract<LearnerEvent, { type: 'nav.next' | 'nav.back' | 'choice.select' | 'item.answer' }>;

export const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
export const correctKeysOf = (def: CourseDefinition, item: string, form: number) =>
  def.items[item].forms[form].options.filter((o) => o.correct).map((o) => o.id);

export function createModuleMachine(def: CourseDefinition) {
  const scenarioMachine = createScenarioMachine(def);
  const stepsById = new Map(def.modules.map((m) => [m.id, m.steps]));
  const stepsOf = (c: ModuleContext): StepDef[] => stepsById.get(c.module)!;
  const stepOf = (c: ModuleContext): StepDef | undefined => stepsOf(c)[c.step];
  /** The next step at or after `from` that is in the learner's path. */
  const inPathFrom = (c: ModuleContext, from: number) => {
    const steps = stepsOf(c);
    let i = from;
    while (i < steps.length && !inScope(stepScope(def, steps[i]), c.track, c.programme)) i++;
    return i;
  };
  const checkItem = (c: ModuleContext) => {
    const s = stepOf(c);
    return s?.kind === 'check' ? s.item : '';
  };

  return setup({
    types: {
      context: {} as ModuleContext,
      events: {} as ModuleEvent,
      input: {} as ModuleInput,
      emitted: {} as DomainEvent,
    },
    guards: {
      isPastEnd: ({ context }) => context.step >= stepsOf(context).length,
      isPage: ({ context }) => stepOf(context)?.kind === 'page',
      isCheck: ({ context }) => stepOf(context)?.kind === 'check',
      // Back leads only to the page just before (not out of a scenario or an answered check).
      canBack: ({ context }) => context.step > 0 && stepsOf(context)[context.step - 1].kind === 'page',
      isCheckAnswer: ({ context, event }) =>
        event.type === 'item.answer' && event.options.every((o) => def.items[checkItem(context)].forms[0].options.some((x) => x.id === o)),
      scenarioTakes: ({ context, event }) => !!context.scenario && takes(scenarioMachine, context.scenario, event),
      scenarioDone: ({ context }) => context.scenario?.status === 'done',
    },
    actions: {
      advance: assign({ step: ({ context }) => inPathFrom(context, context.step + 1) }),
      goBack: assign({ step: ({ context }) => context.step - 1 }),
      startScenario: assign({ scenario: ({ context }) => startChild(scenarioMachine, { scenario: stepOf(context)!.id }).snapshot }),
      endScenario: assign({ scenario: null }),
      stepScenario: enqueueActions(({ context, event, enqueue }) => {
        const next = stepChild(scenarioMachine, context.scenario!, event);
        enqueue.assign({ scenario: next.snapshot });
        for (const e of next.emitted) enqueue.emit(e);
      }),
      clearCheck: assign({ check: null }),
      recordCheck: assign({
        check: ({ context, event }) => {
          const item = checkItem(context);
          const selected = event.type === 'item.answer' ? event.options : [];
          return { item, selected, correct: sameSet(selected, correctKeysOf(def, item, 0)) };
        },
      }),
      emitCheck: emit(({ context }) => {
        const it = def.items[checkItem(context)];
        return {
          type: 'item.answered' as const,
          item: it.id,
          form: it.forms[0].id,
          section: null,
          itemType: it.type,
          selected: context.check?.selected ?? [],
          correctOptions: correctKeysOf(def, it.id, 0),
          correct: !!context.check?.correct,
          critical: it.critical,
          objective: it.objective,
        };
      }),
    },
  }).createMachine({
    id: 'module',
    context: ({ input }) => {
      const c: ModuleContext = { ...input, step: 0, check: null, scenario: null };
      return { ...c, step: inPathFrom(c, 0) };
    },
    initial: 'route',
    states: {
      // Which kind of step the context points at.
      route: {
        always: [
          { guard: 'isPastEnd', target: 'done' },
          { guard: 'isPage', target: 'page' },
          { guard: 'isCheck', target: 'check' },
          { target: 'scenario', actions: 'startScenario' },
        ],
      },
      page: {
        on: {
          'nav.next': { target: 'route', actions: 'advance' },
          'nav.back': { guard: 'canBack', target: 'route', actions: 'goBack' },
        },
      },
      check: {
        initial: 'ask',
        states: {
          ask: {
            entry: 'clearCheck',
            on: {
              'item.answer': { guard: 'isCheckAnswer', target: 'answered', actions: ['recordCheck', 'emitCheck'] },
              'nav.back': { guard: 'canBack', target: '#module.route', actions: 'goBack' },
            },
          },
          answered: { on: { 'nav.next': { target: '#module.route', actions: 'advance' } } },
        },
      },
      scenario: {
        always: { guard: 'scenarioDone', target: 'route', actions: ['endScenario', 'advance'] },
        on: {
          'nav.next': { guard: 'scenarioTakes', actions: 'stepScenario' },
          'choice.select': { guard: 'scenarioTakes', actions: 'stepScenario' },
        },
      },
      done: { type: 'final' },
    },
  });
}

export type ModuleMachine = ReturnType<typeof createModuleMachine>;
export type ModuleSnapshot = SnapshotFrom<ModuleMachine>;
