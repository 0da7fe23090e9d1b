/**
 * One machine for every scenario: which node is on screen and which option's feedback is
 * shown are ids in its context, the scenario's nodes are data. Started by its module
 * (module-machine.ts) with the scenario's id; final once the learner leaves an ending.
 */
import { assign, emit, setup, type SnapshotFrom } from 'xstate';
import type { CourseDefinition, NodeDef, OptionDef } from './definition.ts';
import type { DomainEvent, LearnerEvent } from './events.ts';

export interface ScenarioInput {
  scenario: string;
}

export interface ScenarioContext {
  scenario: string;
  node: string;
  /** The option whose feedback is on screen; null before a choice. */
  option: string | null;
}

export function createScenarioMachine(def: CourseDefinition) {
  const nodeOf = (c: ScenarioContext): NodeDef => def.scenarios[c.scenario].nodes[c.node];
  const optionsOf = (c: ScenarioContext): OptionDef[] => {
    const n = nodeOf(c);
    return n.kind === 'decision' ? n.options : [];
  };
  const chosen = (c: ScenarioContext): OptionDef => optionsOf(c).find((o) => o.id === c.option)!;

  return setup({
    types: {
      context: {} as ScenarioContext,
      events: {} as LearnerEvent,
      input: {} as ScenarioInput,
      emitted: {} as DomainEvent,
    },
    guards: {
      atEnding: ({ context }) => nodeOf(context).kind === 'ending',
      atDecision: ({ context }) => nodeOf(context).kind === 'decision',
      isOption: ({ context, event }) => event.type === 'choice.select' && optionsOf(context).some((o) => o.id === event.option),
    },
    actions: {
      choose: assign({ option: ({ event }) => (event.type === 'choice.select' ? event.option : null) }),
      // Where a text node or the chosen option's feedback leads.
      follow: assign(({ context }) => {
        const n = nodeOf(context);
        const next = n.kind === 'decision' ? chosen(context).next : n.kind === 'ending' ? n.id : n.next;
        return { node: next, option: null };
      }),
      emitDecision: emit(({ context }) => {
        const o = chosen(context);
        return {
          type: 'decision.made' as const,
          scenario: context.scenario,
          node: context.node,
          option: o.id,
          best: o.best,
          bestOption: optionsOf(context).find((x) => x.best)?.id ?? '',
          clauses: o.clauses,
        };
      }),
      emitDone: emit(({ context }) => ({ type: 'scenario.completed' as const, scenario: context.scenario, ending: context.node })),
    },
  }).createMachine({
    id: 'scenario',
    context: ({ input }) => ({ scenario: input.scenario, node: def.scenarios[input.scenario].start, option: null }),
    initial: 'route',
    states: {
      // Which kind of node the context points at.
      route: { always: [{ guard: 'atEnding', target: 'ending' }, { guard: 'atDecision', target: 'decision' }, { target: 'text' }] },
      text: { on: { 'nav.next': { target: 'route', actions: 'follow' } } },
      decision: { on: { 'choice.select': { guard: 'isOption', target: 'chosen', actions: ['choose', 'emitDecision'] } } },
      chosen: { on: { 'nav.next': { target: 'route', actions: 'follow' } } },
      ending: { on: { 'nav.next': { target: 'done', actions: 'emitDone' } } },
      done: { type: 'final' },
    },
  });
}

export type ScenarioMachine = ReturnType<typeof createScenarioMachine>;
export type ScenarioSnapshot = SnapshotFrom<ScenarioMachine>;
