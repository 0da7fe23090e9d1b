/**
 * Over several sittings: a reload offers "continue where you left off" (back to the same
 * screen, focus on its heading) or "start over" (back to the welcome screen, answers erased).
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveStatic, useBrowser } from './browser.ts';
import { DIST, def, label, nextScreen, press, walk } from './ui-driver.ts';

const env = useBrowser(() => serveStatic(DIST));

class Stop extends Error {}
/** Walks in English until `stop(key)` says so; returns that screen. */
async function walkUntil(page: Page, stop: (key: string) => boolean) {
  let at = '';
  await walk(page, {
    lang: 'en',
    track: def.tracks[0].id,
    onScreen: async (key) => {
      if (stop(key)) {
        at = key;
        throw new Stop();
      }
    },
  }).catch((e) => {
    if (!(e instanceof Stop)) throw e;
  });
  return at;
}

it('resumes at the same screen after a reload', async () => {
  const context = await env.browser.newContext({ locale: 'en-CA' });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('main[data-screen="welcome"]');
  // Stop at the first knowledge-check feedback if there is one, else at the first scenario feedback.
  const hasCheck = def.modules.some((m) => m.steps.some((s) => s.kind === 'check' && !def.items[s.item].tracks));
  const at = await walkUntil(page, (k) => (hasCheck ? /^check:.*:answered$/.test(k) : k.split(':').length === 4));
  expect(at).not.toBe('');

  await page.reload();
  await page.waitForSelector('main[data-screen="resume"]');
  expect(await page.locator('h1').textContent()).toContain(label('en', 'resume.heading'));
  await press(page, label('en', 'resume.continue'));
  expect(await nextScreen(page, 'resume')).toBe(at);

  // And it goes on from there to the end.
  const seen = await walk(page, { lang: 'en', track: def.tracks[0].id });
  expect(seen.at(-1)).toBe('done');
  await context.close();
});

it('starts over from the welcome screen when asked', async () => {
  const context = await env.browser.newContext({ locale: 'en-CA' });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('main[data-screen="welcome"]');
  const at = await walkUntil(page, (k) => k.startsWith('page:'));
  expect(at).not.toBe('');
  await page.reload();
  await page.waitForSelector('main[data-screen="resume"]');
  await press(page, label('en', 'resume.startOver'));
  expect(await nextScreen(page, 'resume')).toBe('welcome');
  await page.reload();
  // Nothing left to resume: a plain first screen.
  await page.waitForSelector('main[data-screen="welcome"]');
  await context.close();
});
