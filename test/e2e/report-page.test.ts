/**
 * The manager's report page (`npm run report`) in Chromium: built from the real Moodle 4.4
 * downloads plus a small cohort played through the engine and scorm-again (every status,
 * filters with something to filter), served from a loopback server as the single file it is.
 * axe-core with every rule it runs by default (WCAG 2.0–2.2 A/AA and best practices) in both
 * languages; the language switch, the filters and the scrolling tables by keyboard alone, with
 * a visible focus in document order; no request beyond the page itself; print media.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { playCohort } from '../../src/report/dev/cohort.ts';
import { interactionsTsv, objectivesTsv } from '../../src/report/dev/moodle-writer.ts';
import { buildReport } from '../../src/report/build.ts';
import { exportFile, version } from '../report/helpers.ts';
import { serveStatic, useBrowser } from './browser.ts';
import { axe } from './axe.ts';

const course = version();
const title = course.content.fr.text[course.def.title] as string;
const { rows } = playCohort(course.def, { perTrack: 12, seed: 7031, base: Date.UTC(2026, 0, 5, 9) });
const files = [
  ...['scorm12-interactions.tsv', 'scorm12-basic.tsv', 'scorm12-objectives.tsv', 'scorm2004-interactions.tsv', 'scorm2004-objectives.tsv'].map(exportFile),
  { name: 'cohort-scorm12-interactions.tsv', text: interactionsTsv(rows['1.2'], title) },
  { name: 'cohort-scorm2004-interactions.tsv', text: interactionsTsv(rows['2004'], title) },
];
const report = buildReport({ files, versions: [course], lang: 'fr', names: false, asOf: Date.UTC(2027, 1, 1) });

const dir = mkdtempSync(join(tmpdir(), 'report-page-'));
writeFileSync(join(dir, 'report.html'), report.html);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = useBrowser(() => serveStatic(dir));

/** The report opened in a fresh context; every request it makes and every CSP violation kept. */
async function open(opts: { width?: number } = {}) {
  const context = await env.browser.newContext({ locale: 'fr-CA', viewport: { width: opts.width ?? 1280, height: 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const url = `${env.server.url}report.html`;
  await page.goto(url);
  await page.waitForLoadState('load');
  return { context, page, requests, url };
}

/** What has focus: a short name, whether it shows an outline, and its place in the document. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const all = [...document.querySelectorAll('*')];
    const name = el.id ? `#${el.id}` : el.dataset.setLang ? `lang:${el.dataset.setLang}` : `${el.tagName.toLowerCase()}.${el.className}[${el.getAttribute('aria-labelledby') ?? ''}]`;
    const r = el.getBoundingClientRect();
    return { name, outline, index: all.indexOf(el), onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight };
  });
}

/** Tabs (or Shift+Tabs) until focus leaves the page: the focus sequence, every stop checked. */
async function tabThrough(page: Page, backwards = false) {
  const stops: NonNullable<Awaited<ReturnType<typeof focused>>>[] = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (!f) break;
    if (stops.length && stops[0].index === f.index) break;
    stops.push(f);
  }
  return stops;
}

const visibleText = (page: Page, selector: string) => page.locator(selector).evaluate((el) => (el as HTMLElement).innerText.trim());
const shownRows = (page: Page) =>
  page.$$eval('#learners tbody tr', (trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => ({ status: tr.getAttribute('data-status'), track: tr.getAttribute('data-track'), follow: tr.getAttribute('data-follow') })));

describe('the report page in Chromium', () => {
  it('is built from the real Moodle files and a played cohort, with every kind of row to filter', () => {
    // Léa and Lou (one learner each across the 1.2 and 2004 packages), and the cohort.
    expect(report.learners.length).toBe(2 + 12 * course.def.tracks.length);
    const statuses = new Set(report.figures.rows.map((r) => r.status));
    for (const s of ['not-started', 'in-progress', 'failed', 'completed']) expect(statuses).toContain(s);
    expect(report.problems.length).toBeGreaterThan(0);
  });

  it('has no axe violation in French, in English, with a filter applied, and at 320 px', async () => {
    const { context, page } = await open();
    const problems = await axe(page, 'fr', 5);
    await page.click('[data-set-lang="en"]');
    problems.push(...(await axe(page, 'en', 5)));
    await page.selectOption('#f-status', 'failed');
    problems.push(...(await axe(page, 'en, failed only', 5)));
    await page.setViewportSize({ width: 320, height: 640 });
    await page.selectOption('#f-status', '');
    problems.push(...(await axe(page, 'en, 320 px', 5)));
    await page.click('[data-set-lang="fr"]');
    problems.push(...(await axe(page, 'fr, 320 px', 5)));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is reached by Tab in document order, each stop with a visible focus, and Tab leaves it (no trap)', async () => {
    const { context, page } = await open();
    const stops = await tabThrough(page);
    const names = stops.map((s) => s.name);
    // The controls first, in reading order: language switch, then the filters.
    expect(names.slice(0, 6)).toEqual(['lang:fr', 'lang:en', '#f-status', '#f-track', '#f-programme', '#f-follow']);
    // Then every scrolling table (a keyboard user can scroll it), and nothing else.
    const regions = await page.$$eval('.scroll[tabindex="0"]', (els) => els.length);
    expect(stops.length).toBe(6 + regions);
    expect(names.slice(6).every((n) => n.startsWith('div.scroll['))).toBe(true);
    for (let i = 1; i < stops.length; i++) expect(stops[i].index, `${names[i - 1]} → ${names[i]}`).toBeGreaterThan(stops[i - 1].index);
    expect(stops.filter((s) => !s.outline).map((s) => s.name)).toEqual([]);
    expect(stops.filter((s) => !s.onScreen).map((s) => s.name)).toEqual([]);
    // One more Tab leaves the page (to the browser); Shift+Tab walks the same stops backwards.
    const back = await tabThrough(page, true);
    expect(back.map((s) => s.name)).toEqual([...names].reverse());
    await context.close();
  });

  it('switches language by keyboard: Enter and Space, with the page language, title, options and pressed state', async () => {
    const { context, page } = await open();
    const h1fr = await visibleText(page, 'h1');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focused(page))?.name).toBe('lang:en');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toMatch(/^Follow-up report · /);
    expect(await page.getAttribute('[data-set-lang="en"]', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('[data-set-lang="fr"]', 'aria-pressed')).toBe('false');
    const h1en = await visibleText(page, 'h1');
    expect(h1en).not.toBe(h1fr);
    expect(await visibleText(page, 'main')).not.toMatch(/\bApprenant \d/);
    expect(await visibleText(page, 'main')).toMatch(/\bLearner \d/);
    expect(await page.$eval('#f-status option[value=""]', (o) => o.textContent)).toBe('All');
    // Focus stays on the switch after it acts.
    expect((await focused(page))?.name).toBe('lang:en');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await visibleText(page, 'h1')).toBe(h1fr);
    expect(await page.$eval('#f-status option[value=""]', (o) => o.textContent)).toBe('Tous');
    await context.close();
  });

  it('filters the learners by keyboard: status, track and the follow-up box, the count announced', async () => {
    const { context, page } = await open();
    const total = report.figures.rows.length;
    expect((await shownRows(page)).length).toBe(total);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focused(page))?.name).toBe('#f-status');
    // Arrow keys on a closed select move the choice and fire "change" (Chromium, not on macOS).
    await page.keyboard.press('ArrowDown');
    const status = await page.$eval('#f-status', (s) => (s as HTMLSelectElement).value);
    expect(status).not.toBe('');
    let shown = await shownRows(page);
    expect(shown.length).toBe(report.figures.rows.filter((r) => r.status === status).length);
    expect(shown.every((r) => r.status === status)).toBe(true);
    expect(await page.textContent('#shown .n')).toBe(String(shown.length));
    expect(await page.getAttribute('#shown', 'aria-live')).toBe('polite');
    // Back to every status, then one track.
    await page.keyboard.press('ArrowUp');
    expect((await shownRows(page)).length).toBe(total);
    await page.keyboard.press('Tab');
    expect((await focused(page))?.name).toBe('#f-track');
    await page.keyboard.press('ArrowDown');
    const track = await page.$eval('#f-track', (s) => (s as HTMLSelectElement).value);
    shown = await shownRows(page);
    expect(shown.length).toBe(report.figures.rows.filter((r) => (r.track ?? '-') === track).length);
    expect(shown.length).toBeLessThan(total);
    // The follow-up box, with Space, on top of the track.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focused(page))?.name).toBe('#f-follow');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#f-follow')).toBe(true);
    shown = await shownRows(page);
    const want = report.figures.rows.filter((r) => (r.track ?? '-') === track && r.followUp).length;
    expect(want).toBeGreaterThan(0);
    expect(shown.length).toBe(want);
    expect(shown.every((r) => r.follow === '1' && r.track === track)).toBe(true);
    expect(await page.textContent('#shown .n')).toBe(String(want));
    await context.close();
  });

  it('scrolls a wide table by keyboard at 320 px, the page itself not scrolling sideways', async () => {
    const { context, page } = await open({ width: 320 });
    const region = page.locator('section[aria-labelledby="h-completion"] .scroll');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    // The page itself never scrolls sideways (WCAG 1.4.10), in either language.
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.click('[data-set-lang="en"]');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('asks for nothing beyond itself: one request, no CSP violation, after using every control', async () => {
    const { context, page, requests, url } = await open();
    await page.click('[data-set-lang="en"]');
    await page.selectOption('#f-status', 'in-progress');
    await page.check('#f-follow');
    await page.emulateMedia({ media: 'print' });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    expect(requests).toEqual([url]);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    // Nothing in the page refers outside it: no external src, href, url() or form.
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll('[src], [href], [action], [srcset]')].map((e) => e.getAttribute('src') ?? e.getAttribute('href') ?? e.getAttribute('action') ?? e.getAttribute('srcset') ?? '').filter((v) => !v.startsWith('data:') && !v.startsWith('#')),
    );
    expect(outside).toEqual([]);
    expect(report.html).not.toMatch(/url\((?!["']?(data:|#))/);
    await context.close();
  });

  it('gives every id once, so each scenario map points at its own arrow markers', async () => {
    const { context, page } = await open();
    const dupes = await page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    expect(dupes).toEqual([]);
    // Every marker a map uses is defined inside that same map.
    const stray = await page.$$eval('figure.map svg', (svgs) =>
      svgs.flatMap((svg) => [...svg.querySelectorAll('[marker-end]')].map((el) => el.getAttribute('marker-end')!.replace(/^url\(#|\)$/g, '')).filter((id) => !svg.querySelector(`[id="${id}"]`))),
    );
    expect(stray).toEqual([]);
    expect(await page.$$eval('figure.map svg [marker-end]', (els) => els.length)).toBeGreaterThan(0);
    await context.close();
  });

  it('prints every section, every learner (filters set aside) and the maps, in the chosen language only', async () => {
    const { context, page } = await open();
    await page.click('[data-set-lang="en"]');
    await page.selectOption('#f-status', 'failed');
    const filtered = (await shownRows(page)).length;
    expect(filtered).toBeLessThan(report.figures.rows.length);
    await page.emulateMedia({ media: 'print' });
    const seen = await page.evaluate(() => {
      const rendered = (el: Element) => (el as HTMLElement).getClientRects().length > 0;
      return {
        h2: [...document.querySelectorAll('h2')].filter(rendered).length,
        sections: [...document.querySelectorAll('main > section')].filter(rendered).length,
        rows: [...document.querySelectorAll('#learners tbody tr')].filter(rendered).length,
        tables: [...document.querySelectorAll('table')].filter(rendered).length,
        mapsEn: [...document.querySelectorAll('figure.map .l-en svg')].filter(rendered).length,
        mapsFr: [...document.querySelectorAll('figure.map .l-fr svg')].filter(rendered).length,
        frText: [...document.querySelectorAll('main .l-fr')].filter(rendered).length,
        privacy: rendered(document.querySelector('.privacy')!),
        controls: [...document.querySelectorAll('.switch, .filters')].filter(rendered).length,
        clipped: [...document.querySelectorAll('.scroll')].filter((el) => getComputedStyle(el).overflowX !== 'visible').length,
      };
    });
    const all = await page.evaluate(() => ({ h2: document.querySelectorAll('h2').length, sections: document.querySelectorAll('main > section').length, tables: document.querySelectorAll('table').length, maps: document.querySelectorAll('figure.map .l-en svg').length }));
    expect(seen.h2).toBe(all.h2);
    expect(seen.sections).toBe(all.sections);
    expect(seen.tables).toBe(all.tables);
    expect(seen.rows).toBe(report.figures.rows.length);
    expect(seen.mapsEn).toBe(all.maps);
    expect(all.maps).toBeGreaterThan(0);
    expect(seen.mapsFr).toBe(0);
    expect(seen.frText).toBe(0);
    expect(seen.privacy).toBe(true);
    expect(seen.controls).toBe(0);
    expect(seen.clipped).toBe(0);
    await context.close();
  });
});
