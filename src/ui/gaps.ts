/**
 * Which policy gaps (interim rules) a piece of content carries, looked up in the definition
 * by the ids the view model already gives, so every screen shows the same marker.
 */
import type { CourseDefinition } from '../engine/definition.ts';

export function pageGaps(def: CourseDefinition, moduleId: string | undefined, pageId: string): string[] {
  const step = def.modules.find((m) => m.id === moduleId)?.steps.find((s) => s.kind === 'page' && s.id === pageId);
  return (step?.kind === 'page' && step.gaps) || [];
}

export function nodeGaps(def: CourseDefinition, scenario: string, nodeId: string): string[] {
  return def.scenarios[scenario]?.nodes[nodeId]?.gaps ?? [];
}

/** A decision's gaps cover all its options. */
export function optionGaps(def: CourseDefinition, scenario: string, nodeId: string, optionId: string): string[] {
  const node = def.scenarios[scenario]?.nodes[nodeId];
  const own = node?.kind === 'decision' ? node.options.find((o) => o.id === optionId)?.gaps ?? [] : [];
  return [...new Set([...(node?.gaps ?? []), ...own])];
}

export function itemGaps(def: CourseDefinition, item: string): string[] {
  return def.items[item]?.gaps ?? [];
}
