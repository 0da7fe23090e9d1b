/**
 * `npm start`: the dev server, opening the local LMS page (src/preview/index.html) that hosts
 * the course over scorm-again. `/built/` serves the last build (dist/web) as it ships, for
 * trying the packaged course in the same LMS; `/cmi5/` launches that build as a cmi5 AU
 * against a local in-memory LRS (cmi5-preview.ts). Nothing to install: Vite is the server.
 */
import { createServer, type Plugin } from 'vite';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { buildCourse } from '../authoring/load.ts';
import { ContentText } from '../app/content-text.ts';
import { cmi5Preview } from './cmi5-preview.ts';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
const BUILT = resolve('dist/web');

/** Serves dist/web under /built/, untouched by Vite's transforms. */
function builtCourse(): Plugin {
  return {
    name: 'preview-built-course',
    configureServer(server) {
      server.middlewares.use('/built', async (req, res, next) => {
        try {
          let file = normalize(join(BUILT, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
          if (!file.startsWith(BUILT)) return next();
          if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
          res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
          res.end(await readFile(file));
        } catch {
          res.statusCode = 404;
          res.end('Not built yet: run `npm run build` (or `npm run package`).');
        }
      });
    },
  };
}

const compiled = buildCourse(resolve('.')).compiled;
const plugins = [builtCourse()];
if (compiled) {
  const text = new ContentText(compiled.content.en ?? compiled.content.fr!, null);
  plugins.push(cmi5Preview(compiled.definition, compiled.definition.tracks.map((t) => ({ id: t.id, title: text.plain(t.title) }))));
}
const server = await createServer({ plugins, server: { open: process.env.CI ? false : '/src/preview/index.html' } });
await server.listen();
server.printUrls();
console.log(`  Local LMS: ${server.resolvedUrls?.local[0] ?? 'http://localhost:5173/'}src/preview/index.html`);
if (compiled) console.log(`  cmi5 launcher (local LRS): ${server.resolvedUrls?.local[0] ?? 'http://localhost:5173/'}cmi5/`);
