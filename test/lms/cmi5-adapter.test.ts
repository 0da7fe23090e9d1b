/**
 * The cmi5 adapter's rules, against the local LRS in Node (real HTTP, real validator): the
 * launch contract (one token, LaunchData, preferences), launch modes, the LMS's mastery
 * score, one passed per registration, nothing after terminated.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openCmi5 } from '../../src/lms/cmi5/index.ts';
import { startLrs, statementProblems, type Lrs } from '../../src/preview/lrs/lrs.ts';
import { launchCmi5 } from '../../src/preview/lrs/cmi5-launcher.ts';
import type { DomainEvent } from '../../src/engine/events.ts';
import { course, installLocalStorage } from './helpers.ts';
import { CMI5_PENDING_PREFIX } from '../../src/lms/cmi5/outbox.ts';
import { peekCmi5 } from '../../src/lms/cmi5/peek.ts';

const { def } = course();
let lrs: Lrs;
beforeAll(async () => (lrs = await startLrs()));
afterAll(() => lrs.close());

const timed = (event: DomainEvent) => ({ event, at: Date.now(), latencyMs: 1200 });
const finished = (passed: boolean, score: number): DomainEvent => ({ type: 'assessment.finished', passed, score, attempt: 1, sections: [] });
const verbs = (reg: string) => lrs.statements.filter((s) => (s.context as { registration: string }).registration === reg).map((s) => String((s.verb as { id: string }).id).split('/').pop());
const settle = async (reg: string, n: number) => {
  for (let i = 0; i < 100 && verbs(reg).length < n; i++) await new Promise((r) => setTimeout(r, 20));
};

async function open(o: Parameters<typeof launchCmi5>[1] extends infer T ? Partial<T> : never = {}) {
  const l = launchCmi5(lrs, { auUrl: 'http://127.0.0.1/index.html', auId: `urn:course:${def.id}/au/learner-chooses`, masteryScore: 0.8, ...o });
  const adapter = await openCmi5(def, new URL(l.url).search, null, null);
  return { l, adapter };
}

describe('cmi5 adapter', () => {
  test('launch: the fetch URL gives its token once; language from the learner preferences', async () => {
    const { l, adapter } = await open({ languagePreference: 'en-US,fr-CA' });
    expect(adapter.start().language).toBe('en');
    await expect(openCmi5(def, new URL(l.url).search, null, null)).rejects.toThrow(/token/);
  });

  test('Normal mode: failed under the mastery score, then passed, completed, terminated; nothing after', async () => {
    const { l, adapter } = await open();
    adapter.start();
    adapter.report(timed(finished(false, 50)));
    adapter.report(timed(finished(false, 60))); // a second failed in the same session is not sent
    adapter.report(timed(finished(true, 90)));
    adapter.report(timed(finished(true, 95))); // one passed per registration
    adapter.report(timed({ type: 'course.attested', track: 'standard', score: 95 }));
    adapter.end();
    adapter.report(timed(finished(false, 10)));
    adapter.save({ journey: 'J1~x', location: '', progress: 1 });
    await settle(l.registration, 5);
    await new Promise((r) => setTimeout(r, 100));
    expect(verbs(l.registration)).toEqual(['initialized', 'failed', 'passed', 'completed', 'terminated']);
    for (const s of lrs.statements) expect(statementProblems(s)).toEqual([]);
    expect(adapter.waiting).toBe(0);
  });

  test('a course pass under the LMS mastery score is reported failed', async () => {
    const { l, adapter } = await open({ masteryScore: 0.95 });
    adapter.start();
    adapter.report(timed(finished(true, 90)));
    adapter.end();
    await settle(l.registration, 3);
    expect(verbs(l.registration)).toEqual(['initialized', 'failed', 'terminated']);
  });

  test('Browse mode: answers are sent, no completion or success', async () => {
    const { l, adapter } = await open({ launchMode: 'Browse' });
    adapter.start();
    adapter.report(timed(finished(true, 100)));
    adapter.report(timed({ type: 'course.attested', track: 'standard', score: 100 }));
    adapter.end();
    await settle(l.registration, 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(verbs(l.registration)).toEqual(['initialized', 'terminated']);
  });

  test('a relaunch of a registration already passed sends no second passed', async () => {
    const first = await open();
    first.adapter.start();
    first.adapter.report(timed(finished(true, 100)));
    first.adapter.save({ journey: 'J1~0.1.0~en~1~s', location: '', progress: 0.9 });
    first.adapter.end();
    await settle(first.l.registration, 3);
    for (let i = 0; i < 50 && first.adapter.waiting; i++) await new Promise((r) => setTimeout(r, 20));
    const again = await open({ registration: first.l.registration });
    expect(again.adapter.start().suspendData).toBe('J1~0.1.0~en~1~s');
    again.adapter.report(timed(finished(true, 100)));
    again.adapter.end();
    await settle(first.l.registration, 5);
    expect(verbs(first.l.registration)).toEqual(['initialized', 'passed', 'terminated', 'initialized', 'terminated']);
  });

  test('after the first screen read the LRS, the adapter opens on what it read: the LRS is not asked twice', async () => {
    installLocalStorage();
    const first = await open({ languagePreference: 'en-US' });
    first.adapter.start();
    first.adapter.save({ journey: 'J1~0.1.0~en~1~s', location: '', progress: 0.2 });
    first.adapter.end();
    for (let i = 0; i < 50 && first.adapter.waiting; i++) await new Promise((r) => setTimeout(r, 20));
    const l = launchCmi5(lrs, { auUrl: 'http://127.0.0.1/index.html', auId: `urn:course:${def.id}/au/learner-chooses`, registration: first.l.registration, languagePreference: 'en-US' });
    const search = new URL(l.url).search;
    const from = lrs.log.length;
    const peek = await peekCmi5(search, def.id);
    expect(peek?.journey).toEqual({ known: true, value: 'J1~0.1.0~en~1~s' });
    const adapter = await openCmi5(def, search, null, null, peek!.read);
    const launch = adapter.start();
    expect(launch.suspendData).toBe('J1~0.1.0~en~1~s');
    expect(launch.language).toBe('en');
    const gets = (path: string) => lrs.log.slice(from).filter((r) => r.method === 'GET' && r.path === path).length;
    expect(gets('agents/profile')).toBe(1);
    // The saved journey (by the first screen) and LMS.LaunchData (by the adapter), once each.
    expect(gets('activities/state')).toBe(2);
    expect(lrs.log.slice(from).filter((r) => r.method === 'POST' && !r.path.startsWith('statements'))).toHaveLength(1); // the token
  });

  test('a journey kept in the browser that the LRS copy already contains is not resumed over it; a damaged copy is kept aside', async () => {
    const storage = installLocalStorage();
    const first = await open();
    first.adapter.start();
    first.adapter.save({ journey: 'J1~0.1.0~en~1~s', location: '', progress: 0.1 });
    for (let i = 0; i < 50 && first.adapter.waiting; i++) await new Promise((r) => setTimeout(r, 20));
    // Elsewhere, the learner went further; the LRS holds it.
    const elsewhere = await open({ registration: first.l.registration });
    elsewhere.adapter.start();
    elsewhere.adapter.save({ journey: 'J1~0.1.0~en~1~s3n', location: '', progress: 0.2 });
    for (let i = 0; i < 50 && elsewhere.adapter.waiting; i++) await new Promise((r) => setTimeout(r, 20));
    // Back here earlier, with the LRS down: this browser kept an older journey, unconfirmed.
    const stale = await open({ registration: first.l.registration });
    lrs.down = true;
    stale.adapter.start();
    stale.adapter.save({ journey: 'J1~0.1.0~en~1~sn', location: '', progress: 0.1 });
    stale.adapter.end();
    await new Promise((r) => setTimeout(r, 100));
    lrs.down = false;
    const pendingKey = [...storage.keys()].find((k) => k.startsWith(CMI5_PENDING_PREFIX))!;
    expect(JSON.parse(storage.get(pendingKey)!).journey).toBe('J1~0.1.0~en~1~sn');
    const back = await open({ registration: first.l.registration });
    expect(back.adapter.start().suspendData).toBe('J1~0.1.0~en~1~s3n');
    back.adapter.end();
    for (let i = 0; i < 50 && back.adapter.waiting; i++) await new Promise((r) => setTimeout(r, 20));

    storage.set(pendingKey, '{"v":1,"statements":[{"no-id":true}],"journey":null}');
    const damaged = await open({ registration: first.l.registration });
    expect(damaged.adapter.start().suspendData).toBe('J1~0.1.0~en~1~s3n');
    expect(storage.get(`${pendingKey}:unreadable`)).toBe('{"v":1,"statements":[{"no-id":true}],"journey":null}');
  });
});
