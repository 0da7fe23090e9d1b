/**
 * Shared pieces of the LMS tests: the compiled sample course, scorm-again as the LMS in
 * Node, a controllable clock, and readers for what the LMS recorded.
 */
import { resolve } from 'node:path';
import { dialectOf } from '../../src/lms/dialect-of.ts';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { buildCourse } from '../../src/authoring/load.ts';
import type { CourseDefinition, ContentStrings } from '../../src/engine/definition.ts';
import { currentForm, positionOf } from '../../src/engine/position.ts';
import type { CourseSession } from '../../src/engine/session.ts';
import { ScormApi, type Api12, type Api2004 } from '../../src/lms/scorm-api.ts';
import { ScormAdapter, type ScormAdapterOptions } from '../../src/lms/scorm-adapter.ts';
import type { ScormVersion } from '../../src/lms/vocabulary.ts';
import { StrictLms, type Version as StrictVersion } from './strict-lms.ts';

/** The course the tests run on: the one Vite builds (COURSE_ROOT, else the repository's course). */
export const COURSE_ROOT = resolve(process.env.COURSE_ROOT ?? '.');

let cached: { def: CourseDefinition; content: Record<string, ContentStrings> } | null = null;
export function course() {
  if (cached) return cached;
  const r = buildCourse(COURSE_ROOT);
  if (!r.compiled) throw new Error(`the course at ${COURSE_ROOT} does not build:\n${r.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n')}`);
  cached = { def: r.compiled.definition, content: r.compiled.content as Record<string, ContentStrings> };
  return cached;
}

export { ManualTimers } from '../../src/lms/dev/manual-timers.ts';
import { ManualTimers } from '../../src/lms/dev/manual-timers.ts';

export type LmsApi = InstanceType<typeof Scorm12API> | InstanceType<typeof Scorm2004API>;

/** What the LMS holds before launch (flattened CMI without the `cmi.` prefix), and how it behaves. */
export interface LmsSetup {
  data?: Record<string, unknown>;
  /** Commits answer "false" with error 101 while this returns true. */
  failCommits?: () => boolean;
}

/** scorm-again as the LMS: commits reach a fake server that can be told to fail. */
export function scormAgain(version: ScormVersion, setup: LmsSetup = {}) {
  const committed: Record<string, unknown>[] = [];
  let api: LmsApi;
  const httpService = {
    processHttpRequest() {
      if (setup.failCommits?.()) return { result: 'false', errorCode: 101 };
      committed.push(JSON.parse(JSON.stringify(api.renderCMIToJSONObject())));
      return { result: 'true', errorCode: 0 };
    },
    updateSettings() {},
  };
  const settings = { lmsCommitUrl: '/commit', httpService, logLevel: 5 as const };
  api = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  if (setup.data) api.loadFromJSON(setup.data);
  return { api, committed };
}

/** An adapter over `api`, with hand-moved timers and a log kept for assertions. */
export function adapterFor(version: ScormVersion, api: LmsApi, def: CourseDefinition, opts: Partial<ScormAdapterOptions> = {}) {
  const log: string[] = [];
  const timers = new ManualTimers();
  const scormApi = new ScormApi(version, api as unknown as Api12 & Api2004, (m) => log.push(m));
  const adapter = new ScormAdapter(scormApi, def, { dialect: dialectOf(version), timers, log: (m) => log.push(m), ...opts });
  return { adapter, timers, log, scormApi };
}

/** The CMI as scorm-again holds it, as plain JSON. */
export function cmiOf(api: LmsApi): Record<string, any> {
  return JSON.parse(JSON.stringify(api.renderCMIToJSONObject())).cmi;
}

/** Interactions / objectives in index order. */
export const list = (o: Record<string, any> | undefined): any[] =>
  Object.keys(o ?? {}).filter((k) => /^\d+$/.test(k)).sort((a, b) => +a - +b).map((k) => o![k]);

/** A browser-like localStorage for Node, shared by every adapter of a test ("the same browser"). */
export function installLocalStorage() {
  const data = new Map<string, string>();
  const ls = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, String(v)),
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
    key: (i: number) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
  Object.defineProperty(globalThis, 'localStorage', { value: ls, configurable: true, writable: true });
  return data;
}

/** An adapter over the strict LMS (strict-lms.ts) holding `data`, with a hand-moved clock, its log and notices. */
export function strictLaunch(def: CourseDefinition, version: StrictVersion, data: Record<string, string>) {
  const lms = new StrictLms(version, data);
  const timers = new ManualTimers();
  const log: string[] = [];
  const adapter = new ScormAdapter(new ScormApi(version, lms.api() as unknown as Api12 & Api2004, (m) => log.push(m)), def, { dialect: dialectOf(version), timers, log: (m) => log.push(m) });
  const notices: string[] = [];
  adapter.onNotice((n) => notices.push(n.kind));
  /** A learner who takes 1.5 s per screen. */
  const clock = () => (timers.advance(1500), timers.now());
  return { lms, timers, adapter, notices, log, clock };
}

/**
 * Answers the assessment on screen with one key (critical) question wrong and every other
 * right; says whether a key question was met, and the result.
 */
export function missOneKeyQuestion(def: CourseDefinition, session: CourseSession) {
  let missed = false;
  while (positionOf(def, session.snapshot).phase === 'assessment') {
    const ctx = session.snapshot.context;
    const form = currentForm(def, session.snapshot)!;
    const critical = def.items[ctx.drawn[ctx.answers.length].item].critical;
    const answer = critical && !missed ? [form.options.find((o) => !o.correct)!.id] : form.options.filter((o) => o.correct).map((o) => o.id);
    missed ||= critical;
    session.send({ type: 'item.answer', options: answer });
  }
  return { missed, result: session.snapshot.context.result! };
}
