/**
 * Two tabs of the same course in the same browser, without an LMS: one records the journey,
 * the other says the course is open elsewhere and records nothing until the learner
 * continues there; the first then says so and records nothing until taken back. The same
 * with the Web Locks API and without it (older browsers, some webviews).
 */
import { expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serveStatic, useBrowser } from './browser.ts';
import { DIST, def, label, nextScreen, overflow, press, screenOf, walk } from './ui-driver.ts';

const env = useBrowser(() => serveStatic(DIST));

class Stop extends Error {}
/** Walks in English until the first course page; returns its screen key. */
async function walkToPage(page: Page) {
  let at = '';
  await walk(page, {
    lang: 'en',
    track: def.tracks[0].id,
    onScreen: async (key) => {
      if (key.startsWith('page:')) {
        at = key;
        throw new Stop();
      }
    },
  }).catch((e) => {
    if (!(e instanceof Stop)) throw e;
  });
  return at;
}

/** What the course keeps in this browser, the claim's heartbeat left out (it is not the journey). */
const kept = (page: Page) =>
  page.evaluate(() => JSON.stringify(Object.keys(localStorage).filter((k) => !k.endsWith(':claim')).sort().map((k) => [k, localStorage.getItem(k)])));

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function open(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto(env.server.url);
  return page;
}

async function twoTabs(context: BrowserContext, locks: boolean) {
  const a = await open(context);
  await a.waitForSelector('main[data-screen="welcome"]');
  expect(await a.evaluate(() => 'locks' in navigator)).toBe(locks);
  const at = await walkToPage(a);
  expect(at).not.toBe('');
  const before = await kept(a);

  // A second tab: it says the course is open elsewhere, heading focused, in the learner's language.
  const b = await open(context);
  await b.waitForSelector('main[data-screen="elsewhere"]');
  expect(await b.locator('h1').textContent()).toContain(label('en', 'writer.elsewhere.heading'));
  expect(await focusedId(b)).toBe('screen-heading');
  // On a phone the message and its button fit the screen, nothing wider than 320 px.
  await b.setViewportSize({ width: 320, height: 640 });
  expect(await overflow(b)).toBe(0);
  // Clicking around there (the language switch saves the journey in a writing tab) records nothing.
  await b.getByRole('button', { name: 'Lire en français' }).click();
  await b.waitForFunction((h) => document.querySelector('h1')?.textContent?.includes(h), label('fr', 'writer.elsewhere.heading'));
  await b.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  expect(await kept(b)).toBe(before);

  // Continue here, by keyboard: the second tab resumes where the first one was.
  await press(b, label('fr', 'writer.elsewhere.action'));
  await a.waitForSelector('main[data-screen="moved"]');
  expect(await nextScreen(b, 'elsewhere')).toBe('resume');
  await press(b, label('fr', 'resume.continue'));
  expect(await nextScreen(b, 'resume')).toBe(at);
  await press(b, label('fr', 'next'));
  const bAt = await nextScreen(b, at);
  const afterB = await kept(b);
  expect(afterB).not.toBe(before);

  // The first tab says the course continued elsewhere, and records nothing any more.
  expect(await a.locator('h1').textContent()).toContain(label('en', 'writer.moved.heading'));
  expect(await focusedId(a)).toBe('screen-heading');
  await a.getByRole('button', { name: 'Lire en français' }).click();
  await a.waitForFunction((h) => document.querySelector('h1')?.textContent?.includes(h), label('fr', 'writer.moved.heading'));
  expect(await kept(a)).toBe(afterB);

  // Taken back: the first tab resumes where the second one left off; the second one stops.
  await press(a, label('fr', 'writer.moved.action'));
  await b.waitForSelector('main[data-screen="moved"]');
  expect(await nextScreen(a, 'moved')).toBe('resume');
  await press(a, label('fr', 'resume.continue'));
  expect(await nextScreen(a, 'resume')).toBe(bAt);
  await b.getByRole('button', { name: 'Read in English' }).click();
  await b.waitForFunction((h) => document.querySelector('h1')?.textContent?.includes(h), label('en', 'writer.moved.heading'));
  expect(await kept(b)).toBe(afterB);
  expect(await screenOf(b)).toBe('moved');
}

it('lets one tab record the journey at a time, with the Web Locks API', async () => {
  const context = await env.browser.newContext({ locale: 'en-CA' });
  await twoTabs(context, true);
  await context.close();
});

it('lets one tab record the journey at a time without the Web Locks API', async () => {
  const context = await env.browser.newContext({ locale: 'en-CA' });
  await context.addInitScript(() => {
    delete (Navigator.prototype as { locks?: unknown }).locks;
  });
  await twoTabs(context, false);
  await context.close();
});
