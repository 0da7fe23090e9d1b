/**
 * Faults, in both versions: commits that fail then recover, and an LMS that vanishes in the
 * middle of the course. The learner carries on, is told, and the LMS ends up with everything.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { useBrowser } from './browser.ts';
import { course } from '../lms/helpers.ts';
import { startHarness, openLms } from './lms-harness.ts';
import { CourseDriver } from './lms-driver.ts';
import { expectedInteractions, journeyReader, recordedInteractions } from './lms-expect.ts';
import { stateKey } from '../../src/engine/graph.ts';

const { def, content } = course();
// A whole run of the real course clicks through hundreds of screens.
const LONG = 600_000;
const env = useBrowser(() => startHarness(def, content));

// Commits are throttled (at most one every 5 s) and retried with back-off: waits allow for both.
const WAIT = { timeout: 20000, interval: 200 };
const lost = JSON.parse(readFileSync('locales/en/ui.json', 'utf8')).notice['lms-lost'] as string;

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  test('commits fail for a while, then recover: the learner is told, nothing is lost', async () => {
    const lms = await openLms(env.browser, env.server, def, { version, language: 'en-CA' });
    await lms.launch();
    const driver = new CourseDriver({ def, content, frame: lms.frame, journey: journeyReader(lms.page), lang: 'en' });
    const notice = lms.frame.getByRole('status').filter({ hasText: lost });
    await driver.play({}, 4);

    await lms.setFailing(true);
    const during = await driver.play({}, 6);
    await expect.poll(() => notice.count(), WAIT).toBe(1);
    expect((await lms.commits()).some((c) => !c.ok)).toBe(true);
    expect((await lms.stored())!.suspend_data).not.toBe(during.save());

    await lms.setFailing(false);
    const after = await driver.play({}, 1);
    await expect.poll(() => notice.count(), WAIT).toBe(0);
    await expect.poll(async () => (await lms.stored())!.suspend_data, WAIT).toBe(after.save());

    // What the LMS confirmed holds every decision and answer so far.
    const cmi = (await lms.stored())!;
    expect(recordedInteractions(cmi, version)).toEqual(expectedInteractions(def, cmi.suspend_data, version));
    // The only errors scorm-again raised are the commits it was told to fail (101: general exception).
    const errors = await lms.errors();
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => /Commit$/.test(e.fn) && e.error === '101')).toBe(true);
    await lms.context.close();
  }, LONG);

  test('the LMS vanishes mid-course: carry on; the next launch resumes there and sends what was missed', async () => {
    const lms = await openLms(env.browser, env.server, def, { version, language: 'en-CA' });
    await lms.launch();
    const driver = new CourseDriver({ def, content, frame: lms.frame, journey: journeyReader(lms.page), lang: 'en' });
    await driver.play({ decisions: 'wrong-first' }, 8);
    await expect.poll(async () => (await lms.stored())?.suspend_data, WAIT).toBe((await driver.mirror()).save());

    await lms.vanish();
    const gone = await driver.play({ decisions: 'wrong-first' }, 10);
    await expect.poll(() => lms.frame.getByRole('status').filter({ hasText: lost }).count(), WAIT).toBe(1);
    const heading = await lms.frame.locator('h1').first().innerText();
    await lms.closeCourse();
    expect((await lms.stored())!.suspend_data).not.toBe(gone.save());

    await lms.launch(); // the LMS is back, with what it held before it vanished
    const cont = JSON.parse(readFileSync('locales/en/ui.json', 'utf8')).resume.continue as string;
    await lms.frame.getByRole('button', { name: cont, exact: true }).click();
    await expect.poll(() => lms.frame.locator('h1').first().innerText(), WAIT).toBe(heading);
    expect(stateKey((await driver.mirror()).snapshot)).toBe(stateKey(gone.snapshot));

    // A few more steps, closed again: the LMS holds everything, the missed part included, once.
    const last = await driver.play({}, 5);
    await lms.closeCourse();
    const cmi = (await lms.stored())!;
    expect(cmi.suspend_data).toBe(last.save());
    expect(recordedInteractions(cmi, version)).toEqual(expectedInteractions(def, cmi.suspend_data, version));
    expect(await lms.errors()).toEqual([]);
    await lms.context.close();
  }, LONG);
});
