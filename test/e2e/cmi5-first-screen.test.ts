/**
 * A cmi5 launch draws its first screen before the full app, as the SCORM and web launches
 * do: the welcome screen on a first launch, the resume question (language and place read
 * from the LRS's State resource) on a return, each with `data-app="first"` before the
 * hand-over; the token the first screen takes from the fetch URL serves the adapter.
 */
import { expect, test } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { useBrowser } from './browser.ts';
import { course } from '../lms/helpers.ts';
import { CourseDriver } from './lms-driver.ts';
import { openAu, startCmi5Harness, type Cmi5Harness } from './cmi5-harness.ts';
import { positionOf } from '../../src/engine/position.ts';

const { def, content } = course();
const env = useBrowser(() => startCmi5Harness(def, content));
const ui = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/ui.json`, 'utf8'));
const track = def.tracks[0].id;

/** A context that records which app drew each screen (`#app[data-app]`), from the first. */
async function recorded(browser: Browser) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const w = window as unknown as { apps: string[] };
    w.apps = [];
    new MutationObserver(() => {
      const app = document.getElementById('app')?.dataset.app;
      const screen = document.querySelector('main')?.dataset.screen;
      const seen = `${app}:${screen}`;
      if (app && screen && w.apps.at(-1) !== seen) w.apps.push(seen);
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  return context;
}
const apps = (page: import('playwright-core').Page) => page.evaluate(() => (window as unknown as { apps: string[] }).apps);

test('first launch, then a return in another browser: each drawn first by the first screen', async () => {
  const h = env.server as Cmi5Harness;
  const first = await openAu(env.browser, h, def, { track, languagePreference: 'fr', context: await recorded(env.browser) });
  await first.page.waitForSelector('#app[data-app="full"]');
  expect((await apps(first.page))[0]).toBe('first:welcome');
  const driver = new CourseDriver({ def, content, frame: first.frame, journey: () => first.journey(), lang: 'fr', presetTrack: track });
  const inModule = (s: AnyMachineSnapshot) => {
    const p = positionOf(def, s);
    return p.phase === 'learning' && (p.stepIndex ?? 0) >= 1;
  };
  await driver.play({ stopWhen: inModule });
  const heading = await first.page.locator('h1').first().innerText();
  await first.closeTab();
  await expect.poll(() => h.lrs.getState(first.launch.activityId, first.launch.actor, first.launch.registration, 'course-journey') !== null, { timeout: 15000 }).toBe(true);
  await first.context.close();

  // The LMS prefers English; the learner's journey is in French: French wins.
  const again = await openAu(env.browser, h, def, { track, registration: first.launch.registration, languagePreference: 'en', context: await recorded(env.browser) });
  await again.page.waitForSelector('#app[data-app="full"]');
  expect((await apps(again.page))[0]).toBe('first:resume');
  expect(await again.page.locator('h1').first().innerText()).toBe(ui('fr').resume.heading);
  await again.page.getByRole('button', { name: ui('fr').resume.continue, exact: true }).click();
  await expect.poll(() => again.page.locator('h1').first().innerText(), { timeout: 10000 }).toBe(heading);
  await again.closeTab();
  await again.context.close();
}, 120_000);
