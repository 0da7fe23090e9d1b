/**
 * A child actor held in its parent's snapshot: the course holds its module's actor, a module
 * holds its scenario's. A child is stepped with xstate's pure transition functions inside the
 * parent's own transition, so the whole course stays one immutable snapshot: a session replays
 * it, and xstate's graph traversal (model-based tests, path report, deep links) sees inside
 * every module and scenario, which it does not for children started with `invoke` (its mock
 * actor scope never runs them). What a child emits is re-emitted by the parent, in order.
 */
import { initialTransition, transition, type AnyActorLogic, type EventFromLogic, type InputFrom, type SnapshotFrom } from 'xstate';
import type { DomainEvent } from './events.ts';

export interface Stepped<S> {
  snapshot: S;
  emitted: DomainEvent[];
}

const emittedBy = (actions: { type: string; params?: unknown }[]): DomainEvent[] =>
  actions.filter((a) => a.type === 'xstate.emit').map((a) => (a.params as { event: DomainEvent }).event);

/** Starts a child: its first snapshot and what it emitted getting there. */
export function startChild<L extends AnyActorLogic>(logic: L, input: InputFrom<L>): Stepped<SnapshotFrom<L>> {
  const [snapshot, actions] = initialTransition(logic, input);
  return { snapshot, emitted: emittedBy(actions) };
}

/** Sends one event to a child: its next snapshot and what it emitted. */
export function stepChild<L extends AnyActorLogic>(logic: L, snapshot: SnapshotFrom<L>, event: EventFromLogic<L>): Stepped<SnapshotFrom<L>> {
  const [next, actions] = transition(logic, snapshot, event);
  return { snapshot: next, emitted: emittedBy(actions) };
}
