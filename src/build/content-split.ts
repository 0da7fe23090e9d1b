/**
 * Splits one language's text so the first screen does not wait for the whole course: a
 * small core (course, tracks, programmes, module and section titles, clauses, glossary,
 * tokens) and one part per module (its pages, scenarios and questions). Keys are found by
 * walking the definition, not by their names. A key a module needs is in its part even if
 * another module needs it too.
 */
import type { ContentStrings, CourseDefinition, TextKey } from '../engine/definition.ts';

export type TextTable = ContentStrings['text'];

/** The text keys each module's screens and questions use. */
export function moduleKeys(def: CourseDefinition): Map<string, Set<TextKey>> {
  const out = new Map<string, Set<TextKey>>();
  const itemKeys = (id: string, into: Set<TextKey>) => {
    for (const f of def.items[id]?.forms ?? []) {
      into.add(f.stem);
      for (const o of f.options) into.add(o.text).add(o.feedback);
    }
  };
  for (const m of def.modules) {
    const keys = new Set<TextKey>();
    for (const step of m.steps) {
      if (step.kind === 'page') keys.add(step.title).add(step.body);
      else if (step.kind === 'check') itemKeys(step.item, keys);
      else {
        const sc = def.scenarios[step.id];
        if (!sc) continue;
        keys.add(sc.title);
        if (sc.notice) keys.add(sc.notice);
        for (const n of Object.values(sc.nodes)) {
          if (n.kind === 'decision') {
            keys.add(n.prompt);
            for (const o of n.options) keys.add(o.text).add(o.feedback);
          } else {
            keys.add(n.text);
            if (n.title) keys.add(n.title);
          }
        }
      }
    }
    // The module's question pool (drawn in the assessment).
    for (const it of Object.values(def.items)) if (it.module === m.id) itemKeys(it.id, keys);
    out.set(m.id, keys);
  }
  return out;
}

export function splitContent(def: CourseDefinition, strings: ContentStrings): { core: ContentStrings; modules: Record<string, TextTable> } {
  const byModule = moduleKeys(def);
  const inSomeModule = new Set([...byModule.values()].flatMap((s) => [...s]));
  const coreText: TextTable = {};
  for (const [k, v] of Object.entries(strings.text)) if (!inSomeModule.has(k)) coreText[k] = v;
  const modules: Record<string, TextTable> = {};
  for (const [id, keys] of byModule) {
    const part: TextTable = {};
    for (const k of keys) if (k in strings.text) part[k] = strings.text[k];
    modules[id] = part;
  }
  return { core: { ...strings, text: coreText }, modules };
}
