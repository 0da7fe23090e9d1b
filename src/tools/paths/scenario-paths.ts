/**
 * Every distinct way through one scenario, walked on the engine's own graph: the adjacency
 * map xstate builds from the real course machine, started at the scenario's first screen.
 *
 * Replay loops (a choice whose consequence leads back to an earlier decision, "try again")
 * would make the number of paths infinite. A path here never shows the same screen twice
 * (a simple path), so each loop is left out of the count and listed on its own instead.
 */

import type { CourseDefinition } from '../../engine/definition.ts';
import { createCourseMachine, type CourseMachine, type CourseSnapshot } from '../../engine/machine.ts';
import { positionOf } from '../../engine/position.ts';
import { adjacencyOf, courseGraph, inScenario, learnerEvents, serializeEvent, serializeState } from '../graph/course-graph.ts';
import { findPath } from '../graph/find-path.ts';
import { enumerate, followBest, type Adj, type Loop, type PathSummary } from './walks.ts';

export type { Choice, Loop, PathSummary } from './walks.ts';

export interface ScenarioPaths {
  scenario: string;
  /** The learner the walk was made for (the first track and programme that take the scenario). */
  track: string | null;
  programme: string | null;
  /** Screens in the engine graph of this scenario: node screens plus option feedback screens. */
  screens: number;
  paths: number;
  /** True when counting stopped at `limit` paths. */
  capped: boolean;
  shortest: PathSummary | null;
  longest: PathSummary | null;
  endings: { id: string; paths: number }[];
  /** Choosing the best option at every decision. */
  bestPath: PathSummary | null;
  loops: Loop[];
  /** Options marked best that the best path never meets: their decision comes only after a non-best choice. */
  bestOffBestPath: { node: string; option: string }[];
  /** Options not marked best, never on the best path by definition. */
  notBest: number;
}

export function scenarioPaths(def: CourseDefinition, scenario: string, opts: { limit?: number; machine?: CourseMachine } = {}): ScenarioPaths {
  const limit = opts.limit ?? 100_000;
  const machine = opts.machine ?? createCourseMachine(def);
  const start = findPath(def, { scenario }, {}, machine);
  if (!start.ok) throw new Error(start.reason);
  const here = positionOf(def, start.snapshot);
  const g = courseGraph(def, { track: start.track, programme: start.programme }, machine);
  const adj = adjacencyOf(machine, {
    input: g.input,
    fromState: start.snapshot,
    // Stay inside this scenario; an ending is the last screen of a path.
    events: (s: CourseSnapshot) => {
      const pos = positionOf(def, s);
      if (!inScenario(pos, here.module!.id, here.stepIndex!) || pos.node?.kind === 'ending') return [];
      return learnerEvents(g, s);
    },
    serializeState: (s: CourseSnapshot) => serializeState(s),
    serializeEvent,
  }) as Adj;

  const sc = def.scenarios[scenario];
  const startKey = serializeState(start.snapshot);
  const posOf = (key: string) => positionOf(def, adj[key].state);
  const walk = enumerate(adj, startKey, posOf, limit);
  const endingIds = Object.values(sc.nodes).filter((n) => n.kind === 'ending').map((n) => n.id);
  const bestPath = followBest(adj, startKey, posOf);
  const onBest = new Set(bestPath?.choices.map((c) => `${c.node}:${c.option}`) ?? []);
  const options = Object.values(sc.nodes).flatMap((n) => (n.kind === 'decision' ? n.options.map((o) => ({ node: n.id, option: o.id, best: o.best })) : []));
  return {
    scenario,
    track: start.track,
    programme: start.programme,
    screens: Object.keys(adj).length,
    paths: walk.count,
    capped: walk.count >= limit,
    shortest: walk.shortest,
    longest: walk.longest,
    endings: endingIds.map((id) => ({ id, paths: walk.endings.get(id) ?? 0 })),
    bestPath,
    // In the order the author wrote the nodes and options, not the order the walk met them.
    loops: [...walk.loops.values()].sort((a, b) => order(sc, a) - order(sc, b)),
    bestOffBestPath: options.filter((o) => o.best && !onBest.has(`${o.node}:${o.option}`)).map(({ node, option }) => ({ node, option })),
    notBest: options.filter((o) => !o.best).length,
  };
}

function order(sc: CourseDefinition['scenarios'][string], l: Loop): number {
  const nodes = Object.keys(sc.nodes);
  const n = sc.nodes[l.node];
  return nodes.indexOf(l.node) * 1000 + (n.kind === 'decision' ? n.options.findIndex((o) => o.id === l.option) : 0);
}
