/**
 * Work the LMS has not confirmed: one record per course and learner in the browser, checked
 * when read, reconciled with the LMS at every launch, sent when the LMS answers, and removed
 * only once the LMS holds a journey that contains it. Each test is a sequence a learner can
 * live through; the LMS is the strict one (test/lms/strict-lms.ts).
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { dialectOf } from '../../src/lms/dialect-of.ts';
import { continueWalk, walkWithAdapter, type Walk } from '../../src/app/dev/course-walker.ts';
import { decodeJourney, eventOf } from '../../src/engine/journey.ts';
import { CourseSession } from '../../src/engine/session.ts';
import { ScormAdapter } from '../../src/lms/scorm-adapter.ts';
import { ScormApi, type Api12, type Api2004 } from '../../src/lms/scorm-api.ts';
import { STORE_PREFIX } from '../../src/lms/unconfirmed-store.ts';
import { course, installLocalStorage, ManualTimers } from './helpers.ts';
import { StrictLms, type Version } from './strict-lms.ts';

let storage: Map<string, string>;
beforeEach(() => void (storage = installLocalStorage()));

const { def } = course();
const track = def.tracks[def.tracks.length - 1].id;
const steps = (n: number) => {
  let k = 0;
  return () => k++ >= n;
};
const learnerKey = (id: string) => `${STORE_PREFIX}${def.id}:learner:${id}`;
const record = (key: string) => JSON.parse(storage.get(key) ?? 'null');
const keys = () => [...storage.keys()];

function launch(version: Version, data: Record<string, string>) {
  const lms = new StrictLms(version, data);
  const timers = new ManualTimers();
  const log: string[] = [];
  const adapter = new ScormAdapter(new ScormApi(version, lms.api() as unknown as Api12 & Api2004, (m) => log.push(m)), def, { dialect: dialectOf(version), timers, log: (m) => log.push(m) });
  const notices: string[] = [];
  adapter.onNotice((n) => notices.push(n.kind));
  const clock = () => (timers.advance(1500), timers.now());
  return { lms, timers, adapter, notices, log, clock };
}

/** What the LMS has on the learner's next launch: its last commit, with the session's own values dropped. */
const nextLaunchData = (lms: StrictLms) => Object.fromEntries([...(lms.commits[lms.commits.length - 1] ?? new Map())].filter(([k]) => !/exit|session_time/.test(k)));

/** Decisions, answers and the attestation in a journey: what the LMS records as interactions. */
function interactionsOf(journey: string): number {
  const d = decodeJourney(journey);
  if (!d.ok) throw new Error(`unreadable journey ${journey}`);
  const r = new CourseSession(def, { lang: d.journey.lang, seed: d.journey.seed });
  let n = 0;
  r.onDomain((e) => void (n += ['decision.made', 'item.answered', 'course.attested'].includes(e.event.type) ? 1 : 0));
  // Event by event: restore() replays without telling listeners.
  for (const tk of d.journey.tokens) {
    const ev = eventOf(tk, r.candidates());
    if (!ev || !r.send(ev)) break;
  }
  return n;
}

