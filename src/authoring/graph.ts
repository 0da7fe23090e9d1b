/**
 * Shape of one scenario's graph: dangling links, unreachable nodes, dead ends and loops a
 * learner could never leave. Pure, shared by `check` and the trainer tools.
 */
import type { DataPath } from './parse.ts';
import type { ScenarioSource } from './schema.ts';

export interface GraphProblem {
  path: DataPath;
  message: string;
  hint?: string;
}

/** Outgoing links of each node, with the data path of each link. */
export function scenarioEdges(sc: ScenarioSource): Map<string, { to: string; path: DataPath }[]> {
  const edges = new Map<string, { to: string; path: DataPath }[]>();
  sc.nodes.forEach((n, i) => {
    if (n.type === 'decision') edges.set(n.id, n.options.map((o, j) => ({ to: o.next, path: ['nodes', i, 'options', j, 'next'] })));
    else if (n.type === 'ending') edges.set(n.id, []);
    else edges.set(n.id, [{ to: n.next, path: ['nodes', i, 'next'] }]);
  });
  return edges;
}

export function scenarioGraphProblems(sc: ScenarioSource): GraphProblem[] {
  const out: GraphProblem[] = [];
  const edges = scenarioEdges(sc);
  const ids = new Set(edges.keys());
  const index = new Map(sc.nodes.map((n, i) => [n.id, i]));
  if (!ids.has(sc.start)) out.push({ path: ['start'], message: `start node "${sc.start}" not found`, hint: 'use the id of one of the nodes below' });
  for (const list of edges.values()) {
    for (const e of list) {
      if (!ids.has(e.to)) out.push({ path: e.path, message: `link to unknown node "${e.to}"`, hint: `known nodes: ${[...ids].slice(0, 8).join(', ')}${ids.size > 8 ? ', …' : ''}` });
    }
  }
  const next = (id: string) => (edges.get(id) ?? []).map((e) => e.to).filter((t) => ids.has(t));

  const reachable = new Set<string>();
  const queue = ids.has(sc.start) ? [sc.start] : [];
  while (queue.length) {
    const id = queue.shift()!;
    if (reachable.has(id)) continue;
    reachable.add(id);
    queue.push(...next(id));
  }
  if (ids.has(sc.start)) {
    for (const id of ids) {
      if (!reachable.has(id)) out.push({ path: ['nodes', index.get(id)!, 'id'], message: `node "${id}" can never be reached`, hint: `no link leads here from "${sc.start}"; link to it or remove it` });
    }
  }

  // Nodes from which an ending can be reached (reverse search from the endings).
  const canFinish = new Set(sc.nodes.filter((n) => n.type === 'ending').map((n) => n.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const id of ids) {
      if (!canFinish.has(id) && next(id).some((t) => canFinish.has(t))) {
        canFinish.add(id);
        grew = true;
      }
    }
  }
  for (const id of reachable) {
    if (canFinish.has(id)) continue;
    const onCycle = next(id).some((t) => reaches(t, id));
    const path = ['nodes', index.get(id)!, 'id'];
    if (next(id).length === 0) out.push({ path, message: `dead end: node "${id}" is not an ending and leads nowhere`, hint: 'give it a valid "next", or make it type: ending' });
    else if (onCycle) out.push({ path, message: `loop with no exit: from node "${id}" no ending can be reached`, hint: 'give one option of the loop a way on towards an ending' });
    else out.push({ path, message: `dead end: from node "${id}" no ending can be reached`, hint: 'follow its links: one of them must lead to an ending' });
  }
  return out;

  function reaches(from: string, target: string): boolean {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      const id = stack.pop()!;
      if (id === target) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...next(id));
    }
    return false;
  }
}
