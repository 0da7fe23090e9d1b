/**
 * Every distinct way through one scenario, walked on the engine's own graph: the adjacency
 * map xstate builds from the real course machine, started at the scenario's first screen.
 *
 * Replay loops (a choice whose consequence leads back to an earlier decision, "try again")
 * would make the number of paths infinite. A path here never shows the same screen twice
 * (a simple path), so each loop is left out of the count and listed on its own instead.
 */
import { getAdjacencyMap, type AdjacencyValue } from 'xstate/graph';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { CourseDefinition } from '../../engine/definition.ts';
import type { LearnerEvent } from '../../engine/events.ts';
import { createCourseMachine } from '../../engine/machine.ts';
import { positionOf, type Position } from '../../engine/position.ts';
import { courseGraph, inScenario, learnerEvents, serializeEvent, serializeState } from '../graph/course-graph.ts';
import { findPath } from '../graph/find-path.ts';

export interface Choice { node: string; option: string; best: boolean }
export interface PathSummary { screens: number; choices: Choice[]; ending: string }
export interface Loop { node: string; option: string; via: string[]; backTo: string }

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

type Adj = Record<string, AdjacencyValue<AnyMachineSnapshot, LearnerEvent>>;

export function scenarioPaths(def: CourseDefinition, scenario: string, opts: { limit?: number; machine?: AnyStateMachine } = {}): ScenarioPaths {
  const limit = opts.limit ?? 100_000;
  const machine = opts.machine ?? createCourseMachine(def);
  const start = findPath(def, { scenario }, {}, machine);
  if (!start.ok) throw new Error(start.reason);
  const here = positionOf(def, start.snapshot);
  const g = courseGraph(def, { track: start.track, programme: start.programme }, machine);
  const adj = getAdjacencyMap(machine, {
    input: g.input,
    fromState: start.snapshot,
    // Stay inside this scenario; an ending is the last screen of a path.
    events: (s: AnyMachineSnapshot) => {
      const pos = positionOf(def, s);
      if (!inScenario(pos, here.module!.id, here.stepIndex!) || pos.node?.kind === 'ending') return [];
      return learnerEvents(g, s);
    },
    serializeState: (s: AnyMachineSnapshot) => serializeState(s),
    serializeEvent: serializeEvent as never,
  }) as unknown as Adj;

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

const screenName = (p: Position) => (p.option ? `${p.node!.id}:${p.option}` : p.node?.id ?? '?');

function choiceOf(p: Position): Choice | null {
  if (!p.option || p.node?.kind !== 'decision') return null;
  const o = p.node.options.find((x) => x.id === p.option)!;
  return { node: p.node.id, option: o.id, best: o.best };
}

/** Depth-first over simple paths from the first screen to each ending, in one pass. */
function enumerate(adj: Adj, startKey: string, posOf: (k: string) => Position, limit: number) {
  const stack: string[] = [];
  const onStack = new Set<string>();
  const endings = new Map<string, number>();
  const loops = new Map<string, Loop>();
  let count = 0;
  let shortest: PathSummary | null = null;
  let longest: PathSummary | null = null;

  const summary = (): PathSummary => {
    const positions = stack.map(posOf);
    return { screens: stack.length, choices: positions.map(choiceOf).filter((c): c is Choice => !!c), ending: positions[positions.length - 1].node!.id };
  };
  const visit = (key: string) => {
    if (count >= limit) return;
    stack.push(key);
    onStack.add(key);
    const pos = posOf(key);
    if (pos.node?.kind === 'ending') {
      count++;
      endings.set(pos.node.id, (endings.get(pos.node.id) ?? 0) + 1);
      // Ties: the shortest with the most best choices, the longest with the fewest.
      const s = summary();
      const bests = (p: PathSummary) => p.choices.filter((c) => c.best).length;
      if (!shortest || s.screens < shortest.screens || (s.screens === shortest.screens && bests(s) > bests(shortest))) shortest = s;
      if (!longest || s.screens > longest.screens || (s.screens === longest.screens && bests(s) < bests(longest))) longest = s;
    } else {
      for (const { state } of Object.values(adj[key].transitions)) {
        const next = serializeState(state);
        if (onStack.has(next)) recordLoop(next);
        else if (adj[next]) visit(next);
      }
    }
    stack.pop();
    onStack.delete(key);
  };
  // A back edge: name the choice that started the detour and the screens it goes through.
  const recordLoop = (backTo: string) => {
    const from = stack.indexOf(backTo);
    const detour = stack.slice(from + 1).map(posOf);
    const pick = detour.find((p) => p.option);
    if (!pick) return;
    const loop: Loop = { node: pick.node!.id, option: pick.option!, via: detour.filter((p) => !p.option).map(screenName), backTo: screenName(posOf(backTo)) };
    loops.set(`${loop.node}:${loop.option}`, loop);
  };
  visit(startKey);
  return { count, endings, loops, shortest: shortest as PathSummary | null, longest: longest as PathSummary | null };
}

/** The path of a learner who always picks the best option. */
function followBest(adj: Adj, startKey: string, posOf: (k: string) => Position): PathSummary | null {
  const seen = new Set<string>();
  const choices: Choice[] = [];
  let key = startKey;
  while (!seen.has(key)) {
    seen.add(key);
    const pos = posOf(key);
    if (pos.node?.kind === 'ending') return { screens: seen.size, choices, ending: pos.node.id };
    const c = choiceOf(pos);
    if (c) choices.push(c);
    const moves = Object.values(adj[key]?.transitions ?? {});
    const move =
      pos.node?.kind === 'decision' && !pos.option
        ? moves.find((m) => m.event.type === 'choice.select' && pos.node!.kind === 'decision' && pos.node!.options.find((o) => o.id === (m.event as { option: string }).option)?.best)
        : moves[0];
    if (!move) return null;
    key = serializeState(move.state);
  }
  return null; // the best choices go round in a loop: the validator reports that
}
