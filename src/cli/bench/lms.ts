/**
 * LMS figures: each package's size, the learner bundle's JS and CSS gzip sizes, the
 * worst-case SCORM 1.2 suspend data over the longest journey, and the LMS API calls of a
 * full run (scorm-again as the LMS, in Node, a learner spending 20 s per screen).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dialectOf } from '../../lms/dialect-of.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { Figure } from '../bench.ts';
import { buildCourse } from '../../authoring/load.ts';
import { packageCourse, listFiles } from '../../build/package.ts';
import type { CourseDefinition } from '../../engine/definition.ts';
import { longestJourney } from '../../engine/longest-journey.ts';
import { walkWithAdapter, type Strategy } from '../../app/dev/course-walker.ts';
import { ScormAdapter } from '../../lms/scorm-adapter.ts';
import { ScormApi, type Api12, type Api2004 } from '../../lms/scorm-api.ts';
import { LIMITS, type ScormVersion } from '../../lms/vocabulary.ts';

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

/** A clock that moves on by `step` ms each time the course asks it the time. */
function pacedClock(step: number) {
  let t = Date.UTC(2025, 0, 6, 9);
  const timers: { at: number; fn: () => void }[] = [];
  const run = () => {
    for (let due = timers.filter((x) => x.at <= t); due.length; due = timers.filter((x) => x.at <= t)) {
      for (const d of due) timers.splice(timers.indexOf(d), 1), d.fn();
    }
  };
  return {
    tick: () => ((t += step), run(), t),
    timers: { now: () => t, setTimeout: (fn: () => void, ms: number) => timers.push({ at: t + ms, fn }), clearTimeout: () => {} },
    drain: () => ((t += 60000), run()),
  };
}

function apiCalls(def: CourseDefinition, version: ScormVersion, strategy: Strategy) {
  const settings = { logLevel: 5 as const };
  const lms = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  const api = new ScormApi(version, lms as unknown as Api12 & Api2004, () => {});
  const clock = pacedClock(20000);
  const adapter = new ScormAdapter(api, def, { dialect: dialectOf(version), timers: clock.timers as never, log: () => {} });
  const walk = walkWithAdapter(def, adapter, strategy, { now: clock.tick });
  adapter.end();
  const cmi = JSON.parse(JSON.stringify(lms.renderCMIToJSONObject())).cmi as { interactions?: Record<string, unknown> };
  const interactions = Object.keys(cmi.interactions ?? {}).filter((k) => /^\d+$/.test(k)).length;
  return { calls: api.calls, steps: walk.steps, interactions };
}

export async function run(): Promise<Figure[]> {
  const root = resolve(process.env.COURSE_ROOT ?? '.');
  const course = buildCourse(root);
  if (!course.compiled) throw new Error(`the course at ${root} does not build (npm run check)`);
  const def = course.compiled.definition;
  const figures: Figure[] = [];

  const tmp = mkdtempSync(join(tmpdir(), 'bench-lms-'));
  try {
    const web = join(tmp, 'web');
    await build({ logLevel: 'silent', build: { outDir: web, emptyOutDir: true } });
    const files = listFiles(web);
    const gz = (ext: string) => files.filter((f) => f.endsWith(ext)).reduce((n, f) => n + gzipSync(readFileSync(join(web, f)), { level: 9 }).length, 0);
    figures.push({ name: 'learner bundle JS, gzip (both languages)', value: kb(gz('.js')), unit: 'KB' });
    figures.push({ name: 'learner bundle CSS, gzip', value: kb(gz('.css')), unit: 'KB' });
    for (const p of packageCourse({ def, content: course.compiled.content, webDir: web, outDir: join(tmp, 'packages') })) {
      figures.push({ name: p.file.replace(`${def.id}-${def.version}-`, 'zip '), value: kb(p.bytes), unit: 'KB', note: p.bytes > 150 * 1024 ? 'over 150 KB' : undefined });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const limit = LIMITS['1.2'].suspendData;
  const lengths = [0, 1, 2, 3].map((n) => longestJourney(def, n).save().length);
  const perAttempt = lengths[3] - lengths[2];
  figures.push({ name: '1.2 suspend data, longest journey (2 failed attempts)', value: lengths[2], unit: 'chars', note: `limit ${limit}` });
  figures.push({ name: '1.2 suspend data, each further failed attempt', value: perAttempt, unit: 'chars' });
  figures.push({ name: 'failed attempts that still fit in 4096', value: perAttempt > 0 ? Math.floor((limit - lengths[0]) / perAttempt) : 'any' });

  for (const version of ['1.2', '2004'] as const) {
    const best = apiCalls(def, version, { track: def.tracks[def.tracks.length - 1].id });
    figures.push({ name: `${version}: LMS API calls, full run (best path)`, value: best.calls, note: `${best.steps} learner steps, ${best.interactions} interactions` });
    const long = apiCalls(def, version, { track: def.tracks[def.tracks.length - 1].id, decisions: 'wrong-first', checks: 'wrong', failedAttempts: 2 });
    figures.push({ name: `${version}: LMS API calls, long run (wrong first, 2 fails)`, value: long.calls, note: `${long.steps} learner steps, ${long.interactions} interactions` });
  }
  return figures;
}
