/** Shared by the translation tests: a throw-away course copy, snapshots, a translator's edit. */
import { expect } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE, tempCopy } from './helpers.ts';

export const FR_EN = { source: 'fr' as const, target: 'en' as const };
export const META = { course: 'client-relations', version: '0.1.0' };

export function setup(root = SAMPLE) {
  const dir = tempCopy(root, { locales: true });
  const roots = { root: dir, locales: join(dir, 'locales') };
  const out = join(dir, 'out.xlf');
  return { dir, roots, out, read: (p: string) => readFileSync(join(dir, p), 'utf8'), write: (p: string, t: string) => writeFileSync(join(dir, p), t) };
}

/** Every source file of a copy, by path, to compare before and after. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of ['modules', 'scenarios', 'locales/fr', 'locales/en']) for (const f of readdirSync(join(dir, d))) if (/\.(ya?ml|json)$/.test(f)) out[`${d}/${f}`] = readFileSync(join(dir, d, f), 'utf8');
  return out;
}

/** What a translator's tool does to one unit: set (or add) its target. */
export function translate(xml: string, file: string, unit: string, target: string): string {
  const fileStart = xml.indexOf(`<file id="${file}"`);
  const start = xml.indexOf(`<unit id="${unit}">`, fileStart);
  const end = xml.indexOf('</unit>', start);
  expect(fileStart >= 0 && start >= 0, `${file} ${unit}`).toBe(true);
  let body = xml.slice(start, end);
  body = /<target[\s\S]*<\/target>/.test(body)
    ? body.replace(/<target([^>]*)>[\s\S]*<\/target>/, `<target$1>${target}</target>`)
    : body.replace('</source>', `</source>\n        <target xml:space="preserve">${target}</target>`);
  return xml.slice(0, start) + body.replace('state="initial"', 'state="translated"') + xml.slice(end);
}

/** The line (1-based) of the first occurrence of `needle`: fixtures may move, tests follow. */
export const lineOf = (text: string, needle: string) => {
  const at = text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  return text.slice(0, at).split('\n').length;
};

export const changedLines = (a: string, b: string) => {
  const x = a.split('\n');
  const y = b.split('\n');
  return x.map((l, i) => (l !== y[i] ? i + 1 : 0)).filter(Boolean);
};
