/**
 * Where an author wants to go: a module, a page or check of a module, a scenario, one of its
 * nodes, or the feedback of one option. Checked against the definition with messages that
 * name what exists, so a mistyped id in a link or a transcript is easy to fix.
 */
import type { CourseDefinition } from '../../engine/definition.ts';
import type { Position } from '../../engine/position.ts';

export interface Target {
  module?: string;
  /** A page id or a knowledge-check item id inside the module. */
  step?: string;
  scenario?: string;
  node?: string;
  /** With `node`: the screen showing this option's feedback. */
  option?: string;
}

const list = (ids: string[]) => (ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, …` : ids.join(', '));

/** Returns a problem in words, or null when every id in the target exists. */
export function checkTarget(def: CourseDefinition, t: Target): string | null {
  if (t.node && !t.scenario) return `a node needs its scenario: add scenario=<id>`;
  if (!t.module && !t.scenario && !t.step) return 'say where to go: module, step, scenario or node';
  const mod = t.module ? def.modules.find((m) => m.id === t.module) : undefined;
  if (t.module && !mod) return `unknown module "${t.module}" (modules: ${list(def.modules.map((m) => m.id))})`;
  if (t.step) {
    const inModules = mod ? [mod] : def.modules;
    const found = inModules.some((m) => m.steps.some((s) => stepMatches(s, t.step!)));
    if (!found) return `no page or check "${t.step}" in ${mod ? `module "${mod.id}"` : 'any module'}`;
  }
  if (t.scenario) {
    const sc = def.scenarios[t.scenario];
    if (!sc) return `unknown scenario "${t.scenario}" (scenarios: ${list(Object.keys(def.scenarios))})`;
    if (!def.modules.some((m) => (!mod || m === mod) && m.steps.some((s) => s.kind === 'scenario' && s.id === t.scenario)))
      return `scenario "${t.scenario}" is not a step of ${mod ? `module "${mod.id}"` : 'any module'}`;
    if (t.node && !sc.nodes[t.node]) return `unknown node "${t.node}" in scenario "${sc.id}" (nodes: ${list(Object.keys(sc.nodes))})`;
    if (t.option) {
      const n = t.node ? sc.nodes[t.node] : undefined;
      if (!n || n.kind !== 'decision') return `option "${t.option}" needs node=<a decision of "${sc.id}">`;
      if (!n.options.some((o) => o.id === t.option)) return `unknown option "${t.option}" at "${n.id}" (options: ${list(n.options.map((o) => o.id))})`;
    }
  }
  return null;
}

function stepMatches(s: CourseDefinition['modules'][number]['steps'][number], id: string) {
  return s.kind === 'check' ? s.item === id || s.id === id : s.id === id;
}

/** Whether a position is the target screen. */
export function isAt(pos: Position, t: Target): boolean {
  if (pos.phase !== 'learning' || !pos.module || !pos.step) return false;
  if (t.module && pos.module.id !== t.module) return false;
  if (t.step && !stepMatches(pos.step, t.step)) return false;
  if (pos.step.kind === 'check' && pos.check === 'answered') return false;
  if (t.scenario) {
    if (pos.step.kind !== 'scenario' || pos.step.id !== t.scenario) return false;
    if (t.node && pos.node?.id !== t.node) return false;
    if ((t.option ?? undefined) !== pos.option) return false;
  }
  return true;
}

/** The index of the first module the target lies in: the walk need not go further. */
export function targetModuleIndex(def: CourseDefinition, t: Target): number {
  return def.modules.findIndex(
    (m) =>
      (!t.module || m.id === t.module) &&
      (!t.scenario || m.steps.some((s) => s.kind === 'scenario' && s.id === t.scenario)) &&
      (!t.step || m.steps.some((s) => stepMatches(s, t.step!))),
  );
}
