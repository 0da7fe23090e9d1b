/**
 * On a 320 px wide phone (WCAG reflow width; also what 200 % zoom of a 640 px window gives),
 * a learner finishes the course by touch in English and in French: every screen reflows with
 * no horizontal scrolling, and the glossary dialog fits.
 */
import { describe, expect, it } from 'vitest';
import { serveStatic, useBrowser } from './browser.ts';
import { DIST, def, label, overflow, walk } from './ui-driver.ts';

const env = useBrowser(() => serveStatic(DIST));

describe.each([
  { lang: 'en' as const, locale: 'en-CA', track: def.tracks.at(-1)!.id },
  { lang: 'fr' as const, locale: 'fr-CA', track: def.tracks[0].id },
])('320 px, $lang', ({ lang, locale, track }) => {
  it('finishes the course by touch with nothing cut off', async () => {
    const context = await env.browser.newContext({ locale, viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.waitForSelector('main[data-screen="welcome"]');
    const wide: string[] = [];
    let glossary = false;
    const seen = await walk(page, {
      lang,
      track,
      mode: 'touch',
      poorChoiceOnce: true,
      onScreen: async (key) => {
        if ((await overflow(page)) > 0) wide.push(key);
        if (!glossary && key.startsWith('scenario:')) {
          glossary = true;
          await page.getByRole('button', { name: label(lang, 'glossary.open') }).tap();
          const box = await page.locator('dialog[open]').boundingBox();
          expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
          await page.getByRole('button', { name: label(lang, 'glossary.close') }).tap();
        }
      },
    });
    expect(seen.at(-1)).toBe('done');
    expect(glossary).toBe(true);
    expect(wide).toEqual([]);
    await context.close();
  });
});
