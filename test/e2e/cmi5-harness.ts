/**
 * A cmi5 LMS for the browser tests: the built cmi5 packages (packaged from dist/web and
 * unzipped), served on 127.0.0.1, and the local LRS (src/preview/lrs) started here, in
 * memory. A launch is prepared as an LMS does (registration, LMS.LaunchData, fetch URL)
 * and opened as the AU's own window.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { packageCourse, type Built } from '../../src/build/package.ts';
import { auIri, moveOnFor } from '../../src/build/package-cmi5.ts';
import { passingScore } from '../../src/build/package-manifest.ts';
import type { CourseDefinition, ContentStrings } from '../../src/engine/definition.ts';
import { CMI5_PENDING_PREFIX } from '../../src/lms/cmi5/outbox.ts';
import { STATE_ID } from '../../src/lms/cmi5/cmi5-adapter.ts';
import { startLrs, type Lrs } from '../../src/preview/lrs/lrs.ts';
import { DEFAULT_ACTOR, launchCmi5, type Cmi5Launch } from '../../src/preview/lrs/cmi5-launcher.ts';
import { serveStatic, type StaticServer } from './browser.ts';

export interface Cmi5Harness {
  server: StaticServer;
  lrs: Lrs;
  packages: Built[];
  close(): Promise<void>;
}

export async function startCmi5Harness(def: CourseDefinition, content: Record<string, ContentStrings>): Promise<Cmi5Harness> {
  const tmp = mkdtempSync(join(tmpdir(), 'cmi5-e2e-'));
  const packages = packageCourse({ def, content, webDir: resolve('dist/web'), outDir: join(tmp, 'zips') }).filter((p) => p.kind === 'cmi5');
  const mounts: Record<string, string> = {};
  for (const p of packages) {
    const dir = join(tmp, 'unzipped', p.file);
    for (const [name, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(join(tmp, 'zips', p.file)))))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    mounts[`/p/${p.file}/`] = dir;
  }
  mkdirSync(join(tmp, 'site'));
  writeFileSync(join(tmp, 'site', 'index.html'), '<!doctype html><title>LMS</title>');
  const server = await serveStatic(join(tmp, 'site'), { mounts });
  const lrs = await startLrs();
  return {
    server,
    lrs,
    packages,
    async close() {
      await lrs.close();
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export interface AuWindow {
  context: BrowserContext;
  page: Page;
  frame: FrameLocator;
  launch: Cmi5Launch;
  /** The journey the course saved last: its unconfirmed local copy, else the State resource. */
  journey(): Promise<string | null>;
  /** Closes the tab as a learner does (page-hide runs). */
  closeTab(): Promise<void>;
}

/** Prepares a launch of the package for `track` and opens it in `context` (a new one by default). */
export async function openAu(
  browser: Browser,
  h: Cmi5Harness,
  def: CourseDefinition,
  o: { track: string | null; registration?: string; languagePreference?: string; context?: BrowserContext },
): Promise<AuWindow> {
  const p = h.packages.find((b) => b.track === o.track)!;
  const auId = auIri(def.id, o.track);
  const pass = passingScore(def, o.track);
  const { moveOn, masteryScore } = moveOnFor(pass);
  const launch = launchCmi5(h.lrs, {
    auUrl: new URL(`/p/${p.file}/index.html`, h.server.url).href,
    auId,
    registration: o.registration,
    moveOn,
    masteryScore: masteryScore === null ? null : Number(masteryScore),
    languagePreference: o.languagePreference,
  });
  const context = o.context ?? (await browser.newContext());
  const page = await context.newPage();
  await page.goto(launch.url);
  await page.locator('h1').first().waitFor();
  const main = page.mainFrame();
  const frame = { getByRole: main.getByRole.bind(main), locator: main.locator.bind(main) } as unknown as FrameLocator;
  const key = `${CMI5_PENDING_PREFIX}${def.id}:${DEFAULT_ACTOR.account.homePage}|${DEFAULT_ACTOR.account.name}:${launch.registration}`;
  return {
    context,
    page,
    frame,
    launch,
    async journey() {
      const local = await page.evaluate((k) => localStorage.getItem(k), key).catch(() => null);
      const pending = local ? (JSON.parse(local) as { journey: string | null }).journey : null;
      if (pending) return pending;
      return (h.lrs.getState(launch.activityId, launch.actor, launch.registration, STATE_ID) as { journey: string | null } | null)?.journey ?? null;
    },
    async closeTab() {
      await page.close({ runBeforeUnload: true });
    },
  };
}
