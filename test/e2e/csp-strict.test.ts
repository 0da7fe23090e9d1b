/**
 * The built page works unchanged under a strict Content-Security-Policy sent as a header,
 * `default-src 'self'` and nothing else: no inline script or style, no eval, no request to
 * anywhere but the package. The bundle and the interface sources are checked as well.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { serveStatic, useBrowser } from './browser.ts';
import { DIST, def, label, press, tabTo, walk } from './ui-driver.ts';

const POLICY = "default-src 'self'";
const env = useBrowser(() => serveStatic(DIST, { headers: { 'content-security-policy': POLICY } }));

class Stop extends Error {}

it(`plays the course under "${POLICY}" with no violation, error or outside request`, async () => {
  const context = await env.browser.newContext({ locale: 'fr-CA' });
  await context.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  page.on('request', (r) => !r.url().startsWith(env.server.url) && problems.push(`request: ${r.url()}`));
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  await page.goto(env.server.url);
  await page.waitForSelector('main[data-screen="welcome"]');
  // Styles from the package apply (the stylesheet is not blocked): the primary button is filled.
  expect(await page.locator('button.primary').evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');

  let screens = 0;
  let glossary = false;
  await walk(page, {
    lang: 'fr',
    track: def.tracks.at(-1)!.id,
    poorChoiceOnce: true,
    onScreen: async (key) => {
      if (!glossary && key.startsWith('scenario:')) {
        glossary = true;
        await tabTo(page, (f) => f.tag === 'button' && f.text === label('fr', 'glossary.open'), true);
        await page.keyboard.press('Enter');
        await page.waitForSelector('dialog[open]');
        await press(page, label('fr', 'glossary.close'));
      }
      if (++screens > 12) throw new Stop();
    },
  }).catch((e) => {
    if (!(e instanceof Stop)) throw e;
  });
  // Switching language loads the other content and interface strings from the package.
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Read in English', true);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'en');

  expect(screens).toBeGreaterThan(12);
  expect(await violations()).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

it('ships no inline script, inline style, eval or raw HTML rendering', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  expect(html).not.toMatch(/<style|\sstyle=/i);
  expect(html).toMatch(/http-equiv="Content-Security-Policy" content="default-src 'self'/);
  expect(html).not.toMatch(/unsafe-(inline|eval)/);
  const assets = join(DIST, 'assets');
  for (const f of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    const js = readFileSync(join(assets, f), 'utf8');
    expect(js, f).not.toMatch(/\bnew Function\s*\(|\beval\s*\(/);
  }
  const svelteFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : []));
  for (const f of svelteFiles('src/ui')) {
    const src = readFileSync(f, 'utf8');
    expect(src, f).not.toMatch(/\{@html/);
    expect(src, f).not.toMatch(/\sstyle=|(?<![\w-])style:/);
  }
});
