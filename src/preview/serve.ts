/**
 * `npm start`: the dev server, opening the local LMS page (src/preview/index.html) that hosts
 * the course over scorm-again. `/built/` serves the last build (dist/web) as it ships, for
 * trying the packaged course in the same LMS. Nothing to install: Vite is the server.
 */
import { createServer, type Plugin } from 'vite';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

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

const server = await createServer({ plugins: [builtCourse()], server: { open: process.env.CI ? false : '/src/preview/index.html' } });
await server.listen();
server.printUrls();
console.log(`  Local LMS: ${server.resolvedUrls?.local[0] ?? 'http://localhost:5173/'}src/preview/index.html`);
