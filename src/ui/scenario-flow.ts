/**
 * Words the way on in a scenario. After a poor choice the learner may see feedback, then a
 * consequence, then the same decision again: the button that returns to the decision says
 * "Try this decision again"; the ones before it say "Continue".
 */
import type { CourseDefinition, NodeDef } from '../engine/definition.ts';

const isText = (n: NodeDef | undefined): n is Extract<NodeDef, { next: string }> =>
  !!n && (n.kind === 'situation' || n.kind === 'feedback' || n.kind === 'consequence');

/** Text nodes passed through from `from` until the next decision or ending. */
function textChain(nodes: Record<string, NodeDef>, from: string): string[] {
  const out: string[] = [];
  for (let id: string | undefined = from; id && isText(nodes[id]) && !out.includes(id); id = (nodes[id] as { next: string }).next) out.push(id);
  return out;
}

/**
 * True when leaving this screen goes straight back to a decision the learner got wrong:
 * `node` is the decision itself (its feedback screen, option `option`) or a text node that
 * one of that decision's poorer options led through.
 */
export function returnsToDecision(def: CourseDefinition, scenario: string, nodeId: string, option?: string): boolean {
  const nodes = def.scenarios[scenario]?.nodes ?? {};
  const node = nodes[nodeId];
  if (node?.kind === 'decision') return node.options.some((o) => o.id === option && !o.best && o.next === node.id);
  if (!isText(node)) return false;
  const target = nodes[node.next];
  return target?.kind === 'decision' && target.options.some((o) => !o.best && textChain(nodes, o.next).includes(nodeId));
}
