/**
 * Reads the scenario graph to word the way on: after a poor choice the learner is sent back
 * to the same decision, and the button should say so ("Try this decision again").
 */
import type { CourseDefinition } from '../engine/definition.ts';

/**
 * True when this node leads back to a decision one of whose poorer options led
 * here: the replay loop after a poor choice.
 */
export function leadsBackToDecision(def: CourseDefinition, scenario: string, nodeId: string): boolean {
  const nodes = def.scenarios[scenario]?.nodes;
  const node = nodes?.[nodeId];
  if (!node || !('next' in node)) return false;
  const target = nodes[node.next];
  return target?.kind === 'decision' && target.options.some((o) => !o.best && o.next === nodeId);
}
