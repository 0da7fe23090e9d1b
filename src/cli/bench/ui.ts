/**
 * Learner interface figures: what the first screen costs to download (HTML + JS + CSS + the
 * active language's content and interface strings, gzip as a web server or LMS sends it:
 * every response the server sent before the first heading appeared), the same read from the
 * built files (src/build/first-screen-size.ts, as the size-budget test does) beside the
 * whole course, and Lighthouse 12 mobile scores for performance and accessibility. Measured
 * on the built package (dist/web, built first if missing; UI_DIST measures another build)
 * served on 127.0.0.1 with gzip, in Debian's Chromium.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildCourse } from '../../authoring/load.ts';
import type { Figure } from '../bench.ts';
import { firstScreenFiles, total, wholeCourse } from '../../build/first-screen-size.ts';
import { withMeta } from '../../build/package.ts';
import type { CourseDefinition } from '../../engine/definition.ts';
import type { LearnerEvent } from '../../engine/events.ts';
import { CourseSession } from '../../engine/session.ts';
import { selectView } from '../../engine/view.ts';
import { LOCAL_KEY_PREFIX } from '../../lms/local.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

/** A static server that gzips text, as production servers do; counts the bytes it sends. */
async function serve(dir: string) {
  const sent = new Map<string, number>();
  /** When each file was sent (ms since the epoch), to tell what came before the first heading. */
  const at = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let file = normalize(join(dir, decodeURIComponent(path)));
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gz = gzipSync(readFileSync(file), { level: 9 });
    const key = path === '/' ? '/index.html' : path;
    sent.set(key, gz.length);
    at.set(key, Date.now());
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-cache' }).end(gz);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, sent, at, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The build measured: UI_DIST as given, else a fresh build (a build left over may be stale). */
async function distDir(): Promise<string> {
  if (process.env.UI_DIST) return resolve(process.env.UI_DIST);
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
  return resolve('dist/web');
}

/** A journey saved on the first page of the learner's second module: a returning learner. */
function returningJourney(def: CourseDefinition, lang: 'fr' | 'en'): string {
  const session = new CourseSession(def, { lang, seed: 11 });
  for (let i = 0; i < 500; i++) {
    const v = selectView(def, session.snapshot);
    if (v.screen.kind === 'page' && (v.module?.index ?? 0) >= 2) return session.save();
    const s = v.screen;
    const event: LearnerEvent =
      s.kind === 'welcome' ? { type: 'course.start' }
      : s.kind === 'track' ? { type: 'track.select', track: def.tracks[0].id }
      : s.kind === 'programme' ? { type: 'programme.select', programme: s.options[0].id }
      : s.kind === 'scenario' && s.node.kind === 'decision' ? { type: 'choice.select', option: s.node.options[0].id }
      : s.kind === 'check' && !s.answered ? { type: 'item.answer', options: [s.quiz.options[0].id] }
      : { type: 'nav.next' };
    if (!session.send(event)) break;
  }
  throw new Error('could not reach a second module');
}

/**
 * Loads the page (a first visit, or with `kept` a return: the journey kept in this browser,
 * as without an LMS) and sorts the gzip bytes sent by kind. Module text is
 * fetched in the background once the first screen is up: counted apart, by chunk name.
 */
async function firstScreen(url: string, sent: Map<string, number>, at: Map<string, number>, locale: string, modules: string[], kept?: { key: string; journey: string }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const page = await browser.newPage({ locale });
  if (kept) await page.addInitScript((k) => localStorage.setItem(k.key, k.journey), kept);
  // The moment the first heading is in the page (the DevTools protocol runs this before the
  // page's own scripts, whatever its Content-Security-Policy).
  await page.addInitScript(() => {
    const w = window as unknown as { __headingAt?: number; __drawnBy?: string };
    new MutationObserver((_, o) => {
      if (document.querySelector('main[data-screen] h1')) {
        w.__headingAt = Date.now();
        // Which app drew it: the first screen (`first`) or, when it could not, the full app.
        w.__drawnBy = document.getElementById('app')?.dataset.app ?? 'full';
        o.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  sent.clear();
  at.clear();
  await page.goto(url);
  await page.waitForSelector(kept ? 'main[data-screen="resume"] h1' : 'main[data-screen] h1');
  const drawnBy = await page.evaluate(() => (window as unknown as { __drawnBy: string }).__drawnBy);
  const headingAt = await page.evaluate(() => (window as unknown as { __headingAt: number }).__headingAt);
  await page.waitForLoadState('networkidle');
  await browser.close();
  const by = { html: 0, js: 0, css: 0, content: 0, strings: 0, other: 0 };
  const moduleText: number[] = [];
  let after = 0;
  for (const [path, bytes] of sent) {
    const name = path.split('/').pop() ?? '';
    if (modules.some((m) => name.startsWith(`${m}-`))) {
      moduleText.push(bytes);
      continue;
    }
    // Sent once the heading was there: the rest of the course, loading behind it.
    if ((at.get(path) ?? 0) > headingAt) {
      after += bytes;
      continue;
    }
    const kind = name.endsWith('.html') ? 'html' : name.endsWith('.css') ? 'css' : /^_core-.*\.js$/.test(name) ? 'content' : /^ui-.*\.js$/.test(name) ? 'strings' : name.endsWith('.js') ? 'js' : 'other';
    by[kind] += bytes;
  }
  return { ...by, drawnBy, total: Object.values(by).reduce((a, b) => a + b, 0), after, moduleText: moduleText.reduce((a, b) => a + b, 0), largestModule: Math.max(0, ...moduleText) };
}

async function lighthouseScores(url: string) {
  const [{ default: lighthouse }, launcher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  const perf: number[] = [];
  const a11y: number[] = [];
  let lcp = 0;
  let tbt = 0;
  for (let i = 0; i < RUNS; i++) {
    const chrome = await launcher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      const lhr = result!.lhr;
      perf.push(Math.round((lhr.categories.performance.score ?? 0) * 100));
      a11y.push(Math.round((lhr.categories.accessibility.score ?? 0) * 100));
      lcp = Math.max(lcp, lhr.audits['largest-contentful-paint'].numericValue ?? 0);
      tbt = Math.max(tbt, lhr.audits['total-blocking-time'].numericValue ?? 0);
    } finally {
      await chrome.kill();
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { perf: median(perf), perfAll: perf, a11y: median(a11y), a11yAll: a11y, lcp, tbt };
}

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

export async function run(): Promise<Figure[]> {
  const dir = await distDir();
  const course = buildCourse(resolve(process.env.COURSE_ROOT ?? '.')).compiled;
  if (!course) throw new Error('the course has errors; run npm run check');
  const modules = course.definition.modules.map((m) => m.id);
  const server = await serve(dir);
  try {
    const fr = await firstScreen(server.url, server.sent, server.at, 'fr-CA', modules);
    const en = await firstScreen(server.url, server.sent, server.at, 'en-CA', modules);
    const key = `${LOCAL_KEY_PREFIX}${course.definition.id}`;
    const backFr = await firstScreen(server.url, server.sent, server.at, 'fr-CA', modules, { key, journey: returningJourney(course.definition, 'fr') });
    const backEn = await firstScreen(server.url, server.sent, server.at, 'en-CA', modules, { key, journey: returningJourney(course.definition, 'en') });
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const marker = (lang: string) => (JSON.parse(readFileSync(resolve(`locales/${lang}/ui.json`), 'utf8')) as { start: string }).start;
    const built = (lang: string, page = html) => total(firstScreenFiles(dir, page, lang, marker(lang)));
    const [builtFr, builtEn, whole] = [built('fr'), built('en'), total(wholeCourse(dir, html))];
    // index.html as each package kind serves it (the same files otherwise): first launch and
    // return draw from the same files, the journey decoder and resume screen included.
    const kinds: Record<string, string> = {
      web: html,
      'SCORM 1.2': withMeta(html, { 'course-scorm': '1.2' }),
      'SCORM 2004': withMeta(html, { 'course-scorm': '2004' }),
      cmi5: withMeta(html, { 'course-cmi5': '1' }),
    };
    const perKind: Figure[] = Object.entries(kinds).map(([kind, page]) => {
      const [f, e] = [built('fr', page), built('en', page)];
      return { name: `first screen from the built files, ${kind}, first launch or return`, value: kb(Math.max(f.gzip, e.gzip)), unit: 'KB', note: `gzip fr ${kb(f.gzip)} / en ${kb(e.gzip)}; raw fr ${kb(f.raw)} / en ${kb(e.raw)}; aim ≤ 60` };
    });
    const lh = await lighthouseScores(server.url);
    const parts = (s: typeof fr) => `HTML ${kb(s.html)} + JS ${kb(s.js)} + CSS ${kb(s.css)} + core text ${kb(s.content)} + UI strings ${kb(s.strings)}${s.other ? ` + other ${kb(s.other)}` : ''}`;
    return [
      { name: 'first screen transfer, French (gzip)', value: kb(fr.total), unit: 'KB', note: `${parts(fr)}; then ${kb(fr.after)} KB for the rest of the app behind it; aim ≤ 60` },
      { name: 'first screen transfer, English (gzip)', value: kb(en.total), unit: 'KB', note: `${parts(en)}; then ${kb(en.after)} KB behind it` },
      { name: 'returning learner, resume screen transfer, French (gzip)', value: kb(backFr.total), unit: 'KB', note: `${parts(backFr)}; drawn by the ${backFr.drawnBy} app; then ${kb(backFr.after)} KB behind it (module text apart: ${kb(backFr.moduleText)})` },
      { name: 'returning learner, resume screen transfer, English (gzip)', value: kb(backEn.total), unit: 'KB', note: `${parts(backEn)}; drawn by the ${backEn.drawnBy} app; then ${kb(backEn.after)} KB behind it` },
      { name: 'first screen from the built files, French', value: kb(builtFr.gzip), unit: 'KB', note: `gzip; ${kb(builtFr.raw)} KB raw (index.html, what it loads, static imports, core text and interface strings)` },
      { name: 'first screen from the built files, English', value: kb(builtEn.gzip), unit: 'KB', note: `gzip; ${kb(builtEn.raw)} KB raw` },
      ...perKind,
      { name: 'whole course (every file of the build)', value: kb(whole.gzip), unit: 'KB', note: `gzip; ${kb(whole.raw)} KB raw, both languages, every chunk` },
      { name: 'module text after the first screen, French', value: kb(fr.moduleText), unit: 'KB', note: `${modules.length} module part(s) fetched in the background; largest ${kb(fr.largestModule)} (a learner resuming there waits for it)` },
      { name: 'Lighthouse mobile performance', value: lh.perf, unit: '/100', note: `median of ${RUNS}: ${lh.perfAll.join(', ')}; worst LCP ${Math.round(lh.lcp)} ms, TBT ${Math.round(lh.tbt)} ms; aim ≥ 98` },
      { name: 'Lighthouse mobile accessibility', value: lh.a11y, unit: '/100', note: `runs: ${lh.a11yAll.join(', ')}; aim 100` },
    ];
  } finally {
    await server.close();
  }
}
