/**
 * Places a scenario map with dagre (a maintained layered-graph layout): boxes sized from
 * their wrapped text, option labels placed on their arrows, loops drawn as back arrows.
 */
import { graphlib, layout } from '@dagrejs/dagre';
import type { MapEdge, MapNode, ScenarioMap } from './scenario-graph.ts';
import { wrap } from './text.ts';

export const NODE_W = 236;
export const LABEL_W = 178;
/** Characters per line: about 7 px per character at 12 px, inside the padding. */
export const NODE_CHARS = 32;
export const LABEL_CHARS = 26;
export const LINE_H = 15;

export interface PlacedNode extends MapNode {
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

export interface PlacedEdge extends MapEdge {
  points: { x: number; y: number }[];
  label?: { x: number; y: number; width: number; height: number; lines: string[] };
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export function nodeLines(n: MapNode): string[] {
  const body = n.title ? `${n.title}: ${n.text}` : n.text;
  return wrap(body, NODE_CHARS, n.kind === 'decision' ? 4 : 3);
}

export function labelLines(e: MapEdge): string[] {
  const o = e.option!;
  const effects = [o.score !== undefined ? `score ${o.score > 0 ? '+' : ''}${o.score}` : '', o.flag ? `flag ${o.flag}` : ''].filter(Boolean).join(', ');
  return [`${o.best ? '✓ best' : '✗'} · ${o.id}`, ...wrap(o.text, LABEL_CHARS, 2), ...(effects ? [effects] : [])];
}

export function layoutMap(map: ScenarioMap): MapLayout {
  const g = new graphlib.Graph({ multigraph: true });
  // Top to bottom reads like the story; generous separation keeps labels off the boxes.
  g.setGraph({ rankdir: 'TB', nodesep: 28, edgesep: 14, ranksep: 44, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const lines = new Map<string, string[]>();
  for (const n of map.nodes) {
    const l = nodeLines(n);
    lines.set(n.id, l);
    g.setNode(n.id, { width: NODE_W, height: 30 + l.length * LINE_H });
  }
  map.edges.forEach((e, i) => {
    const label = e.option ? labelLines(e) : null;
    g.setEdge(e.from, e.to, label ? { width: LABEL_W, height: 10 + label.length * 14, labelpos: 'c', minlen: 1 } : { minlen: 1 }, `e${i}`);
  });
  layout(g);
  const nodes = map.nodes.map((n) => {
    const p = g.node(n.id);
    return { ...n, x: p.x!, y: p.y!, width: p.width, height: p.height, lines: lines.get(n.id)! };
  });
  const edges = map.edges.map((e, i) => {
    const p = g.edge({ v: e.from, w: e.to, name: `e${i}` });
    const placed: PlacedEdge = { ...e, points: p.points ?? [] };
    if (e.option) placed.label = { x: p.x!, y: p.y!, width: p.width!, height: p.height!, lines: labelLines(e) };
    return placed;
  });
  const gl = g.graph();
  return { width: Math.ceil(gl.width ?? 0), height: Math.ceil(gl.height ?? 0), nodes, edges };
}
