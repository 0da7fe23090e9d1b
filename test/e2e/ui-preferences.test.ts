/**
 * The learner's own settings are respected: reduced motion turns transitions off, and at
 * 200 % zoom (a 1280 × 800 window becomes 640 × 400 CSS pixels) nothing needs horizontal
 * scrolling and every control stays reachable.
 */
import { expect, it } from 'vitest';
import { serveStatic, useBrowser } from './browser.ts';
import { DIST, def, overflow, walk } from './ui-driver.ts';

const env = useBrowser(() => serveStatic(DIST));

it('has no transitions when the learner asks for reduced motion', async () => {
  const page = await env.browser.newPage({ locale: 'en-CA', reducedMotion: 'reduce' });
  await page.goto(env.server.url);
  // The welcome screen drawn first is replaced by the full app's (src/main.ts): the style
  // is read on the button that stays.
  await page.waitForSelector('#app[data-app="full"]');
  const button = page.locator('main button.primary');
  expect(await button.evaluate((b) => getComputedStyle(b).transitionDuration)).toBe('0s');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await button.evaluate((b) => getComputedStyle(b).transitionDuration)).not.toBe('0s');
  await page.close();
});

it('reflows at 200 % zoom through the whole course', async () => {
  const context = await env.browser.newContext({ locale: 'fr-CA', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('main[data-screen="welcome"]');
  const wide: string[] = [];
  const seen = await walk(page, {
    lang: 'fr',
    track: def.tracks.at(-1)!.id,
    onScreen: async (key) => {
      if ((await overflow(page)) > 0) wide.push(key);
    },
  });
  expect(seen.at(-1)).toBe('done');
  expect(wide).toEqual([]);
  await context.close();
});
