/**
 * Interim rules (curriculum §1.4 policy gaps): every `gap:` names a gap declared in
 * course.yaml, and a text that teaches a gap's interim rule (it uses one of the gap's tokens
 * or phrases) carries `gap:` naming it, so learners always see the "interim rule" marker.
 *
 * The units checked are the texts that teach: pages, scenario options (text and feedback),
 * feedback, consequence and ending nodes, and quiz items (stem, options, feedback, variants).
 * Situations and decision prompts only describe what happens, so they are not checked. A
 * decision's `gap:` covers its options; an item's covers its options and variants.
 */
import type { DataPath } from './parse.ts';
import type { CourseSource, ModuleSource, ScenarioSource } from './schema.ts';
import type { Loaded } from './validate.ts';

type Report = (f: Loaded<unknown>, path: DataPath, message: string, hint?: string, severity?: 'error' | 'warning', key?: boolean, offset?: number) => void;
type Gap = NonNullable<CourseSource['gaps']>[string];

/** A missing `gap:` is an error: learners must see that the rule is interim. */
const DETECTED = 'error';

const asList = (g: string | string[] | undefined) => (g === undefined ? [] : typeof g === 'string' ? [g] : g);

/** Case-insensitive, apostrophes folded (’ and ' read the same). */
const fold = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'");

/** The first place in a text that matches a gap's detector, if any. */
export function gapMatch(gap: Gap, lang: 'fr' | 'en', text: string): { what: string; offset: number } | null {
  const t = fold(text);
  for (const name of gap.detect?.tokens ?? []) {
    const m = new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`).exec(text);
    if (m) return { what: `{{${name}}}`, offset: m.index };
  }
  for (const phrase of gap.detect?.[lang] ?? []) {
    const i = t.indexOf(fold(phrase));
    if (i >= 0) return { what: `“${phrase.trim()}”`, offset: i };
  }
  return null;
}

export function checkGaps(course: Loaded<CourseSource> | null, modules: Loaded<ModuleSource>[], scenarios: Loaded<ScenarioSource>[], report: Report) {
  if (!course) return;
  const gaps = course.value.gaps ?? {};
  const tokens = new Set(Object.keys(course.value.tokens));
  for (const [id, g] of Object.entries(gaps)) {
    g.detect?.tokens?.forEach((name, i) => {
      if (!tokens.has(name)) report(course, ['gaps', id, 'detect', 'tokens', i], `gap ${id} detects unknown token "${name}"`, 'declare it under "tokens" first');
    });
  }

  /** Checks the ids of one `gap:` field; returns the known ones. */
  const ids = (f: Loaded<unknown>, path: DataPath, g: string | string[] | undefined) =>
    asList(g).filter((id, i) => {
      if (gaps[id]) return true;
      report(f, typeof g === 'string' ? [...path, 'gap'] : [...path, 'gap', i], `unknown gap "${id}"`, `gaps are declared in modules/course.yaml under "gaps" (${Object.keys(gaps).join(', ') || 'none yet'})`);
      return false;
    });

  /** Every bilingual text under `value`, with its path. */
  const texts = (value: unknown, path: DataPath, out: { path: DataPath; lang: 'fr' | 'en'; text: string }[] = []) => {
    if (Array.isArray(value)) value.forEach((v, i) => texts(v, [...path, i], out));
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.fr === 'string' && typeof o.en === 'string' && Object.keys(o).length === 2) {
        out.push({ path: [...path, 'fr'], lang: 'fr', text: o.fr }, { path: [...path, 'en'], lang: 'en', text: o.en });
      } else for (const [k, v] of Object.entries(o)) if (k !== 'gap') texts(v, [...path, k], out);
    }
    return out;
  };

  /** One teaching unit: reports each gap it teaches without naming it (once per gap). */
  const unit = (f: Loaded<unknown>, path: DataPath, value: unknown, carried: string[], what: string) => {
    for (const [id, g] of Object.entries(gaps)) {
      if (carried.includes(id) || !g.detect) continue;
      for (const t of texts(value, path)) {
        const m = gapMatch(g, t.lang, t.text);
        if (!m) continue;
        report(f, t.path, `this ${what} teaches an interim rule (${id}, ${g.title.en}: it uses ${m.what}) but has no "gap: ${id}"`, `add "gap: ${id}" to the ${what} so learners see that the rule is interim, or reword it`, DETECTED, false, m.offset);
        break;
      }
    }
  };

  for (const m of modules) {
    m.value.steps.forEach((st, i) => {
      if (!('page' in st)) return;
      const path = ['steps', i, 'page'];
      unit(m, path, st.page, ids(m, path, st.page.gap), 'page');
    });
    m.value.items?.forEach((it, i) => {
      const path = ['items', i];
      unit(m, path, it, ids(m, path, it.gap), 'quiz item');
    });
  }
  for (const s of scenarios) {
    s.value.nodes.forEach((n, i) => {
      const path = ['nodes', i];
      const own = ids(s, path, n.gap);
      if (n.type === 'decision') {
        n.options.forEach((o, j) => {
          const op = [...path, 'options', j];
          unit(s, op, o, [...own, ...ids(s, op, o.gap)], 'option');
        });
      } else if (n.type !== 'situation') {
        unit(s, path, n, own, `${n.type} node`);
      }
    });
  }
}
