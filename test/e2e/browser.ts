/**
 * Browser-test plumbing: Debian's Chromium driven by playwright-core, and a tiny static
 * server on 127.0.0.1 (no network beyond loopback). Shared by every e2e test.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` (and optional extra mounts, e.g. { '/lms/': 'node_modules/scorm-again/dist' })
 * on a free loopback port. `headers` are added to every response (e.g. a CSP).
 */
export async function serveStatic(dir: string, opts: { mounts?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let base = root;
      let rel = path;
      for (const [prefix, target] of Object.entries(opts.mounts ?? {})) {
        if (path.startsWith(prefix)) {
          base = resolve(target);
          rel = path.slice(prefix.length - 1);
        }
      }
      let file = normalize(join(base, rel));
      if (!file.startsWith(base)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...opts.headers });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * One Chromium and one page server for a whole test file: started before its tests, closed
 * after them. `start` makes the server (a static server, or an LMS harness).
 */
export function useBrowser<S extends { close(): Promise<void> }>(start: () => Promise<S>): { browser: Browser; server: S } {
  const env = {} as { browser: Browser; server: S };
  beforeAll(async () => {
    env.server = await start();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
