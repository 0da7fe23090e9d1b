/**
 * Interface strings (locales/<lang>/<namespace>.json) checked like content: JSON syntax with
 * file:line:col, the same keys in every language, no empty text, and every key the code asks
 * for (`t('…')` in src/**\/*.svelte and *.ts) present. Plural forms (key_one, key_other…)
 * count as their base key, since languages have different plural categories. Node only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic } from './diagnostic.ts';
import { parseYaml } from './parse.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (k: string) => k.replace(PLURAL, '');

interface Bundle {
  file: string;
  lang: string;
  ns: string;
  /** Flat dotted key → value. */
  keys: Map<string, unknown>;
  locate: (path: string[]) => { line: number; col: number };
}

/** Line and column (1-based) of a character offset. */
function lineCol(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

function flatten(value: unknown, prefix: string[], out: Map<string, unknown>, paths: Map<string, string[]>) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, [...prefix, k], out, paths);
  } else {
    out.set(prefix.join('.'), value);
    paths.set(prefix.join('.'), prefix);
  }
}

/** Keys the code asks for: literal first arguments of t(…), and `prefix.${…}` families. */
export function keysUsed(root: string): { key: string; dynamic: boolean; file: string; line: number; col: number }[] {
  const out: ReturnType<typeof keysUsed> = [];
  // Node-only tools with their own string tables (the manager report is not the learner interface).
  const ownStrings = new Set(['src/report']);
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) { if (!ownStrings.has(relative(root, p))) walk(p); }
      else if (/\.(svelte|ts)$/.test(name) && !/\.d\.ts$/.test(name)) scan(p);
    }
  };
  const scan = (p: string) => {
    const text = readFileSync(p, 'utf8');
    // t( at a word boundary: app.t(, this.t(, t( — the first argument up to a comma or ")".
    for (const m of text.matchAll(/(?<![\w$])t\(\s*([^,)]*)/g)) {
      const arg = m[1];
      for (const lit of arg.matchAll(/(['"`])((?:(?!\1).)*)\1/g)) {
        const raw = lit[2];
        if (!raw) continue;
        const dynamic = lit[1] === '`' && raw.includes('${');
        const key = dynamic ? raw.slice(0, raw.indexOf('${')) : raw;
        // Only what looks like an interface key (letters, digits, dots, dashes).
        if (!/^[A-Za-z][\w.-]*$/.test(key)) continue;
        const at = lineCol(text, (m.index ?? 0) + m[0].indexOf(arg) + (lit.index ?? 0));
        out.push({ key, dynamic, file: relative(root, p), ...at });
      }
    }
  };
  const src = join(root, 'src');
  if (existsSync(src)) walk(src);
  return out;
}

export function checkLocales(root: string): Diagnostic[] {
  const dir = join(root, 'locales');
  if (!existsSync(dir)) return [];
  const out: Diagnostic[] = [];
  const err = (file: string, at: { line: number; col: number }, message: string, hint?: string) => out.push({ file, ...at, message, hint, severity: 'error' });
  const bundles: Bundle[] = [];
  /** Files that exist, parsed or not: a broken file is reported once, not also as missing. */
  const present = new Set<string>();
  const langs = readdirSync(dir).filter((l) => statSync(join(dir, l)).isDirectory()).sort();
  for (const lang of langs) {
    for (const name of readdirSync(join(dir, lang)).filter((n) => n.endsWith('.json')).sort()) {
      const path = join(dir, lang, name);
      const file = relative(root, path);
      present.add(`${lang}/${name}`);
      const text = readFileSync(path, 'utf8');
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        const pos = /position (\d+)/.exec(msg);
        const lc = /line (\d+) column (\d+)/.exec(msg);
        const at = pos ? lineCol(text, Number(pos[1])) : lc ? { line: Number(lc[1]), col: Number(lc[2]) } : { line: 1, col: 1 };
        err(file, at, `JSON: ${msg.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`, 'interface strings are JSON: keys and texts in double quotes, a comma between entries and none after the last');
        continue;
      }
      if (!data || typeof data !== 'object' || Array.isArray(data)) {
        err(file, { line: 1, col: 1 }, 'an interface strings file must hold one JSON object of keys and texts');
        continue;
      }
      const keys = new Map<string, unknown>();
      const paths = new Map<string, string[]>();
      flatten(data, [], keys, paths);
      const parsed = parseYaml(file, text);
      bundles.push({ file, lang, ns: name.replace(/\.json$/, ''), keys, locate: (p) => parsed.locate(p, { key: true }) });
      for (const [k, v] of keys) {
        const at = parsed.locate(paths.get(k)!, {});
        if (typeof v !== 'string') err(file, at, `"${k}" should be a text, not ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v}`);
        else if (!v.trim()) err(file, at, `"${k}" is empty`, 'write the text the learner sees, in this language');
      }
    }
  }

  // ---- the same keys in every language, namespace by namespace
  const byNs = new Map<string, Bundle[]>();
  for (const b of bundles) byNs.set(b.ns, [...(byNs.get(b.ns) ?? []), b]);
  for (const [ns, list] of byNs) {
    for (const lang of langs) {
      if (!present.has(`${lang}/${ns}.json`)) err(`locales/${lang}/${ns}.json`, { line: 1, col: 1 }, `missing file: ${list[0].file} has no ${lang} counterpart`);
    }
    for (const b of list) {
      const mine = new Set([...b.keys.keys()].map(base));
      for (const other of list.filter((o) => o !== b)) {
        const theirs = new Set([...other.keys.keys()].map(base));
        for (const k of mine) {
          if (theirs.has(k)) continue;
          const full = [...b.keys.keys()].find((x) => base(x) === k)!;
          err(b.file, b.locate(full.split('.')), `"${k}" is in ${b.lang} but missing from ${other.file}`, `add it to ${other.file}, translated`);
        }
      }
    }
  }

  // ---- every key the code asks for exists (default namespace "ui")
  const ui = bundles.filter((b) => b.ns === 'ui');
  if (ui.length) {
    for (const use of keysUsed(root)) {
      for (const b of ui) {
        const have = [...b.keys.keys()].map(base);
        const ok = use.dynamic ? have.some((k) => k.startsWith(use.key)) : have.includes(use.key);
        if (!ok) {
          err(use.file, use, use.dynamic ? `no interface string starts with "${use.key}" in ${b.file}` : `interface string "${use.key}" is used here but missing from ${b.file}`, `add it to every locales/<lang>/ui.json`);
        }
      }
    }
  }
  return out;
}
