/**
 * An LMS that does not open (Initialize fails) in a real browser: the learner works on, told
 * that progress is kept here; nothing of it reaches the LMS then, and all of it does at the
 * next launch whose LMS opens, with the earlier journey kept aside rather than lost.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { useBrowser } from './browser.ts';
import { course } from '../lms/helpers.ts';
import { startHarness, openLms } from './lms-harness.ts';
import { CourseDriver } from './lms-driver.ts';
import { expectedInteractions, journeyReader, recordedInteractions } from './lms-expect.ts';

const { def, content } = course();
const env = useBrowser(() => startHarness(def, content));
const WAIT = { timeout: 30000, interval: 200 };
const lost = JSON.parse(readFileSync('locales/en/ui.json', 'utf8')).notice['lms-lost'] as string;
const keys = (storage: Record<string, string>, kind: string) => Object.keys(storage).filter((k) => k.startsWith(`course-lms:${def.id}:${kind}`));

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  test('a session whose LMS did not open reaches the LMS at the next launch; the older journey is kept aside', async () => {
    const lms = await openLms(env.browser, env.server, def, { version, language: 'en-CA' });
    await lms.launch();
    const first = new CourseDriver({ def, content, frame: lms.frame, journey: journeyReader(lms.page), lang: 'en' });
    await first.play({}, 5);
    await lms.closeCourse();
    const early = (await lms.stored())!.suspend_data as string;
    expect(early).toBeTruthy();

    // The LMS does not open: the course starts afresh (the learner is not known), says where progress goes.
    await lms.launch({ failInitialize: true });
    await expect.poll(() => lms.frame.getByRole('status').filter({ hasText: lost }).count(), WAIT).toBe(1);
    // What this session saves goes to its own record in the browser, and only there.
    const kept = async () => {
      const storage = await lms.storage();
      const key = keys(storage, 'unidentified:')[0];
      return key ? (JSON.parse(storage[key]).journey as string | null) : null;
    };
    const offline = new CourseDriver({ def, content, frame: lms.frame, journey: kept, lang: 'en' });
    const done = await offline.play({}, 14);
    const worked = done.save();
    await lms.closeCourse();
    expect((await lms.stored())!.suspend_data).toBe(early);
    expect(keys(await lms.storage(), 'unidentified:')).toHaveLength(1);

    // Next launch, LMS working: the further journey is resumed and the LMS gets all of it.
    await lms.launch();
    const next = new CourseDriver({ def, content, frame: lms.frame, journey: journeyReader(lms.page), lang: 'en' });
    const mirror = await next.mirror();
    expect(mirror.save()).toBe(worked);
    const after = await next.play({}, 1);
    await expect.poll(async () => (await lms.stored())?.suspend_data, WAIT).toBe(after.save());
    const cmi = (await lms.stored())!;
    expect(recordedInteractions(cmi, version)).toEqual([...expectedInteractions(def, early, version), ...expectedInteractions(def, after.save(), version)]);
    const storage = await lms.storage();
    expect(keys(storage, 'unidentified:')).toEqual([]);
    expect(JSON.parse(storage[keys(storage, 'learner:').find((k) => k.endsWith(':apart'))!]).journey).toBe(early);
    // The one error: the course asking for the learner before an Initialize that failed (to
    // tell an LMS that did not open from one already open); nothing else was refused.
    const learnerId = version === '1.2' ? 'cmi.core.student_id' : 'cmi.learner_id';
    expect(await lms.errors()).toEqual([{ fn: version === '1.2' ? 'LMSGetValue' : 'GetValue', element: learnerId, error: version === '1.2' ? '301' : '122' }]);
    await lms.context.close();
  }, 300_000);
});
