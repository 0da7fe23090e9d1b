/**
 * The preview's cmi5 mode (`npm start`, then /cmi5/): a small LMS launcher against the local
 * LRS (src/preview/lrs, in memory, started with the dev server). It creates a registration,
 * serves the fetch URL, launches the built course (dist/web, with the cmi5 package's meta
 * tags and policy) in a frame, and lists the statements the LRS stores as they arrive.
 */
import type { Plugin } from 'vite';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { CMI5_CSP, withMeta } from '../build/package.ts';
import { auIri, moveOnFor } from '../build/package-cmi5.ts';
import { passingScore } from '../build/package-manifest.ts';
import type { CourseDefinition } from '../engine/definition.ts';
import { startLrs, type Lrs } from './lrs/lrs.ts';
import { launchCmi5 } from './lrs/cmi5-launcher.ts';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
const BUILT = resolve('dist/web');

const PAGE = (tracks: { id: string; title: string }[]) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>cmi5 launcher</title>
<style>body{font:15px system-ui;margin:0;display:grid;grid-template-columns:1fr 28rem;height:100vh}
iframe{width:100%;height:100%;border:0}aside{overflow:auto;border-left:1px solid #999;padding:.5rem}
ol{padding-left:1.5rem}li{margin:.2rem 0}code{font-size:12px}</style></head>
<body><main><iframe id="au" title="Course"></iframe></main>
<aside><h1>cmi5 launcher</h1>
<label>Package <select id="track"><option value="">Learner chooses</option>${tracks.map((t) => `<option value="${t.id}">${t.title}</option>`).join('')}</select></label>
<label>Language preference <select id="lang"><option value="">none</option><option>fr-CA</option><option>en-CA</option></select></label>
<p><button id="launch">Launch (same registration)</button> <button id="fresh">New registration</button> <button id="close">Close the course</button></p>
<p><label><input type="checkbox" id="down"> LRS down</label></p>
<h2>Statements stored (<span id="count">0</span>)</h2><ol id="list"></ol></aside>
<script type="module">
const $ = (id) => document.getElementById(id);
let fresh = false;
async function launch() {
  const r = await fetch('/cmi5/launch', { method: 'POST', body: JSON.stringify({ track: $('track').value || null, lang: $('lang').value, fresh }) });
  fresh = false;
  $('au').src = (await r.json()).url;
}
$('launch').onclick = launch;
$('fresh').onclick = () => { fresh = true; launch(); };
$('close').onclick = () => { $('au').src = 'about:blank'; };
$('down').onchange = () => fetch('/cmi5/down', { method: 'POST', body: String($('down').checked) });
setInterval(async () => {
  const list = await (await fetch('/cmi5/statements')).json();
  $('count').textContent = list.length;
  $('list').replaceChildren(...list.map((s) => { const li = document.createElement('li'); li.innerHTML = '<b></b> <code></code>'; li.firstChild.textContent = s.verb.id.split('/').pop(); li.lastChild.textContent = s.object.id + (s.result?.response !== undefined ? ' → ' + s.result.response : '') + (s.result?.success !== undefined ? (s.result.success ? ' ✓' : ' ✗') : '') + (s.result?.score ? ' ' + s.result.score.raw : ''); return li; }));
}, 1000);
</script></body></html>`;

/** The cmi5 launcher and the local LRS, as a plugin of the preview's dev server. */
export function cmi5Preview(def: CourseDefinition, trackTitles: { id: string; title: string }[]): Plugin {
  let lrs: Lrs | null = null;
  const registrations = new Map<string, string>();
  return {
    name: 'preview-cmi5',
    async configureServer(server) {
      lrs = await startLrs();
      server.httpServer?.once('close', () => void lrs?.close());
      server.middlewares.use('/cmi5', async (req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        const body = async () => {
          let b = '';
          for await (const c of req) b += c;
          return b;
        };
        if (path === '/' || path === '') {
          res.setHeader('content-type', TYPES['.html']);
          return res.end(PAGE(trackTitles));
        }
        if (path === '/statements') {
          res.setHeader('content-type', TYPES['.json']);
          return res.end(JSON.stringify(lrs!.statements));
        }
        if (path === '/down' && req.method === 'POST') {
          lrs!.down = (await body()) === 'true';
          return res.end();
        }
        if (path === '/launch' && req.method === 'POST') {
          const o = JSON.parse(await body()) as { track: string | null; lang: string; fresh: boolean };
          const key = o.track ?? '';
          if (o.fresh) registrations.delete(key);
          const { moveOn, masteryScore } = moveOnFor(passingScore(def, o.track));
          const origin = `http://${req.headers.host}`;
          const l = launchCmi5(lrs!, { auUrl: `${origin}/cmi5-au/${key || 'all'}/index.html`, auId: auIri(def.id, o.track), registration: registrations.get(key), moveOn, masteryScore: masteryScore === null ? null : Number(masteryScore), languagePreference: o.lang || undefined });
          registrations.set(key, l.registration);
          res.setHeader('content-type', TYPES['.json']);
          return res.end(JSON.stringify({ url: l.url }));
        }
        next();
      });
      // The built course as the cmi5 package ships it (one folder per track setting).
      server.middlewares.use('/cmi5-au', async (req, res, next) => {
        const [, setting, ...rest] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
        try {
          const file = normalize(join(BUILT, decodeURIComponent(rest.join('/') || 'index.html')));
          if (!file.startsWith(BUILT) || (await stat(file)).isDirectory()) return next();
          res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
          if (!file.endsWith('index.html')) return res.end(await readFile(file));
          const meta: Record<string, string> = { 'course-cmi5': '1' };
          if (setting !== 'all') meta['course-track'] = setting;
          const html = withMeta(await readFile(file, 'utf8'), meta).replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*"/, `$1${CMI5_CSP}"`);
          res.end(html);
        } catch {
          res.statusCode = 404;
          res.end('Not built yet: run `npm run build` (or `npm run package`).');
        }
      });
    },
  };
}
