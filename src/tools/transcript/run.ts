/**
 * Transcript files on disk (Node only): finds them, builds the course each belongs to (the
 * folder above its `scenarios/` folder), plays them and words the failures as
 * `file:line: instruction` with what was expected and what was on screen.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { buildCourse } from '../../authoring/load.ts';
import { formatDiagnostic } from '../../authoring/diagnostic.ts';
import type { Compiled } from '../../authoring/compile.ts';
import type { Lang } from '../../engine/definition.ts';
import { parseTranscript } from './parse.ts';
import { playTranscript } from './play.ts';
import type { UiLabels } from './screen.ts';

export const TRANSCRIPT_SUFFIX = '.transcript.txt';

export interface TranscriptRun { file: string; scenario: string; steps: number; problems: string[] }

/** Every transcript under the given folders (recursively), sorted. */
export function findTranscripts(dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (f === 'node_modules' || f.startsWith('.')) continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith(TRANSCRIPT_SUFFIX)) out.push(p);
    }
  };
  dirs.forEach((d) => walk(resolve(d)));
  return out.sort();
}

const courses = new Map<string, { compiled: Compiled | null; problems: string[] }>();

function courseFor(root: string) {
  if (!courses.has(root)) {
    const r = buildCourse(root);
    const where = relative('.', root);
    const problems = r.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic({ ...d, file: where ? join(where, d.file) : d.file }));
    courses.set(root, { compiled: r.compiled, problems });
  }
  return courses.get(root)!;
}

/** Interface labels from `<locales>/<lang>/*.json`, keys as `ns-free` dotted paths (`scenario.best`). */
export function uiLabels(localesDir: string, lang: Lang): UiLabels {
  const table: Record<string, string> = {};
  const dir = join(localesDir, lang);
  const flat = (o: unknown, prefix: string) => {
    if (typeof o === 'string') table[prefix] = o;
    else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) flat(v, prefix ? `${prefix}.${k}` : k);
  };
  if (existsSync(dir)) for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) flat(JSON.parse(readFileSync(join(dir, f), 'utf8')), '');
  return (key) => table[key];
}

export function runTranscript(file: string, opts: { localesDir?: string } = {}): TranscriptRun {
  const abs = resolve(file);
  const rel = relative('.', abs);
  const root = resolve(dirname(abs), '..');
  const scenarioFromName = basename(abs).slice(0, -TRANSCRIPT_SUFFIX.length);
  const { lines, errors } = parseTranscript(readFileSync(abs, 'utf8'));
  if (errors.length) return { file: rel, scenario: scenarioFromName, steps: 0, problems: errors.map((e) => `${rel}:${e.line}: ${e.message}`) };
  const course = courseFor(root);
  if (!course.compiled) return { file: rel, scenario: scenarioFromName, steps: 0, problems: [`${rel}: the course in ${relative('.', root) || '.'} does not build:`, ...course.problems] };
  const localesDir = opts.localesDir ?? (existsSync(join(root, 'locales')) ? join(root, 'locales') : resolve('locales'));
  const ui = { fr: uiLabels(localesDir, 'fr'), en: uiLabels(localesDir, 'en') };
  const r = playTranscript(course.compiled, scenarioFromName, lines, ui);
  const f = r.failure;
  return {
    file: rel,
    scenario: r.scenario,
    steps: r.steps,
    problems: f ? [`${rel}:${f.line}: ${f.source}\n    expected ${f.expected}\n    saw ${f.seen}`] : [],
  };
}
