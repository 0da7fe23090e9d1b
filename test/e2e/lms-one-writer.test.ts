/**
 * The same course launched twice from the LMS by the same learner, in two windows of one
 * browser: each window has its own LMS session, loaded with what the LMS held at its launch.
 * Only one may write, or the older copy of the journey overwrites the newer one.
 */
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FrameLocator } from 'playwright-core';
import { useBrowser } from './browser.ts';
import { course } from '../lms/helpers.ts';
import { startHarness, openLms, type LmsSession } from './lms-harness.ts';
import { CourseDriver } from './lms-driver.ts';
import { journeyReader } from './lms-expect.ts';

const { def, content } = course();
const env = useBrowser(() => startHarness(def, content));
const ui = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/ui.json`, 'utf8'));
const en = ui('en');

const screen = (frame: FrameLocator) => frame.locator('main').getAttribute('data-screen');
/** Calls that change what the LMS holds (reads and error queries left out). */
const writes = (lms: LmsSession) =>
  lms.page.evaluate(() => (window as unknown as { host: { calls: { fn: string }[] } }).host.calls.filter((c) => /SetValue|Commit|Finish|Terminate/.test(c.fn)).length);
/** What the course keeps in the browser (its journey copy and unconfirmed LMS work). */
const kept = async (lms: LmsSession) => JSON.stringify(Object.entries(await lms.storage()).filter(([k]) => k.startsWith('course-')).sort());

test('a second window of the same learner writes nothing until it continues there; the first then stops writing', async () => {
  const a = await openLms(env.browser, env.server, def, { version: '1.2', language: 'en-CA' });
  await a.launch();
  const driver = new CourseDriver({ def, content, frame: a.frame, journey: journeyReader(a.page), lang: 'en' });
  const at = await driver.play({}, 5);
  await expect.poll(async () => (await a.stored())?.suspend_data, { timeout: 15000 }).toBe(at.save());

  const b = await openLms(env.browser, env.server, def, { version: '1.2', language: 'en-CA', context: a.context });
  await b.launch();
  expect(await screen(b.frame)).toBe('elsewhere');
  expect(await b.frame.locator('h1').innerText()).toBe(en.writer.elsewhere.heading);
  const keptBefore = await kept(b);
  // Clicked around (a language switch saves the journey in a writing window), hidden, shown.
  await b.frame.getByRole('button', { name: 'Lire en français' }).click();
  await expect.poll(() => b.frame.locator('h1').innerText()).toBe(ui('fr').writer.elsewhere.heading);
  await b.frame.getByRole('button', { name: 'Read in English' }).click();
  await expect.poll(() => b.frame.locator('h1').innerText()).toBe(en.writer.elsewhere.heading);
  await b.frame.locator('body').evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  expect(await writes(b)).toBe(0);
  expect(await b.commits()).toEqual([]);
  expect((await b.stored())?.suspend_data).toBe(at.save());
  expect(await kept(b)).toBe(keptBefore);

  // Continue here: this window resumes where the first one was and records from now on.
  await b.frame.getByRole('button', { name: en.writer.elsewhere.action }).click();
  await a.frame.locator('main[data-screen="moved"]').waitFor();
  expect(await a.frame.locator('h1').innerText()).toBe(en.writer.moved.heading);
  await b.frame.locator('main[data-screen="resume"]').waitFor();
  const aWrites = await writes(a);
  const bDriver = new CourseDriver({ def, content, frame: b.frame, journey: () => b.cmi().then((c) => c.suspend_data || null), lang: 'en' });
  expect((await bDriver.mirror()).save()).toBe(at.save());
  const later = await bDriver.play({}, 3);
  await expect.poll(async () => (await b.stored())?.suspend_data, { timeout: 15000 }).toBe(later.save());

  // The first window writes nothing more, not even when it is closed.
  await a.frame.getByRole('button', { name: 'Lire en français' }).click();
  await expect.poll(() => a.frame.locator('h1').innerText()).toBe(ui('fr').writer.moved.heading);
  await a.closeCourse();
  expect(await writes(a)).toBe(aWrites);
  expect((await b.stored())?.suspend_data).toBe(later.save());
  await a.context.close();
}, 120_000);

test('another learner in the same browser is not kept waiting; the same learner is', async () => {
  const a = await openLms(env.browser, env.server, def, { version: '2004', language: 'en-CA', learner: 'learner-21' });
  await a.launch();
  expect(await screen(a.frame)).not.toBe('elsewhere');
  const other = await openLms(env.browser, env.server, def, { version: '2004', language: 'en-CA', learner: 'learner-22', context: a.context });
  await other.launch();
  expect(await screen(other.frame)).toBe('welcome');
  const same = await openLms(env.browser, env.server, def, { version: '2004', language: 'en-CA', learner: 'learner-21', context: a.context });
  await same.launch();
  expect(await screen(same.frame)).toBe('elsewhere');
  expect(await writes(same)).toBe(0);
  await a.context.close();
}, 120_000);
