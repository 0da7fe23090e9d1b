/**
 * Model-based testing helpers over the real engine, with xstate's graph utilities.
 */
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { initialTransition, transition } from 'xstate';
import type { CourseDefinition } from '../../src/engine/definition.ts';
import { createCourseMachine, type CourseSnapshot } from '../../src/engine/machine.ts';
import { candidateEvents, stateKey } from '../../src/engine/graph.ts';
import { adjacencyOf, walkable } from '../../src/tools/graph/course-graph.ts';
import { positionOf } from '../../src/engine/position.ts';

export const SEED = 7;

export function traversal(def: CourseDefinition) {
  return {
    input: { seed: SEED },
    events: (s: CourseSnapshot) => candidateEvents(def, s),
    serializeState: (s: CourseSnapshot) => stateKey(s),
  };
}

/** Every reachable state of the course, with its outgoing edges. */
export function courseAdjacency(def: CourseDefinition) {
  return adjacencyOf(createCourseMachine(def), traversal(def));
}

export function shortestPaths(def: CourseDefinition) {
  return getShortestPaths(walkable(createCourseMachine(def)), traversal(def));
}

/** States from which the course can still be finished (reverse reachability from `done`, or from the states `isEnd` accepts). */
export function canFinish(adj: ReturnType<typeof courseAdjacency>, isEnd: (s: CourseSnapshot) => boolean = (s) => s.status === 'done'): Set<string> {
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
  // The scenario's first screen, reached as a learner reaches it: start, then the first track
  // (the one programme is chosen by itself).
  const machine = createCourseMachine(mini);
  let [start] = initialTransition(machine, { seed: SEED });
  for (const e of [{ type: 'course.start' }, { type: 'track.select', track: def.tracks[0].id }] as const) [start] = transition(machine, start, e);
  const paths = getSimplePaths(walkable(machine), {
    ...traversal(mini),
    fromState: start,
    stopWhen: (s: CourseSnapshot) => positionOf(mini, s).phase !== 'learning',
  });
  return { mini, paths };
}

/** Path steps the learner took (the graph utilities start with xstate's own init event). */
export function learnerSteps<T extends { event: { type: string } }>(steps: T[]): T[] {
  return steps.filter((s) => !s.event.type.startsWith('xstate.'));
}