describe.each(['1.2', '2004'] as const)('SCORM %s', (v) => {
  const who = (id: string): Record<string, string> => (v === '1.2' ? { 'cmi.core.student_id': id } : { 'cmi.learner_id': id });
  const status = (lms: StrictLms) => (v === '1.2' ? lms.store.get('cmi.core.lesson_status') : `${lms.store.get('cmi.completion_status')}/${lms.store.get('cmi.success_status')}`);
  const interactionIds = (lms: StrictLms) => [...lms.store].filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).length;
  const refuseInit = (lms: StrictLms) => (lms.init = (fn: string) => (lms as unknown as { call: (f: string, code: number) => string }).call(fn, 101));

  test('an LMS that does not open: that session\'s modules, pass and attestation reach the LMS at the learner\'s next launch', async () => {
    // An earlier visit: the LMS knows this learner and holds a journey a few steps in.
    const a = launch(v, who('u7'));
    walkWithAdapter(def, a.adapter, { track, stopWhen: steps(5) }, { now: a.clock });
    a.adapter.end();
    const early = a.lms.store.get('cmi.suspend_data')!;

    // The LMS does not open: the learner takes the whole course anyway, and passes.
    const b = launch(v, { ...nextLaunchData(a.lms) });
    refuseInit(b.lms);
    const walk = walkWithAdapter(def, b.adapter, { track }, { now: b.clock, seed: 2 });
    await Promise.resolve();
    const finished = walk.session.save();
    expect(b.adapter.state).toBe('ended');
    expect(b.lms.calls.filter((c) => /SetValue|Commit/.test(c.fn))).toEqual([]);

    // Next launch, LMS working: the finished journey is resumed and everything is sent.
    const c = launch(v, nextLaunchData(a.lms));
    const l = c.adapter.start();
    expect(l.suspendData).toBe(finished);
    c.timers.advance(10000);
    expect(c.lms.refused).toEqual([]);
    expect(status(c.lms)).toBe(v === '1.2' ? 'passed' : 'completed/passed');
    expect(c.lms.store.get('cmi.suspend_data')).toBe(finished);
    expect(interactionIds(c.lms)).toBe(interactionsOf(early) + interactionsOf(finished));
    // The session's record is gone; the journey it replaced is kept aside, not lost.
    expect(keys().filter((k) => k.includes(':unidentified:'))).toEqual([]);
    expect(record(`${learnerKey('u7')}:apart`).journey).toBe(early);
    expect(storage.has(learnerKey('u7'))).toBe(false);
  });

  test('a shared computer: a learner never resumes another learner\'s journey', () => {
    // u7's commits fail: u7's work waits in this browser.
    const a = launch(v, who('u7'));
    a.lms.failCommits = true;
    walkWithAdapter(def, a.adapter, { track, stopWhen: steps(6) }, { now: a.clock });
    a.adapter.end();
    const u7 = record(learnerKey('u7')).journey;
    expect(u7).toBeTruthy();
    // Then an LMS that does not open, in the same browser (its work is u7's, probably).
    const b = launch(v, who('u7'));
    refuseInit(b.lms);
    walkWithAdapter(def, b.adapter, { track, stopWhen: steps(4) }, { now: b.clock });
    b.adapter.end();

    // u8 on the same computer: a first launch, nothing of u7's is offered or sent.
    const c = launch(v, who('u8'));
    expect(c.adapter.start().suspendData).toBe(null);
    c.timers.advance(10000);
    expect(c.lms.store.get('cmi.suspend_data')).not.toBe(u7);
    expect(interactionIds(c.lms)).toBe(0);
    expect(record(learnerKey('u7')).journey).toBe(u7);
    expect(keys().filter((k) => k.includes(':unidentified:'))).toHaveLength(1);
  });

  test('work of unknown owner (no learner ever opened the course here) is kept, never given to the next learner', () => {
    const b = launch(v, who('u7'));
    refuseInit(b.lms);
    walkWithAdapter(def, b.adapter, { track, stopWhen: steps(4) }, { now: b.clock });
    b.adapter.end();
    const c = launch(v, who('u8'));
    expect(c.adapter.start().suspendData).toBe(null);
    expect(keys().filter((k) => k.includes(':unidentified:'))).toHaveLength(1);
  });

  test('a record that cannot be read is moved aside whole; the launch goes on from the LMS', () => {
    const a = launch(v, who('u7'));
    walkWithAdapter(def, a.adapter, { track, stopWhen: steps(5) }, { now: a.clock });
    a.adapter.end();
    const held = a.lms.store.get('cmi.suspend_data');
    const broken = '{"v":2,"journey":"J1~0.1.0~fr~1~s","ops":[{"t":"ia","r":{"id":[]}}]';
    storage.set(learnerKey('u7'), broken);

    const b = launch(v, nextLaunchData(a.lms));
    expect(() => b.adapter.start()).not.toThrow();
    expect(b.adapter.state).toBe('live');
    expect(b.adapter.start().suspendData).toBe(held);
    expect(storage.get(`${learnerKey('u7')}:unreadable`)).toBe(broken);
    b.timers.advance(10000);
    expect(b.adapter.state).toBe('live');
  });

  test('an older-shape record with an op that no longer fits is set aside; the adapter stays live', () => {
    const a = launch(v, who('u7'));
    const walk = walkWithAdapter(def, a.adapter, { track, stopWhen: steps(5) }, { now: a.clock });
    a.adapter.end();
    const old = JSON.stringify({ v: 1, base: '', journey: walk.session.save() + 'n', ops: [{ t: 'ia', r: { id: ['scn', 'x'], type: 'matching' } }] });
    storage.set(`course-lms-backup:${def.id}:u7`, old);
    const b = launch(v, nextLaunchData(a.lms));
    b.adapter.start();
    b.timers.advance(10000);
    expect(b.adapter.state).toBe('live');
    expect(storage.get(`course-lms-backup:${def.id}:u7:unreadable`)).toBe(old);
  });

  test('the browser\'s copy is used whenever it extends what the LMS holds, not only when the LMS holds the last confirmed value', () => {
    const a = launch(v, who('u7'));
    const walk = walkWithAdapter(def, a.adapter, { track, stopWhen: steps(4) }, { now: a.clock });
    const older = walk.session.save();
    continueWalk(def, walk, { track, stopWhen: steps(4) });
    a.timers.advance(10000);
    a.adapter.end();
    const middle = a.lms.store.get('cmi.suspend_data')!;
    expect(middle).not.toBe(older);
    // A record of the first shape whose `base` is out of date (its confirmation never got
    // recorded before the tab died), holding a journey further on than the LMS's.
    const s = new CourseSession(def, { lang: 'fr', seed: walk.session.seed });
    s.restore(middle);
    const w: Walk = { session: s, memory: new Map(), steps: 0 };
    continueWalk(def, w, { track, stopWhen: steps(3) });
    const later = s.save();
    storage.set(`course-lms-backup:${def.id}:u7`, JSON.stringify({ v: 1, base: older, journey: later, ops: [] }));

    const b = launch(v, nextLaunchData(a.lms));
    expect(b.adapter.start().suspendData).toBe(later);
    // The learner goes on from there; the LMS gets the whole journey and the copy goes.
    const r = new CourseSession(def, { lang: 'fr', seed: walk.session.seed });
    r.onChange(() => b.adapter.save({ journey: r.save(), location: 'x', progress: 0.5 }));
    r.restore(later);
    continueWalk(def, { session: r, memory: new Map(), steps: 0 }, { track, stopWhen: steps(1) });
    b.timers.advance(10000);
    expect(b.lms.store.get('cmi.suspend_data')).toBe(r.save());
    // The events, without the screen checkpoints a run of "next" carries at its end.
    const tokens = (j: string) => { const d = decodeJourney(j); return d.ok ? d.journey.tokens.map(({ t, ...rest }) => ({ t, ...rest, at: undefined })) : []; };
    expect(tokens(r.save()).slice(0, tokens(later).length)).toEqual(tokens(later));
    expect(tokens(r.save()).length).toBe(tokens(later).length + 1);
    expect(storage.has(learnerKey('u7'))).toBe(false);
  });

  test('suspend data the LMS refuses as data is not counted as written: the browser keeps it, the next launch resumes from it', () => {
    const a = launch(v, who('u7'));
    const set = a.lms.set.bind(a.lms);
    a.lms.set = (fn, el, value) => (el === 'cmi.suspend_data' ? (a.lms as unknown as { call: (f: string, code: number) => string }).call(fn, v === '1.2' ? 405 : 406) : set(fn, el, value));
    const walk = walkWithAdapter(def, a.adapter, { track, stopWhen: steps(6) }, { now: a.clock });
    a.timers.advance(10000);
    expect(a.lms.store.has('cmi.suspend_data')).toBe(false);
    expect(a.adapter.state).toBe('live');
    expect(a.notices).toContain('local-only');
    expect(record(learnerKey('u7')).journey).toBe(walk.session.save());
    a.adapter.end();
    const b = launch(v, nextLaunchData(a.lms));
    expect(b.adapter.start().suspendData).toBe(walk.session.save());
  });
});

describe('SCORM 1.2 suspend data over 4096 characters', () => {
  test('the journey stays in the browser across launches (restored, not wiped)', () => {
    const a = launch('1.2', { 'cmi.core.student_id': 'u7' });
    const walk = walkWithAdapter(def, a.adapter, { track, stopWhen: steps(3) }, { now: a.clock });
    continueWalk(def, walk, { track, failedAttempts: 1000, stopWhen: () => walk.session.save().length > 4200 });
    a.timers.advance(10000);
    const long = walk.session.save();
    expect(long.length).toBeGreaterThan(4096);
    expect(a.notices).toContain('local-only');
    expect(a.lms.store.get('cmi.suspend_data')!.length).toBeLessThanOrEqual(4096);
    a.adapter.end();

    const b = launch('1.2', nextLaunchData(a.lms));
    expect(b.adapter.start().suspendData).toBe(long);
    expect(b.notices).toContain('local-only');
    b.timers.advance(20000); // commits go through: the browser copy must stay
    expect(record(learnerKey('u7')).journey).toBe(long);
    const c = launch('1.2', nextLaunchData(b.lms));
    expect(c.adapter.start().suspendData).toBe(long);
  });
});
