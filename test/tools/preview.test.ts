/**
 * The author preview (`npm run dev`) in a real browser, on a copy of the sample course:
 * links open any node in either language with track and programme preset, saving a
 * scenario or a locale file reloads the page at the same place, validation errors show in
 * the page with file and line (every one of them), and the scenario maps open and link back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../e2e/browser.ts';
import { buildCourse } from '../../src/authoring/load.ts';
import { formatDiagnostic } from '../../src/authoring/diagnostic.ts';
import { cleanTemps, SAMPLE, tempCopy } from './helpers.ts';

let server: ViteDevServer;
let browser: Browser;
let url: string;
let course: string;
const cache = mkdtempSync(join(tmpdir(), 'vite-cache-'));
const uiEn = JSON.parse(readFileSync('locales/en/ui.json', 'utf8')) as { scenario: { confirm: string } };

beforeAll(async () => {
  course = tempCopy(SAMPLE);
  process.env.COURSE_ROOT = course;
  try {
    server = await createServer({ configFile: resolve('vite.config.ts'), root: resolve('.'), cacheDir: cache, logLevel: 'silent', server: { host: '127.0.0.1', port: 0, strictPort: false } });
    await server.listen();
  } finally {
    delete process.env.COURSE_ROOT;
  }
  url = server.resolvedUrls!.local[0];
  browser = await launchBrowser();
  // The first visit prepares the dependencies (and may reload once): do it before timing tests.
  const p = await open('?lang=en&scenario=birthday-envelope&node=intro');
  await p.locator('#author-preview-bar').waitFor({ timeout: 110_000 });
  await p.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(cache, { recursive: true, force: true });
  cleanTemps();
});

async function open(search: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url + search);
  return page;
}
const bar = (p: Page) => p.locator('#author-preview-bar').innerText({ timeout: 30_000 });
const mark = (p: Page) => p.evaluate(() => ((window as unknown as { mark: number }).mark = 1));
const reloaded = (p: Page) => p.waitForFunction(() => !(window as unknown as { mark?: number }).mark, null, { timeout: 30_000 });
const scenarioFile = () => join(course, 'scenarios/birthday-envelope.yaml');

describe('author preview', { timeout: 120_000 }, () => {
  it('opens a node by address, in either language, with track and programme preset', async () => {
    const p = await open('?lang=en&track=minors&programme=youth&scenario=late-night-dm&node=secret');
    expect(await bar(p)).toContain('minors/youth · sample-gifts-and-minors › late-night-dm › secret');
    await expect.poll(() => p.locator('main').innerText()).toContain('The next day Maya asks you to keep a secret.');
    await p.goto(url + '?lang=fr&track=standard&programme=emergency&scenario=birthday-envelope&node=card&option=donate');
    expect(await bar(p)).toContain('standard/emergency · sample-gifts-and-minors › birthday-envelope › card › donate');
    await expect.poll(() => p.locator('main').innerText()).toContain("Accepter l'argent et le donner discrètement");
    await p.close();
  });

  it('keeps the address on the screen shown, so a reload comes back to it', async () => {
    const p = await open('?lang=en&track=standard&programme=youth&scenario=birthday-envelope&node=card');
    await bar(p);
    // The option card covers its small input: a click on the card is what a learner makes.
    await p.locator('input[value="keep-card"]').check({ force: true });
    await p.getByRole('button', { name: uiEn.scenario.confirm }).click();
    await expect.poll(() => p.url()).toContain('node=card&option=keep-card');
    await p.reload();
    expect(await bar(p)).toContain('birthday-envelope › card › keep-card');
    await p.close();
  });

  it('reloads at the same node when a scenario file is saved', async () => {
    const p = await open('?lang=en&track=standard&programme=youth&scenario=birthday-envelope&node=jam');
    await bar(p);
    await mark(p);
    const good = readFileSync(scenarioFile(), 'utf8');
    writeFileSync(scenarioFile(), good.replace('The next week she insists you take a jar of her homemade marmalade.', 'Edited: a jar of marmalade.'));
    await reloaded(p);
    expect(await bar(p)).toContain('birthday-envelope › jam');
    await expect.poll(() => p.locator('main').innerText()).toContain('Edited: a jar of marmalade.');
    await mark(p);
    writeFileSync(scenarioFile(), good);
    await reloaded(p);
    await p.close();
  });

  it('reloads when a locale file is saved', async () => {
    const p = await open('?lang=en&scenario=birthday-envelope&node=intro');
    await bar(p);
    await mark(p);
    // Touch the file without changing it: a save is what the preview reacts to.
    const now = new Date();
    utimesSync('locales/en/ui.json', now, now);
    await reloaded(p);
    expect(await bar(p)).toContain('birthday-envelope › intro');
    await p.close();
  });

  it('shows every validation error with its file and line, and recovers once fixed', async () => {
    const p = await open('?lang=en&scenario=birthday-envelope&node=intro');
    await bar(p);
    const good = readFileSync(scenarioFile(), 'utf8');
    writeFileSync(scenarioFile(), good.replace('next: jam', 'next: jamm').replace('clauses: [B2a, B4, A8]', 'clauses: [B2a, B44, A8]'));
    const expected = buildCourse(course).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(expected.length).toBeGreaterThan(2);
    // The page may be reloading while it is read: try again until the overlay is there.
    const overlay = () => p.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '').catch(() => '');
    try {
      // Every error of the course, each as file:line:col, in the one overlay.
      const lacking = async () => {
        const text = await overlay();
        return text.includes(`The course has ${expected.length} error(s)`) ? expected.filter((e) => !text.includes(e)) : ['(no overlay yet)'];
      };
      await expect.poll(lacking, { timeout: 30_000 }).toEqual([]);
      expect(expected.some((e) => /^scenarios\/birthday-envelope\.yaml:\d+:\d+ {2}unknown clause id "B44"/.test(e))).toBe(true);
      // A page opened while the error is there (Vite's overlay reaches only pages already
      // open) lists them in the page too.
      const q = await open('?lang=en&scenario=birthday-envelope&node=intro');
      const items = () => q.locator('#author-preview-errors li').allInnerTexts().catch(() => [] as string[]);
      await expect.poll(items, { timeout: 30_000 }).toEqual(expected);
      expect(await q.locator('#author-preview-errors h2').innerText()).toContain(`The course has ${expected.length} error(s)`);
      await q.close();
    } finally {
      writeFileSync(scenarioFile(), good);
    }
    await expect.poll(() => p.locator('#author-preview-bar').count(), { timeout: 30_000 }).toBe(1);
    expect(await p.locator('#author-preview-errors').count()).toBe(0);
    await p.close();
  });

  it('says in the page when a link leads nowhere, and starts the course anyway', async () => {
    const p = await open('?lang=en&scenario=birthday-envelope&node=nowhere');
    await expect.poll(() => p.locator('#author-preview-error').innerText()).toMatch(/^Preview link: unknown node "nowhere" in scenario "birthday-envelope" \(nodes: intro, card,/);
    expect(await bar(p)).toContain('preview');
    await p.close();
  });

  it('shows the scenario maps, each node linking to the preview there', async () => {
    const p = await open('?map&lang=fr');
    await expect.poll(() => p.locator('h1').innerText()).toBe('Scenario maps');
    await p.getByRole('link', { name: 'late-night-dm' }).click();
    await expect.poll(() => p.locator('svg [data-node]').count()).toBe(8);
    expect(await p.locator('svg .scope').textContent()).toBe('MINORS TRACK ONLY');
    expect(await p.locator('pre').innerText()).toContain('4 distinct path(s)');
    await p.locator('svg a:has([data-node="disclosure"])').click();
    expect(await bar(p)).toContain('minors/home-support · sample-gifts-and-minors › late-night-dm › disclosure');
    await p.close();
  });
});
