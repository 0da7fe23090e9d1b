/**
 * A returning learner, in a real browser: the resume question is drawn by the first screen
 * (`data-app="first"`) before the full app's code arrives; "Continue" pressed then is done by
 * the full app once it is there, and lands on the screen the learner left, focus on its
 * heading; pressed after the hand-over, it finds focus where the learner left it. A second
 * tab opens on "open elsewhere" drawn the same way.
 */
import { expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { serveStatic, useBrowser } from './browser.ts';
import { DIST, def, label, nextScreen, press, screenOf, tabTo, text, walk } from './ui-driver.ts';

const env = useBrowser(() => serveStatic(DIST));

class Stop extends Error {}
/** Walks in English to the `n`th course page; returns its screen key. */
async function walkToPage(page: Page, n: number) {
  let at = '';
  let pages = 0;
  await walk(page, {
    lang: 'en',
    track: def.tracks[0].id,
    onScreen: async (key) => {
      if (key.startsWith('page:') && ++pages === n) {
        at = key;
        throw new Stop();
      }
    },
  }).catch((e) => {
    if (!(e instanceof Stop)) throw e;
  });
  return at;
}

/** A learner in a fresh browser (English) who has walked to the `n`th course page. */
async function learnerAtPage(n: number) {
  const context = await env.browser.newContext({ locale: 'en-CA' });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('main[data-screen="welcome"]');
  return { context, page, at: await walkToPage(page, n) };
}

/** Holds back the full app's code (start-up and the App chunk) until `release()`. */
async function holdFullApp(page: Page) {
  const held: Route[] = [];
  let open = false;
  await page.route(/\/assets\/(start|App)-[^/]*\.js$/, (route) => (open ? route.continue() : void held.push(route)));
  return {
    requested: () => held.length,
    release: async () => {
      open = true;
      await Promise.all(held.splice(0).map((r) => r.continue()));
    },
  };
}

const appKind = (page: Page) => page.locator('#app').getAttribute('data-app');
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

it('Continue pressed before the full app arrives is done by it, on the screen the learner left', async () => {
  const { context, page, at } = await learnerAtPage(4);
  expect(at).not.toBe('');
  const module = def.modules.find((m) => m.steps.some((s) => s.kind === 'page' && at.endsWith(`:${s.id}`)))!;

  const hold = await holdFullApp(page);
  await page.reload();
  await page.waitForSelector('main[data-screen="resume"]');
  expect(await appKind(page)).toBe('first');
  expect(await page.locator('h1').textContent()).toContain(label('en', 'resume.heading'));
  // The place is named from the journey alone, header included: the module's title.
  expect(await page.locator('main').textContent()).toContain(label('en', 'resume.place').replace('{{place}}', text('en', module.title)));
  expect(await page.locator('header .module').textContent()).toContain(text('en', module.title));
  expect(hold.requested()).toBeGreaterThan(0);
  await press(page, label('en', 'resume.continue'));
  expect(await appKind(page)).toBe('first');
  await page.evaluate(() => {
    const w = window as unknown as { sawLoading?: boolean };
    new MutationObserver(() => void (document.querySelector('main .loading') && (w.sawLoading = true))).observe(document.getElementById('app')!, { childList: true, subtree: true });
  });
  await hold.release();
  await page.waitForSelector('#app[data-app="full"]');
  expect(await nextScreen(page, 'resume')).toBe(at);
  // The module's text was fetched behind the question: no "Loading" on the way.
  expect(await page.evaluate(() => (window as unknown as { sawLoading?: boolean }).sawLoading ?? false)).toBe(false);
  await context.close();
});

it('focus stays on Continue across the hand-over, and Continue then lands on the same screen', async () => {
  const { context, page, at } = await learnerAtPage(2);
  const hold = await holdFullApp(page);
  await page.reload();
  await page.waitForSelector('main[data-screen="resume"]');
  expect(await appKind(page)).toBe('first');
  const header = await page.locator('header').innerHTML();
  const main = await page.locator('main').innerHTML();
  await tabTo(page, (f) => f.tag === 'button' && f.text === label('en', 'resume.continue'));
  await hold.release();
  await page.waitForSelector('#app[data-app="full"]');
  // No change on screen, focus where it was.
  expect(await page.locator('header').innerHTML()).toBe(header);
  // (Less Svelte's anchors and the blank the full app leaves at the start of <main>.)
  const drawn = (html: string) => html.replace(/<!--[^]*?-->/g, '').trim();
  expect(drawn(await page.locator('main').innerHTML())).toBe(drawn(main));
  expect(await focusedText(page)).toBe(label('en', 'resume.continue'));
  expect(await screenOf(page)).toBe('resume');
  await page.keyboard.press('Enter');
  expect(await nextScreen(page, 'resume')).toBe(at);
  await context.close();
});

it('a second tab opens on "open elsewhere" drawn by the first screen, and continues there once the full app is in', async () => {
  const { context, page: a, at } = await learnerAtPage(2);
  const b = await context.newPage();
  const hold = await holdFullApp(b);
  await b.goto(env.server.url);
  await b.waitForSelector('main[data-screen="elsewhere"]');
  expect(await appKind(b)).toBe('first');
  await b.waitForFunction(() => document.activeElement?.id === 'screen-heading');
  await press(b, label('en', 'writer.elsewhere.action'));
  await hold.release();
  await b.waitForSelector('#app[data-app="full"]');
  // Taken over: this tab now writes, and asks whether to continue where the learner was.
  await b.waitForSelector('main[data-screen="resume"]');
  await press(b, label('en', 'resume.continue'));
  expect(await nextScreen(b, 'resume')).toBe(at);
  await a.waitForSelector('main[data-screen="moved"]');
  await context.close();
});
