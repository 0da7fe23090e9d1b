/**
 * The import's safety net: after editing a file, read it back and check that each edited
 * text now holds its translation and that nothing else in the file means anything different.
 * A file failing the check is not written and the import stops with the reason.
 */
import { parseDocument } from 'yaml';
import type { Lang } from '../../engine/definition.ts';
import { langPair, textOf, yamlSpots } from './walk.ts';
import { trimText } from './units.ts';

/** A copy of the data with one language removed from every bilingual map. */
export function stripLang(v: unknown, lang: Lang): unknown {
  if (Array.isArray(v)) return v.map((x) => stripLang(x, lang));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    const bilingual = keys.length > 0 && keys.every((k) => k === 'fr' || k === 'en');
    return Object.fromEntries(keys.filter((k) => !(bilingual && k === lang)).map((k) => [k, stripLang(o[k], lang)]));
  }
  return v;
}

export function verifyYaml(before: string, after: string, edits: Map<string, string>, target: Lang, file: string) {
  const a = parseDocument(before);
  const b = parseDocument(after);
  const fail = (why: string) => {
    throw new Error(`${file}: the edited file did not check out (${why}); it was not written. Please report this as a bug in the tools.`);
  };
  if (b.errors.length) fail(b.errors[0].message.split('\n')[0]);
  if (JSON.stringify(stripLang(a.toJS(), target)) !== JSON.stringify(stripLang(b.toJS(), target))) fail('something other than a translation changed');
  const old = new Map(yamlSpots(a).map((s) => [s.id, textOf(langPair(s.map, target)?.value)]));
  for (const s of yamlSpots(b)) {
    const now = textOf(langPair(s.map, target)?.value);
    const want = edits.has(s.id) ? trimText(edits.get(s.id)!) : trimText(old.get(s.id) ?? '');
    if (trimText(now) !== want) fail(`"${s.id}" reads ${JSON.stringify(now)}`);
  }
}

export function verifyJson(before: string, after: string, edits: { path: string[]; value: string }[], file: string) {
  let b: unknown;
  try {
    b = JSON.parse(after);
  } catch (e) {
    throw new Error(`${file}: the edited file is not valid JSON (${(e as Error).message}); it was not written. Please report this as a bug in the tools.`);
  }
  const want = JSON.parse(before) as Record<string, unknown>;
  for (const e of edits) {
    let o = want;
    for (const k of e.path.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
    o[e.path[e.path.length - 1]] = e.value;
  }
  if (!sameData(want, b)) throw new Error(`${file}: the edited file did not check out; it was not written. Please report this as a bug in the tools.`);
}

/** Deep equality that ignores key order (a new key may sit elsewhere than `want` puts it). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
