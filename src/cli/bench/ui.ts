/**
 * Learner interface figures: what the first screen costs to download (HTML + JS + CSS + the
 * active language's content and interface strings, gzip as a web server or LMS sends it)
 * and Lighthouse 12 mobile scores for performance and accessibility. Measured on the built
 * package (dist/web, built first if missing; UI_DIST measures another build) served on
 * 127.0.0.1 with gzip, in Debian's Chromium.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildCourse } from '../../authoring/load.ts';
import type { Figure } from '../bench.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

/** A static server that gzips text, as production servers do; counts the bytes it sends. */
async function serve(dir: string) {
  const sent = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let file = normalize(join(dir, decodeURIComponent(path)));
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gz = gzipSync(readFileSync(file), { level: 9 });
    sent.set(path === '/' ? '/index.html' : path, gz.length);
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-cache' }).end(gz);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, sent, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function distDir(): Promise<string> {
  const dir = resolve(process.env.UI_DIST ?? 'dist/web');
  if (!existsSync(join(dir, 'index.html'))) {
    const { build } = await import('vite');
    await build({ logLevel: 'warn' });
  }
  return dir;
}

/**
 * Loads the page (a first visit) and sorts the gzip bytes sent by kind. Module text is
 * fetched in the background once the first screen is up: counted apart, by chunk name.
 */
async function firstScreen(url: string, sent: Map<string, number>, locale: string, modules: string[]) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const page = await browser.newPage({ locale });
  sent.clear();
  await page.goto(url);
  await page.waitForSelector('main[data-screen] h1');
  await page.waitForLoadState('networkidle');
  await browser.close();
  const by = { html: 0, js: 0, css: 0, content: 0, strings: 0, other: 0 };
  const moduleText: number[] = [];
  for (const [path, bytes] of sent) {
    const name = path.split('/').pop() ?? '';
    if (modules.some((m) => name.startsWith(`${m}-`))) {
      moduleText.push(bytes);
      continue;
    }
    const kind = name.endsWith('.html') ? 'html' : name.endsWith('.css') ? 'css' : /^_core-.*\.js$/.test(name) ? 'content' : /^ui-.*\.js$/.test(name) ? 'strings' : name.endsWith('.js') ? 'js' : 'other';
    by[kind] += bytes;
  }
  return { ...by, total: Object.values(by).reduce((a, b) => a + b, 0), moduleText: moduleText.reduce((a, b) => a + b, 0), largestModule: Math.max(0, ...moduleText) };
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
    const fr = await firstScreen(server.url, server.sent, 'fr-CA', modules);
    const en = await firstScreen(server.url, server.sent, 'en-CA', modules);
    const lh = await lighthouseScores(server.url);
    const parts = (s: typeof fr) => `HTML ${kb(s.html)} + JS ${kb(s.js)} + CSS ${kb(s.css)} + core text ${kb(s.content)} + UI strings ${kb(s.strings)}${s.other ? ` + other ${kb(s.other)}` : ''}`;
    return [
      { name: 'first screen transfer, French (gzip)', value: kb(fr.total), unit: 'KB', note: `${parts(fr)}; aim ≤ 80` },
      { name: 'first screen transfer, English (gzip)', value: kb(en.total), unit: 'KB', note: parts(en) },
      { name: 'module text after the first screen, French', value: kb(fr.moduleText), unit: 'KB', note: `${modules.length} module part(s) fetched in the background; largest ${kb(fr.largestModule)} (a learner resuming there waits for it)` },
      { name: 'Lighthouse mobile performance', value: lh.perf, unit: '/100', note: `median of ${RUNS}: ${lh.perfAll.join(', ')}; worst LCP ${Math.round(lh.lcp)} ms, TBT ${Math.round(lh.tbt)} ms; aim ≥ 95` },
      { name: 'Lighthouse mobile accessibility', value: lh.a11y, unit: '/100', note: `runs: ${lh.a11yAll.join(', ')}; aim 100` },
    ];
  } finally {
    await server.close();
  }
}
