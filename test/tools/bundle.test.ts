/**
 * The author tools never reach learners: the learner build carries no graph layout (dagre),
 * no graph walk (xstate/graph), no preview bar, map page or translation code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SAMPLE } from './helpers.ts';

const out = mkdtempSync(join(tmpdir(), 'learner-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('learner bundle', () => {
  it('contains none of the author tools', async () => {
    process.env.COURSE_ROOT = SAMPLE;
    try {
      await build({ configFile: resolve('vite.config.ts'), root: resolve('.'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    } finally {
      delete process.env.COURSE_ROOT;
    }
    const files = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
    const js = files.map((f) => readFileSync(join(out, 'assets', f), 'utf8')).join('\n');
    expect(js).toContain('course.start'); // the engine is there…
    const markers = {
      dagre: ['_isMultigraph', 'network-simplex', 'ranksep'],
      'xstate/graph': ['Traversal limit exceeded', 'getShortestPaths'],
      'preview bar, links and errors': ['author-preview-bar', 'Preview link:', 'link to this screen', '__author-preview', 'author-preview-errors'],
      'map page': ['Scenario map:', 'Click a node or an option'],
      'transcripts and translation': ['transcript', 'source-hash', 'canResegment'],
    };
    for (const [what, list] of Object.entries(markers)) for (const m of list) expect(js.includes(m), `${what}: "${m}" in the learner bundle`).toBe(false);
    expect(files.some((f) => /deep-link|map-page|dagre/.test(f))).toBe(false);
    // The dev-only Content-Security-Policy relaxation does not apply to the build either.
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).not.toContain('unsafe-inline');
    expect(html).not.toContain('dev-errors');
  });
});
