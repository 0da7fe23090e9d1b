/**
 * Model-based testing helpers over the real engine, with xstate's graph utilities.
 */
import { getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import type { CourseDefinition } from '../../src/engine/definition.ts';
import { createCourseMachine } from '../../src/engine/machine.ts';
import { candidateEvents, stateKey } from '../../src/engine/graph.ts';
import { positionOf } from '../../src/engine/position.ts';

export const SEED = 7;

export function traversal(def: CourseDefinition) {
  return {
    input: { seed: SEED },
    events: (s: AnyMachineSnapshot) => candidateEvents(def, s),
    serializeState: (s: AnyMachineSnapshot) => stateKey(s),
  };
}

/** Every reachable state of the course, with its outgoing edges. */
export function courseAdjacency(def: CourseDefinition) {
  const machine = createCourseMachine(def);
  return getAdjacencyMap(machine, traversal(def) as never) as Record<string, { state: AnyMachineSnapshot; transitions: Record<string, { event: unknown; state: AnyMachineSnapshot }> }>;
}

export function shortestPaths(def: CourseDefinition) {
  return getShortestPaths(createCourseMachine(def), traversal(def) as never);
}

/** States from which the course can still be finished (reverse reachability from `done`, or from the states `isEnd` accepts). */
export function canFinish(adj: ReturnType<typeof courseAdjacency>, isEnd: (s: AnyMachineSnapshot) => boolean = (s) => s.status === 'done'): Set<string> {
  const reverse = new Map<string, string[]>();
  for (const [from, v] of Object.entries(adj)) {
    for (const t of Object.values(v.transitions)) {
      const to = stateKey(t.state);
      reverse.set(to, [...(reverse.get(to) ?? []), from]);
    }
  }
  const ok = new Set(Object.keys(adj).filter((k) => isEnd(adj[k].state)));
  const queue = [...ok];
  while (queue.length) for (const p of reverse.get(queue.pop()!) ?? []) if (!ok.has(p)) ok.add(p), queue.push(p);
  return ok;
}

/** A one-module course holding only this scenario, to walk its own paths. */
export function scenarioOnly(def: CourseDefinition, scenarioId: string): CourseDefinition {
  const sc = def.scenarios[scenarioId];
  return {
    ...def,
    programmes: def.programmes.slice(0, 1),
    modules: [{ id: 'only', title: 'only', tracks: null, programmes: null, clauses: [], objectives: [], steps: [{ kind: 'scenario', id: sc.id }] }],
    scenarios: { [sc.id]: { ...sc, tracks: null, programmes: null } },
    assessment: { sections: [], attempts: 0 },
  };
}

/** Every simple path through one scenario, from its start to leaving it. */
export function scenarioPaths(def: CourseDefinition, scenarioId: string) {
  const mini = scenarioOnly(def, scenarioId);
  const machine = createCourseMachine(mini);
  const start = machine.resolveState({ value: { learning: { only: { s0: mini.scenarios[scenarioId].start } } }, context: { seed: SEED, presetTrack: null, track: def.tracks[0].id, programme: mini.programmes[0]?.id ?? null, completed: [], score: 0, flags: [], check: null, attempt: 0, drawn: [], answers: [], result: null } });
  const paths = getSimplePaths(machine, {
    ...traversal(mini),
    fromState: start,
    stopWhen: (s: AnyMachineSnapshot) => positionOf(mini, s).phase !== 'learning',
  } as never);
  return { mini, paths };
}

/** Path steps the learner took (the graph utilities start with xstate's own init event). */
export function learnerSteps<T extends { event: { type: string } }>(steps: T[]): T[] {
  return steps.filter((s) => !s.event.type.startsWith('xstate.'));
}
