/**
 * Author preview only (`apply: 'serve'`): lets the dev server's own inline styles through
 * the page's Content-Security-Policy. Vite injects stylesheets as <style> elements in dev,
 * and its error overlay styles itself the same way; under the learner CSP (no inline style)
 * the preview would show the course unstyled and the error overlay unreadable. The built
 * package keeps its strict policy: this plugin never runs in `vite build`.
 */
import type { Plugin } from 'vite';

export function devCspPlugin(): Plugin {
  return {
    name: 'author-preview-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i, (_m, a: string, policy: string, z: string) =>
        /style-src/.test(policy) ? `${a}${policy.replace(/style-src([^;]*)/, "style-src$1 'unsafe-inline'")}${z}` : `${a}${policy.replace(/;?\s*$/, '')}; style-src 'self' 'unsafe-inline'${z}`,
      );
    },
  };
}
