import type { ScenarioDef } from './definition.ts';

/**
 * Whether following `from` through text nodes (situation, feedback, consequence) comes back
 * to `target`: an option whose consequence returns to its decision means "replay it".
 */
export function leadsBack(sc: ScenarioDef, from: string, target: string): boolean {
  const seen = new Set<string>();
  let id: string | undefined = from;
  while (id && !seen.has(id)) {
    if (id === target) return true;
    seen.add(id);
    const n: ScenarioDef['nodes'][string] | undefined = sc.nodes[id];
    id = n && (n.kind === 'situation' || n.kind === 'feedback' || n.kind === 'consequence') ? n.next : undefined;
  }
  return false;
}
