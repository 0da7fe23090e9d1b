/**
 * A keyboard-only learner finishes the whole course, in French and in English, on the
 * built package: every screen change puts focus on the new heading, a poor choice leads to
 * its consequence and a replay, a failed attempt shows what to review and allows a retry,
 * and the attestation prints on one page.
 */
import { describe, expect, it } from 'vitest';
import { serveStatic, useBrowser } from './browser.ts';
import { DIST, def, label, text, walk } from './ui-driver.ts';

const env = useBrowser(() => serveStatic(DIST));

const tracks = def.tracks.map((t) => t.id);

describe.each([
  { lang: 'fr' as const, locale: 'fr-CA', track: tracks[tracks.length - 1] },
  { lang: 'en' as const, locale: 'en-CA', track: tracks[0] },
])('keyboard only, $lang', ({ lang, locale, track }) => {
  it('finishes the course from welcome to a one-page attestation', async () => {
    const page = await env.browser.newPage({ locale });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(env.server.url);
    await page.waitForSelector('main[data-screen="welcome"]');
    expect(await page.getAttribute('html', 'lang')).toBe(lang);

    const kinds = new Set<string>();
    const pressed = new Map<string, string>();
    const seen = await walk(page, {
      lang,
      track,
      onPress: (key, name) => pressed.set(key, name),
      poorChoiceOnce: true,
      failFirstAttempt: true,
      onScreen: async (key) => {
        kinds.add(key.split(':')[0]);
        // A title per screen, naming the course.
        expect(await page.title()).toContain(text(lang, def.title));
        if (key.startsWith('result:1') && def.assessment.attempts !== 1) {
          expect(await page.locator('h1').textContent()).toContain(label(lang, 'result.failed'));
          expect(await page.getByRole('heading', { name: label(lang, 'result.review') }).count()).toBe(1);
        }
      },
    });

    expect(seen[0]).toBe('welcome');
    expect(seen.at(-1)).toBe('done');
    for (const k of ['welcome', 'page', 'scenario', 'assessment', 'result', 'attestation', 'done']) expect(kinds).toContain(k);
    // The first decision with a poor option: its feedback, maybe a consequence, then the same
    // decision again, reached by a button that says so; "Continue" on the steps before.
    const firstChoice = seen.findIndex((k) => k.startsWith('scenario:') && k.split(':').length === 4);
    const decision = seen[firstChoice - 1];
    const back = seen.indexOf(decision, firstChoice);
    if (back > 0) {
      expect(pressed.get(seen[back - 1])).toBe(label(lang, 'scenario.tryAgain'));
      for (const k of seen.slice(firstChoice, back - 1)) expect(pressed.get(k)).toBe(label(lang, 'next'));
    }
    expect(back, 'a poor choice is replayed').toBeGreaterThan(0);

    const cert = page.locator('article');
    expect(await cert.textContent()).toContain(text(lang, def.tracks.find((t) => t.id === track)!.title));
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
