/**
 * What a learner sees on a scenario screen, as plain text in one language: the same view
 * model the interface renders (`selectView`), its text keys resolved with the programme's
 * token values, plus the interface's labels for a choice (best or not, try again).
 */

import type { ContentStrings, CourseDefinition } from '../../engine/definition.ts';
import { selectView } from '../../engine/view.ts';
import { ContentText } from '../../app/content-text.ts';
import type { CourseSnapshot } from '../../engine/machine.ts';

export interface ScreenText {
  /** Scenario and node on screen; null outside a scenario. */
  scenario: string | null;
  node: string | null;
  kind: string;
  /** The option whose feedback is shown. */
  chosen: { id: string; best: boolean } | null;
  options: string[];
  text: string;
}

/** Interface labels by key (`scenario.best` …), read from the locale files. */
export type UiLabels = (key: string) => string | undefined;

export function screenText(def: CourseDefinition, snapshot: CourseSnapshot, strings: ContentStrings, ui: UiLabels): ScreenText {
  const view = selectView(def, snapshot);
  const c = new ContentText(strings, view.programme);
  const s = view.screen;
  if (s.kind !== 'scenario') return { scenario: null, node: null, kind: s.kind, chosen: null, options: [], text: '' };
  const n = s.node;
  const parts = [c.plain(s.title)];
  let chosen: ScreenText['chosen'] = null;
  let options: string[] = [];
  if (n.kind === 'decision') {
    parts.push(c.plain(n.prompt), ...n.options.map((o) => c.plain(o.text)));
    // In the author's order (learners see them shuffled), so messages read like the file.
    const node = def.scenarios[s.scenario].nodes[n.id];
    options = node.kind === 'decision' ? node.options.map((o) => o.id) : n.options.map((o) => o.id);
  } else if (n.kind === 'chosen') {
    chosen = { id: n.option.id, best: n.option.best };
    parts.push(c.plain(n.prompt), ui('scenario.yourChoice') ?? '', c.plain(n.option.text), ui(n.option.best ? 'scenario.best' : 'scenario.notBest') ?? '', c.plain(n.option.feedback));
    if (n.option.replay) parts.push(ui('scenario.tryAgain') ?? '');
  } else {
    if (n.first && s.notice) parts.push(c.plain(s.notice));
    parts.push(c.plain(n.title), c.plain(n.text));
  }
  return { scenario: s.scenario, node: n.id, kind: n.kind === 'chosen' ? 'decision' : n.kind, chosen, options, text: parts.filter(Boolean).join('\n') };
}

/** Case, spacing and curly quotes do not matter when a trainer looks for a text. */
export function normalise(s: string): string {
  return s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\u00a0|\u202f/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}
