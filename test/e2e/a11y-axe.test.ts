/**
 * axe-core in Chromium on every kind of screen of the built course, with every rule axe
 * runs by default (WCAG 2.0–2.2 A/AA and best practices): zero violations of any impact.
 * Once on a desktop width in French, once at 320 px in English; plus the glossary dialog,
 * a question submitted empty, and the "welcome back" screen.
 */
import { describe, expect, it } from 'vitest';
import { serveStatic, useBrowser } from './browser.ts';
import { DIST, def, label, press, tabTo, walk } from './ui-driver.ts';
import { axe } from './axe.ts';

const env = useBrowser(() => serveStatic(DIST));

/** The kind of screen a key stands for: one axe run per kind is enough. */
function kindOf(key: string): string {
  const [kind, a, b, c] = key.split(':');
  if (kind === 'page') return def.modules.find((m) => m.id === a)?.steps.find((s) => s.kind === 'page' && s.id === b && s.notice) ? 'page-notice' : 'page';
  if (kind === 'scenario') {
    const node = def.scenarios[a].nodes[b];
    if (node.kind === 'decision') return c ? `feedback-${node.options.find((o) => o.id === c)?.best ? 'best' : 'poor'}` : 'decision';
    return node.kind;
  }
  if (kind === 'check') return `check-${b}`;
  if (kind === 'assessment') return 'assessment';
  return kind;
}

describe.each([
  { lang: 'fr' as const, locale: 'fr-CA', width: 1280, height: 800 },
  { lang: 'en' as const, locale: 'en-CA', width: 320, height: 640 },
])('axe, $lang at $width px', ({ lang, locale, width, height }) => {
  it('finds no violation on any kind of screen', async () => {
    const context = await env.browser.newContext({ locale, viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.waitForSelector('main[data-screen="welcome"]');
    const problems: string[] = [];
    const checked = new Set<string>();
    let emptySubmitChecked = false;
    let glossaryChecked = false;

    await walk(page, {
      lang,
      track: def.tracks.at(-1)!.id,
      poorChoiceOnce: true,
      failFirstAttempt: true,
      onScreen: async (key) => {
        const kind = kindOf(key);
        if (!checked.has(kind)) {
          checked.add(kind);
          problems.push(...(await axe(page, key)));
        }
        if (!glossaryChecked && kind === 'decision') {
          glossaryChecked = true;
          await tabTo(page, (f) => f.tag === 'button' && f.text === label(lang, 'glossary.open'), true);
          await page.keyboard.press('Enter');
          await page.waitForSelector('dialog[open]');
          problems.push(...(await axe(page, `${key} + glossary`)));
          await page.keyboard.press('Escape');
          await page.waitForSelector('dialog:not([open])', { state: 'attached' });
          expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(label(lang, 'glossary.open'));
        }
        if (!emptySubmitChecked && kind === 'check-ask') {
          emptySubmitChecked = true;
          await press(page, label(lang, 'submit'));
          await page.waitForSelector('main .error');
          problems.push(...(await axe(page, `${key} submitted empty`)));
        }
      },
    });
    expect(checked).toContain('done');

    await page.reload();
    await page.waitForSelector('main[data-screen="resume"]');
    problems.push(...(await axe(page, 'resume')));

    expect(problems).toEqual([]);
    await context.close();
  });
});
