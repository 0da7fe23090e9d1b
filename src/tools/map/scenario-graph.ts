/**
 * A scenario as a map model: one box per node, one arrow per option (labelled, marked best
 * or not) and per "next" link. Pure data from the compiled definition and one language's
 * text, so the same model feeds the SVG export and the author preview.
 */
import type { ContentStrings, CourseDefinition, NodeDef } from '../../engine/definition.ts';
import { plainText } from './text.ts';

export type NodeKind = NodeDef['kind'];

export interface MapNode {
  id: string;
  kind: NodeKind;
  title: string;
  text: string;
  start: boolean;
}

export interface MapEdge {
  from: string;
  to: string;
  /** Set for a decision's option; absent for a plain "next" link. */
  option?: { id: string; text: string; best: boolean; score?: number; flag?: string; feedback: string };
}

export interface ScenarioMap {
  id: string;
  title: string;
  /** null: every track / programme. */
  tracks: string[] | null;
  programmes: string[] | null;
  trackTitles: Record<string, string>;
  modules: string[];
  nodes: MapNode[];
  edges: MapEdge[];
}

export function scenarioMap(def: CourseDefinition, strings: ContentStrings, id: string): ScenarioMap {
  const sc = def.scenarios[id];
  if (!sc) throw new Error(`unknown scenario "${id}"`);
  const t = (k?: string) => plainText(strings, k);
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  for (const n of Object.values(sc.nodes)) {
    const start = n.id === sc.start;
    if (n.kind === 'decision') {
      nodes.push({ id: n.id, kind: n.kind, title: '', text: t(n.prompt), start });
      for (const o of n.options) {
        edges.push({ from: n.id, to: o.next, option: { id: o.id, text: t(o.text), best: o.best, score: o.score, flag: o.flag, feedback: t(o.feedback) } });
      }
    } else {
      nodes.push({ id: n.id, kind: n.kind, title: t(n.title), text: t(n.text), start });
      if (n.kind !== 'ending') edges.push({ from: n.id, to: n.next });
    }
  }
  return {
    id,
    title: t(sc.title),
    tracks: sc.tracks,
    programmes: sc.programmes,
    trackTitles: Object.fromEntries(def.tracks.map((tr) => [tr.id, t(tr.title)])),
    modules: def.modules.filter((m) => m.steps.some((s) => s.kind === 'scenario' && s.id === id)).map((m) => m.id),
    nodes,
    edges,
  };
}
