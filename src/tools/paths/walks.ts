/**
 * The two walks of the path report over a scenario's engine graph: every simple path from
 * the first screen to an ending (one depth-first pass, noting replay loops as it meets them),
 * and the path of a learner who always picks the best option.
 */

import type { AdjacencyValue } from 'xstate/graph';
import type { LearnerEvent } from '../../engine/events.ts';
import type { Position } from '../../engine/position.ts';
import { serializeState } from '../graph/course-graph.ts';
import type { CourseSnapshot } from '../../engine/machine.ts';

export interface Choice { node: string; option: string; best: boolean }
export interface PathSummary { screens: number; choices: Choice[]; ending: string }
export interface Loop { node: string; option: string; via: string[]; backTo: string }

/** The engine graph of one scenario, keyed by the engine's state keys. */
export type Adj = Record<string, AdjacencyValue<CourseSnapshot, LearnerEvent>>;

const screenName = (p: Position) => (p.option ? `${p.node!.id}:${p.option}` : p.node?.id ?? '?');

function choiceOf(p: Position): Choice | null {
  if (!p.option || p.node?.kind !== 'decision') return null;
  const o = p.node.options.find((x) => x.id === p.option)!;
  return { node: p.node.id, option: o.id, best: o.best };
}

/** Depth-first over simple paths from the first screen to each ending, in one pass. */
export function enumerate(adj: Adj, startKey: string, posOf: (k: string) => Position, limit: number) {
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
export function followBest(adj: Adj, startKey: string, posOf: (k: string) => Position): PathSummary | null {
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
