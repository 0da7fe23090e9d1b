/**
 * An LMS that fails its commits, vanishes mid-course, refuses a value or is not there:
 * the learner carries on, is told where progress is kept, and nothing is lost.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { continueWalk, walkWithAdapter } from '../../src/app/dev/course-walker.ts';
import { positionOf } from '../../src/engine/position.ts';
import { CourseSession } from '../../src/engine/session.ts';
import { detectAdapter } from '../../src/lms/detect.ts';
import { STORE_PREFIX } from '../../src/lms/unconfirmed-store.ts';
import { adapterFor, cmiOf, course, installLocalStorage, scormAgain, strictLaunch as launchStrict } from './helpers.ts';
import { StrictLms, type Version } from './strict-lms.ts';
import { stateKey } from '../../src/engine/graph.ts';

let storage: Map<string, string>;
beforeEach(() => void (storage = installLocalStorage()));

const { def } = course();
/** Where a learner's unconfirmed work is kept. */
const kept = `${STORE_PREFIX}${def.id}:learner:`;
const track = def.tracks[def.tracks.length - 1].id;
const steps = (n: number) => {
  let k = 0;
  return () => k++ >= n;
};

const strictLaunch = (version: Version, data: Record<string, string>) => launchStrict(def, version, data);

describe.each(['1.2', '2004'] as const)('SCORM %s', (v) => {
  const id: Record<string, string> = v === '1.2' ? { 'cmi.core.student_id': 'u7' } : { 'cmi.learner_id': 'u7' };

  test('failing commits: the learner is told, commits are retried, recovery sends everything', async () => {
    let failing = false;
    const { api, committed } = scormAgain(v, { data: v === '1.2' ? { core: { student_id: 'u7' } } : { learner_id: 'u7' }, failCommits: () => failing });
    const { adapter, timers } = adapterFor(v, api, def);
    const notices: string[] = [];
    adapter.onNotice((n) => notices.push(n.kind));
    const walk = walkWithAdapter(def, adapter, { track, stopWhen: steps(6) }, { now: () => (timers.advance(1500), timers.now()) });
    timers.advance(10000);
    expect(adapter.state).toBe('live');
    const good = committed.length;

    failing = true;
    continueWalk(def, walk, { track, stopWhen: steps(10) });
    timers.advance(3000);
    expect(notices).toEqual(['lms-lost']);
    expect(adapter.state).toBe('degraded');
    expect(committed.length).toBe(good);
    // What the LMS has not confirmed is kept in the browser.
    const backup = [...storage].find(([k]) => k.startsWith(kept));
    expect(JSON.parse(backup![1]).journey).toBe(walk.session.save());

    failing = false;
    timers.advance(20000); // the back-off retries
    expect(notices).toEqual(['lms-lost', 'lms-restored']);
    expect(adapter.state).toBe('live');
    const last = committed[committed.length - 1] as { cmi: Record<string, any> };
    expect(last.cmi.suspend_data).toBe(walk.session.save());
    expect([...storage.keys()].some((k) => k.startsWith(kept))).toBe(false);

    continueWalk(def, walk, { track });
    await Promise.resolve();
    const cmi = cmiOf(api);
    expect(v === '1.2' ? cmi.core.lesson_status : cmi.completion_status).toBe(v === '1.2' ? 'passed' : 'completed');
  });

  test('the LMS vanishes mid-course: carry on locally, and the next launch sends what was missed', async () => {
    const first = strictLaunch(v, id);
    const walk = walkWithAdapter(def, first.adapter, { track, stopWhen: steps(8) }, { now: () => (first.timers.advance(1500), first.timers.now()) });
    first.timers.advance(10000);
    const committedBefore = new Map(first.lms.commits[first.lms.commits.length - 1]);

    first.lms.vanished = true;
    continueWalk(def, walk, { track, stopWhen: (s) => positionOf(def, s).phase === 'assessment' });
    first.timers.advance(60000);
    expect(first.notices).toEqual(['lms-lost']);
    const where = stateKey(walk.session.snapshot);
    first.adapter.end(); // the tab is closed: nothing reaches the LMS

    // Same browser, next day: the LMS still holds what it had before it vanished.
    const data = Object.fromEntries([...committedBefore].filter(([k]) => !/exit|session_time/.test(k)));
    const second = strictLaunch(v, data);
    const l = second.adapter.start();
    const s = new CourseSession(def, { lang: 'fr' });
    s.restore(l.suspendData);
    expect(stateKey(s.snapshot)).toBe(where);
    second.timers.advance(10000);
    expect(second.lms.refused).toEqual([]);
    walkWithAdapter(def, second.adapter, { track }, {});
    await Promise.resolve();
    // Every decision and answer of the whole run is recorded exactly once.
    const ia = [...second.lms.store].filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k));
    let reported = 0;
    const { decodeJourney, eventOf } = await import('../../src/engine/journey.ts');
    const final = decodeJourney(second.lms.store.get('cmi.suspend_data'));
    expect(final.ok).toBe(true);
    const r = new CourseSession(def, { lang: 'fr', seed: final.ok ? final.journey.seed : 0 });
    r.onDomain((e) => void (reported += ['decision.made', 'item.answered', 'course.attested'].includes(e.event.type) ? 1 : 0));
    for (const tk of final.ok ? final.journey.tokens : []) r.send(eventOf(tk, r.candidates())!);
    expect(ia.length).toBe(reported);
    expect(second.lms.store.get(v === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status')).toBe(v === '1.2' ? 'passed' : 'completed');
    expect([...storage.keys()].some((k) => k.startsWith(kept))).toBe(false);
  });

  test('the LMS drops out and comes back in the same visit: what failed is sent once, in order', () => {
    const { lms, adapter, timers, notices } = strictLaunch(v, id);
    const walk = walkWithAdapter(def, adapter, { track, decisions: 'wrong-first', stopWhen: steps(10) }, { now: () => (timers.advance(700), timers.now()) });
    lms.vanished = true;
    continueWalk(def, walk, { track, decisions: 'wrong-first', stopWhen: steps(25) });
    timers.advance(3000);
    expect(adapter.state).toBe('degraded');
    lms.vanished = false;
    timers.advance(15000);
    expect(notices).toEqual(['lms-lost', 'lms-restored']);
    expect(lms.refused).toEqual([]);
    const committed = lms.commits[lms.commits.length - 1];
    expect(committed.get('cmi.suspend_data')).toBe(walk.session.save());
    const ids = [...committed].filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).sort(([a], [b]) => +a.split('.')[2] - +b.split('.')[2]).map(([, x]) => x);
    const expected: string[] = [];
    const r = new CourseSession(def, { lang: 'fr', seed: walk.session.seed });
    r.onDomain((e) => {
      if (e.event.type === 'decision.made') expected.push(`scn_${e.event.scenario}_${e.event.node}`);
      if (e.event.type === 'item.answered') expected.push(e.event.section === null ? `chk_${e.event.item}` : `asm_${e.event.form}`);
    });
    continueWalk(def, { session: r, memory: new Map(), steps: 0 }, { track, decisions: 'wrong-first', stopWhen: steps(35) });
    expect(ids).toEqual(expected);
    expect(ids.length).toBeGreaterThan(3);
  });

  test('a value the LMS refuses is logged, not retried, and does not stop the course', () => {
    const { lms, adapter, notices, log } = strictLaunch(v, id);
    adapter.start();
    // This LMS refuses any location (error 405 / 406: wrong data type).
    const set = lms.set.bind(lms);
    const refuse = (fn: string) => (lms as unknown as { call: (f: string, code: number) => string }).call(fn, v === '1.2' ? 405 : 406);
    lms.set = (fn, el, value) => (/location/.test(el) ? refuse(fn) : set(fn, el, value));
    adapter.save({ journey: 'J1~x~fr~1~s', location: 'here', progress: 0.1 });
    expect(adapter.state).toBe('live');
    expect(notices).toEqual([]);
    expect(log.some((m) => /location.*error 40[56]/.test(m))).toBe(true);
    expect(lms.store.get('cmi.suspend_data')).toBe('J1~x~fr~1~s');
  });

  test('an LMS that will not initialize: the course runs on, its work kept in the browser for the next launch', () => {
    const { lms, adapter, notices } = strictLaunch(v, id);
    // It answers "false" with a general exception, and stays uninitialized.
    lms.init = (fn: string) => (lms as unknown as { call: (f: string, code: number) => string }).call(fn, 101);
    const l = adapter.start();
    expect(adapter.state).toBe('offline');
    expect(l.suspendData).toBe(null);
    expect(notices).toEqual(['lms-lost']);
    adapter.save({ journey: 'J1~x~fr~1~s', location: 'here', progress: 0.1 });
    const record = [...storage].find(([k]) => k.startsWith(`${STORE_PREFIX}${def.id}:unidentified:`));
    expect(JSON.parse(record![1]).journey).toBe('J1~x~fr~1~s');
    expect(lms.calls.filter((c) => /SetValue|Commit/.test(c.fn))).toEqual([]);
  });

  test('nothing is sent after the session ends', async () => {
    const { lms, adapter } = strictLaunch(v, id);
    adapter.start();
    adapter.end();
    const n = lms.calls.length;
    adapter.save({ journey: 'J1~x~fr~1~s', location: 'x', progress: 0 });
    adapter.flush();
    adapter.finish();
    await Promise.resolve();
    expect(lms.calls.length).toBe(n);
  });

  test('commits are throttled while the learner moves on, and immediate when the page is hidden', () => {
    const { lms, adapter, timers } = strictLaunch(v, id);
    const t0 = timers.now();
    walkWithAdapter(def, adapter, { track, stopWhen: steps(20) }, { now: () => (timers.advance(300), timers.now()) });
    const commits = () => lms.calls.filter((c) => /Commit/.test(c.fn)).length;
    // Many quick steps: one commit at most every 5 seconds (the first one at once).
    const elapsed = timers.now() - t0;
    expect(commits()).toBeGreaterThan(0);
    expect(commits()).toBeLessThanOrEqual(Math.floor(elapsed / 5000) + 1);
    expect(lms.calls.filter((c) => /SetValue/.test(c.fn)).length).toBeGreaterThan(3 * commits());
    const before = commits();
    adapter.flush();
    expect(commits()).toBe(before + 1);
  });
});

describe('choosing the adapter', () => {
  test('no LMS anywhere: local storage, with the notice', async () => {
    const win = { parent: null, opener: null } as unknown as Window;
    const a = await detectAdapter(def, win);
    const notices: string[] = [];
    a.start();
    a.onNotice((n) => notices.push(n.kind));
    expect(a.kind).toBe('local');
    expect(notices).toEqual(['local-only']);
  });
  test.each([['API', 'scorm12'], ['API_1484_11', 'scorm2004']])('an LMS in the parent frame (%s)', async (name, kind) => {
    const lms = new StrictLms(name === 'API' ? '1.2' : '2004');
    const top = { [name]: lms.api() } as Record<string, unknown>;
    top.parent = top;
    const win = { parent: top } as unknown as Window;
    expect((await detectAdapter(def, win)).kind).toBe(kind);
  });
});
