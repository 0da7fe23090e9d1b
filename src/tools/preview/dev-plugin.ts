/**
 * The author preview's side of the dev server (`apply: 'serve'`: never part of a build).
 *
 * - Lets the dev server's own inline styles through the page's Content-Security-Policy:
 *   Vite injects stylesheets as <style> elements in dev and styles its error overlay the
 *   same way; under the learner policy (no inline style) both would show unstyled.
 * - Plugs the author preview (deep links to any screen, scenario maps, the preview bar) into
 *   start-up with a script of its own (dev-entry.ts): the learner's entry imports none of it.
 * - Serves the course's validation errors at `/__author-preview/errors` and loads a small
 *   script that shows them in the page: Vite's overlay only reaches pages open when the
 *   error happens, not a page opened (or reloaded while another is open) afterwards.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildCourse } from '../../authoring/load.ts';
import { formatDiagnostic } from '../../authoring/diagnostic.ts';

export const ERRORS_URL = '/__author-preview/errors';

export function authorPreviewPlugin(options: { root?: string } = {}): Plugin {
  let root = '';
  return {
    name: 'author-preview',
    apply: 'serve',
    configResolved(config) {
      root = options.root ? resolve(options.root) : config.root;
    },
    configureServer(server) {
      server.middlewares.use(ERRORS_URL, (_req, res) => {
        const errors = buildCourse(root).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ errors }));
      });
    },
    transformIndexHtml(html) {
      const csp = html.replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i, (_m, a: string, policy: string, z: string) =>
        /style-src/.test(policy) ? `${a}${policy.replace(/style-src([^;]*)/, "style-src$1 'unsafe-inline'")}${z}` : `${a}${policy.replace(/;?\s*$/, '')}; style-src 'self' 'unsafe-inline'${z}`,
      );
      return {
        html: csp,
        tags: [
          { tag: 'script', attrs: { type: 'module', src: '/src/tools/preview/dev-errors.ts' }, injectTo: 'head' },
          // Before the course's own script (module scripts run in document order), so that
          // deep links and maps are plugged in when start-up looks (src/app/preview-hook.ts).
          { tag: 'script', attrs: { type: 'module', src: '/src/tools/preview/dev-entry.ts' }, injectTo: 'head-prepend' },
        ],
      };
    },
  };
}
