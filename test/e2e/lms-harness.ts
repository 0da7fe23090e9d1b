/**
 * A local LMS for the browser tests: the real packages (built from dist/web by the packager
 * and unzipped), served next to scorm-again's own ESM build and the preview's LMS host
 * (src/preview/lms-host.ts, loaded as plain JavaScript). The host page holds the API; the
 * course runs in its frame, exactly as in an LMS.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { packageCourse, type Built } from '../../src/build/package.ts';
import { passingScore } from '../../src/build/package-manifest.ts';
import type { CourseDefinition, ContentStrings } from '../../src/engine/definition.ts';
import { serveStatic, type StaticServer } from './browser.ts';

export type Version = '1.2' | '2004';

const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>LMS</title></head>
<body>
<iframe id="course" title="Course" style="width:1024px;height:900px;border:0"></iframe>
<script type="module">
  import { Scorm12API } from '/lms/esm/scorm12.min.js';
  import { Scorm2004API } from '/lms/esm/scorm2004.min.js';
  import { LmsHost } from '/host/lms-host.js';
  window.LmsHost = LmsHost;
  window.classes = { Scorm12API, Scorm2004API };
  window.ready = true;
</script>
</body></html>`;

export interface Harness {
  server: StaticServer;
  packages: Built[];
  /** URL of an unpacked package's launch file. */
  launchUrl(version: Version | null, track: string | null): string;
  close(): Promise<void>;
}

/** Packages dist/web, unpacks every zip and serves them with the LMS host page. */
export async function startHarness(def: CourseDefinition, content: Record<string, ContentStrings>): Promise<Harness> {
  const tmp = mkdtempSync(join(tmpdir(), 'lms-e2e-'));
  const packages = packageCourse({ def, content, webDir: resolve('dist/web'), outDir: join(tmp, 'zips') });
  const mounts: Record<string, string> = { '/lms/': resolve('node_modules/scorm-again/dist') };
  for (const p of packages) {
    const dir = join(tmp, 'unzipped', p.file);
    for (const [name, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(join(tmp, 'zips', p.file)))))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    mounts[`/p/${p.file}/`] = dir;
  }
  const site = join(tmp, 'site');
  mkdirSync(join(site, 'host'), { recursive: true });
  writeFileSync(join(site, 'index.html'), HOST_PAGE);
  const source = readFileSync(resolve('src/preview/lms-host.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  writeFileSync(join(site, 'host', 'lms-host.js'), js);
  const server = await serveStatic(site, { mounts });
  return {
    server,
    packages,
    launchUrl(version, track) {
      const p = packages.find((b) => b.version === version && b.track === track);
      if (!p) throw new Error(`no package for ${version} ${track}`);
      return `/p/${p.file}/index.html`;
    },
    async close() {
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export interface LmsSession {
  context: BrowserContext;
  page: Page;
  frame: FrameLocator;
  /**
   * Launches the course (a fresh API loaded with what the LMS kept, then the frame).
   * `failInitialize`: the API answers "false" to Initialize, as an LMS that does not open.
   */
  launch(opts?: { failInitialize?: boolean }): Promise<void>;
  /** Closes the course window's content: its page-hide sends the final commit. */
  closeCourse(): Promise<void>;
  cmi(): Promise<Record<string, any>>;
  stored(): Promise<Record<string, any> | null>;
  errors(): Promise<{ fn: string; element?: string; error: string }[]>;
  commits(): Promise<{ ok: boolean; terminate: boolean }[]>;
  setFailing(on: boolean): Promise<void>;
  /** Every API function throws from now on, as when the LMS frame is gone. */
  vanish(): Promise<void>;
  /** What the course keeps in this browser (localStorage of the LMS origin). */
  storage(): Promise<Record<string, string>>;
}

export interface LmsOptions {
  version: Version;
  track?: string | null;
  language?: string;
  name?: string;
  /** The LMS's id for the learner (each learner has their own records). */
  learner?: string;
  /** Another window of the same browser, e.g. a second launch next to a first one. */
  context?: BrowserContext;
}

/** A learner's browser with the LMS page open on one package. */
export async function openLms(browser: Browser, harness: Harness, def: CourseDefinition, opts: LmsOptions): Promise<LmsSession> {
  const context = opts.context ?? (await browser.newContext());
  const page = await context.newPage();
  await page.goto(harness.server.url);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  const track = opts.track ?? null;
  const url = harness.launchUrl(opts.version, track);
  await page.evaluate(
    ({ version, key, learner, pass }) => {
      const w = window as unknown as Record<string, any>;
      w.host = new w.LmsHost({ version, classes: w.classes, win: window, storage: localStorage, key, learner, passingScore: pass });
    },
    { version: opts.version, key: `lms:${opts.version}:${track ?? 'all'}${opts.learner ? `:${opts.learner}` : ''}`, learner: { id: opts.learner ?? 'learner-7', name: opts.name ?? 'Doe, Jane', language: opts.language ?? 'en-CA' }, pass: passingScore(def, track) },
  );
  // Runs `fn` on the page's LMS host (the function is sent as source: it sees no test variables).
  const host = <T>(fn: (h: any) => T): Promise<Awaited<T>> =>
    page.evaluate((src) => new Function('h', `return (${src})(h)`)((window as unknown as { host: unknown }).host), fn.toString()) as Promise<Awaited<T>>;
  return {
    context,
    page,
    frame: page.frameLocator('#course'),
    async launch(o = {}) {
      await page.evaluate(({ src, fail }) => {
        const w = window as unknown as Record<string, any>;
        const api = w.host.open();
        if (fail) api.LMSInitialize = api.Initialize = () => 'false';
        (document.getElementById('course') as HTMLIFrameElement).src = src;
      }, { src: url, fail: !!o.failInitialize });
      await page.frameLocator('#course').locator('h1').first().waitFor();
    },
    async closeCourse() {
      await page.evaluate(
        () =>
          new Promise<void>((done) => {
            const frame = document.getElementById('course') as HTMLIFrameElement;
            frame.addEventListener('load', () => done(), { once: true });
            frame.src = 'about:blank';
          }),
      );
      await host((h) => h.close());
    },
    cmi: () => host((h) => h.cmi()),
    stored: () => host((h) => h.stored()),
    errors: () => host((h) => h.errors.map((e: any) => ({ fn: e.fn, element: e.element, error: e.error }))),
    commits: () => host((h) => [...h.commits]),
    setFailing: (on) => page.evaluate((v) => void ((window as unknown as Record<string, any>).host.failCommits = v), on),
    vanish: () =>
      host((h) => {
        for (const fn of Object.keys(h.api)) if (typeof h.api[fn] === 'function' && /^(LMS|Initialize|Terminate|GetValue|SetValue|Commit|GetLast|GetError|GetDiag)/.test(fn)) h.api[fn] = () => { throw new Error('the LMS is gone'); };
      }),
    storage: () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)!]))),
  };
}
