/**
 * Switching language in the middle of a scenario keeps the learner's place and the answer
 * they were choosing, changes `lang`, the title and all text, and survives a reload.
 */
import { expect, it } from 'vitest';
import { serveStatic, useBrowser } from './browser.ts';
import { DIST, choose, def, label, nextScreen, press, screenOf, tabTo, text, walk } from './ui-driver.ts';

const env = useBrowser(() => serveStatic(DIST));

/** Walks (in French, best answers) until the first scenario decision. */
async function toFirstDecision(page: import('playwright-core').Page) {
  let at = '';
  await walk(page, {
    lang: 'fr',
    track: def.tracks.at(-1)!.id,
    onScreen: async (key) => {
      const [kind, sc, node, opt] = key.split(':');
      if (kind === 'scenario' && !opt && def.scenarios[sc].nodes[node].kind === 'decision') {
        at = key;
        throw new Stop();
      }
    },
  }).catch((e) => {
    if (!(e instanceof Stop)) throw e;
  });
  expect(at).not.toBe('');
  return at;
}
class Stop extends Error {}

it('switches language mid-scenario without losing place or selection, then resumes after reload', async () => {
  const context = await env.browser.newContext({ locale: 'fr-CA' });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('main[data-screen="welcome"]');
  expect(await page.getAttribute('html', 'lang')).toBe('fr');

  const at = await toFirstDecision(page);
  const [, sc, nodeId] = at.split(':');
  const node = def.scenarios[sc].nodes[nodeId];
  if (node.kind !== 'decision') throw new Error('not a decision');
  const pick = node.options.find((o) => !o.best) ?? node.options[0];
  await choose(page, [pick.id]);
  const progressBefore = await page.locator('label[for="course-progress"]').textContent();

  // Back to the language switch by keyboard, then Enter.
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Read in English', true);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'en');

  expect(await screenOf(page)).toBe(at);
  expect(await page.locator('h1').textContent()).toContain(text('en', def.scenarios[sc].title));
  expect(await page.title()).toContain(text('en', def.title));
  expect(await page.locator(`input[value="${pick.id}"]`).isChecked()).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('lang'))).toBe('fr'); // focus stays on the switch, now offering French
  await page.waitForFunction((msg) => document.querySelector('[aria-live="polite"]')?.textContent === msg, label('en', 'language.changed'));
  const progressAfter = await page.locator('label[for="course-progress"]').textContent();
  expect(progressAfter).not.toBe(progressBefore); // now in English…
  expect(progressAfter?.match(/\d+/g)).toEqual(progressBefore?.match(/\d+/g)); // …with the same numbers

  // Confirm in English: feedback comes in English, with the clause cited.
  await press(page, label('en', 'scenario.confirm'));
  const feedback = await nextScreen(page, at);
  expect(feedback).toBe(`${at}:${pick.id}`);
  await page.waitForFunction((fb) => document.querySelector('[aria-live="polite"]')?.textContent?.includes(fb), text('en', pick.feedback).slice(0, 20));
  if (pick.clauses.length) expect(await page.getByRole('heading', { name: label('en', 'scenario.clauses') }).count()).toBe(1);

  // Reload: asked to continue, in English, and back at the same screen.
  await page.reload();
  await page.waitForSelector('main[data-screen="resume"]');
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  await press(page, label('en', 'resume.continue'));
  expect(await nextScreen(page, 'resume')).toBe(feedback);
  await context.close();
});
