/**
 * What a learner downloads before the first screen shows, read from the built files (Node
 * only): index.html, what it loads (scripts, stylesheets, modulepreloads, icon), every
 * chunk those import statically, and the first screen's text in one language (the core text
 * and the interface strings, which start-up fetches before drawing). Sizes as a server
 * sends them: gzip, level 9. Used by the size-budget test and `npm run bench -- ui`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizedFile {
  file: string;
  raw: number;
  gzip: number;
}

const gz = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;
const sized = (file: string, data: Buffer | string): SizedFile => ({ file, raw: Buffer.byteLength(data), gzip: gz(data) });

/** `./assets/x.js` (from index.html) or `./x.js` (from a chunk in assets/) → `assets/x.js`. */
const resolveFrom = (from: string, ref: string) => posix.normalize(posix.join(posix.dirname(from), ref.split(/[?#]/)[0]));

/** The files index.html loads itself: scripts, stylesheets, modulepreloads, icon. */
export function loadedByHtml(html: string): string[] {
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="(\.?\/?[^":]+)"[^>]*>/g)].map((m) => m[1]);
  return [...new Set(refs.map((r) => resolveFrom('index.html', r)))];
}

/** Chunks a chunk imports statically (`import … from"./x.js"`, `import"./x.js"`), not `import()`. */
export function staticImports(file: string, code: string): string[] {
  const out = [...code.matchAll(/(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map((m) => resolveFrom(file, m[1]));
  return [...new Set(out)];
}

/** Every file the page needs before it draws, html first. */
export function firstScreenFiles(dir: string, html: string, lang: string, uiMarker: string): SizedFile[] {
  const files: SizedFile[] = [sized('index.html', html)];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const data = readFileSync(join(dir, file));
    files.push(sized(file, data));
    if (file.endsWith('.js')) for (const f of staticImports(file, data.toString('utf8'))) visit(f);
  };
  for (const f of loadedByHtml(html)) visit(f);
  for (const f of firstScreenText(dir, lang, uiMarker)) visit(f);
  return files;
}

/**
 * The language's core text chunk (`_core-*.js`, which holds `"lang":"<lang>"`) and interface
 * strings chunk (`ui-*.js` holding `uiMarker`, a string of that language's ui.json).
 */
export function firstScreenText(dir: string, lang: string, uiMarker: string): string[] {
  const assets = readdirSync(join(dir, 'assets'));
  const read = (f: string) => readFileSync(join(dir, 'assets', f), 'utf8');
  const core = assets.filter((f) => /^_core-.*\.js$/.test(f) && read(f).includes(`"lang":"${lang}"`));
  const ui = assets.filter((f) => /^ui-.*\.js$/.test(f) && read(f).includes(uiMarker));
  if (core.length !== 1 || ui.length !== 1) throw new Error(`${dir}: expected one core text and one ui strings chunk for ${lang}, found ${core.length} and ${ui.length}`);
  return [`assets/${core[0]}`, `assets/${ui[0]}`];
}

/** Every file of the build (the whole course as served), html included. */
export function wholeCourse(dir: string, html: string): SizedFile[] {
  const assets = readdirSync(join(dir, 'assets')).map((f) => `assets/${f}`);
  return [sized('index.html', html), ...assets.map((f) => sized(f, readFileSync(join(dir, f))))];
}

export const total = (files: SizedFile[]) => files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
