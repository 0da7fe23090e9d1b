/** Shared by the author-tool tests: the courses they run on, temporary copies, CLI runs. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCourse } from '../../src/authoring/load.ts';
import type { Compiled } from '../../src/authoring/compile.ts';

export const SAMPLE = resolve('test/fixtures/sample-course');
export const LARGE = resolve('test/tools/fixtures/large-course');
export const PROJECT = resolve('.');

const cache = new Map<string, Compiled | null>();
export function compiled(root: string): Compiled | null {
  if (!cache.has(root)) cache.set(root, buildCourse(root).compiled);
  return cache.get(root)!;
}

/** The courses every tool is tried on: the fixtures, and the shipped course when it builds. */
export function courses(): { name: string; root: string; c: Compiled }[] {
  const list = [
    { name: 'sample', root: SAMPLE },
    { name: 'large', root: LARGE },
    { name: 'shipped', root: PROJECT },
  ];
  return list.flatMap((x) => {
    const c = compiled(x.root);
    if (!c && x.root !== PROJECT) throw new Error(`the ${x.name} fixture does not build`);
    return c ? [{ ...x, c }] : [];
  });
}

const temps: string[] = [];
/** A throw-away copy of a course (and of the project's locales, for the translation tests). */
export function tempCopy(root: string, opts: { locales?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tools-'));
  temps.push(dir);
  for (const d of ['modules', 'scenarios']) cpSync(join(root, d), join(dir, d), { recursive: true });
  if (opts.locales) cpSync(resolve('locales'), join(dir, 'locales'), { recursive: true });
  return dir;
}
export function cleanTemps() {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Runs one of the project's commands the way `npm run` does. */
export function runCli(script: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}
