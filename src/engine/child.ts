/**
 * A child actor held in its parent's snapshot: the course holds its module's actor, a module
 * holds its scenario's. A child is stepped through its logic's pure transition inside the
 * parent's own transition, so the whole course stays one immutable snapshot: a session replays
 * it, and xstate's graph traversal (model-based tests, path report, deep links) sees inside
 * every module and scenario, which it does not for children started with `invoke` (its mock
 * actor scope never runs them). What a child emits is re-emitted by the parent, in order.
 */
import { createEmptyActor, type AnyActorLogic, type AnyActorScope, type EventFromLogic, type InputFrom, type SnapshotFrom } from 'xstate';
import type { DomainEvent } from './events.ts';

export interface Stepped<S> {
  snapshot: S;
  emitted: DomainEvent[];
}

interface Recorder {
  scope: AnyActorScope;
  actions: { type: string; params?: unknown }[];
  /** The last few steps worked out (see stepChild). */
  recent: { snapshot: unknown; event: unknown; stepped: Stepped<unknown> }[];
}

/** Enough for one learner event: tried with `can`, then sent, each asking every level below. */
const RECENT = 4;

/**
 * One inert scope per logic, whose action executor records what a step would do. (xstate's
 * own `transition()` builds a scope per call, and with it an actor of the logic started with
 * no input: for these machines, a failed start on every step of every replay.) Children do not
 * send, spawn or defer anything, so an empty actor serves as `self`.
 */
const recorders = new WeakMap<AnyActorLogic, Recorder>();

function recorderOf(logic: AnyActorLogic): Recorder {
  let r = recorders.get(logic);
  if (!r) {
    const self = createEmptyActor();
    const actions: Recorder['actions'] = [];
    const scope = {
      self,
      id: '',
      sessionId: '',
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      system: self.system,
      actionExecutor: (a: { type: string; params?: unknown }) => void actions.push(a),
    } satisfies Partial<AnyActorScope> as AnyActorScope;
    recorders.set(logic, (r = { scope, actions, recent: [] }));
  }
  return r;
}

/** Runs `act` with the logic's scope; returns its result and what it emitted. */
function recorded<S>(logic: AnyActorLogic, act: (scope: AnyActorScope) => S): Stepped<S> {
  const r = recorderOf(logic);
  const before = r.actions.length;
  const snapshot = act(r.scope);
  const emitted = r.actions
    .splice(before)
    .filter((a) => a.type === 'xstate.emit')
    .map((a) => (a.params as { event: DomainEvent }).event);
  return { snapshot, emitted };
}

/** Starts a child: its first snapshot and what it emitted getting there. */
export function startChild<L extends AnyActorLogic>(logic: L, input: InputFrom<L>): Stepped<SnapshotFrom<L>> {
  return recorded(logic, (scope) => logic.getInitialSnapshot(scope, input) as SnapshotFrom<L>);
}

/**
 * Sends one event to a child: its next snapshot and what it emitted. A learner event is first
 * tried (`can`), then sent, and at each level a guard asks whether the child takes it before
 * the child is stepped: the same step is asked for several times in a row. Snapshots and
 * events are never changed once made, so a step found among the last few is reused.
 */
export function stepChild<L extends AnyActorLogic>(logic: L, snapshot: SnapshotFrom<L>, event: EventFromLogic<L>): Stepped<SnapshotFrom<L>> {
  const recent = recorderOf(logic).recent;
  const known = recent.find((r) => r.snapshot === snapshot && r.event === event);
  if (known) return known.stepped as Stepped<SnapshotFrom<L>>;
  const stepped = recorded(logic, (scope) => logic.transition(snapshot, event, scope) as SnapshotFrom<L>);
  recent.unshift({ snapshot, event, stepped });
  recent.length = Math.min(recent.length, RECENT);
  return stepped;
}

/** Whether the child takes the event: xstate hands back the same snapshot when no transition applies. */
export const takes = <L extends AnyActorLogic>(logic: L, snapshot: SnapshotFrom<L>, event: EventFromLogic<L>): boolean =>
  stepChild(logic, snapshot, event).snapshot !== snapshot;
