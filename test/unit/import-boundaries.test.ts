/**
 * Layer boundaries, read from the source's import statements (a small scan, no bundler):
 * each rule names the files that break it, so a failure says where to look.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

interface Edge {
  from: string;
  to: string;
  /** `import type …` / `export type … from`: erased at build, still a dependency of the design. */
  typeOnly: boolean;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(name) ? [p] : [];
  });
}

// `import x from '…'`, `import type { … } from '…'`, `export { … } from '…'`, `import '…'`, `import('…')`.
const STATIC = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function edgesOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const out: Edge[] = [];
  const add = (spec: string, typeOnly: boolean) => {
    if (!spec.startsWith('.')) return;
    out.push({ from: relative(ROOT, file), to: relative(ROOT, resolve(dirname(file), spec)), typeOnly });
  };
  for (const m of text.matchAll(STATIC)) add(m[3], !!m[2]);
  for (const m of text.matchAll(DYNAMIC)) add(m[1], false);
  return out;
}

const edges = files(SRC).flatMap(edgesOf);
const inLayer = (path: string, layer: string) => path.startsWith(`src/${layer}/`);
const show = (es: Edge[]) => es.map((e) => `${e.from} → ${e.to}`);

describe('import boundaries', () => {
  test('the scan sees the imports it checks (a scan that found nothing would pass every rule)', () => {
    expect(edges.some((e) => e.from === 'src/main.ts' && e.to === 'src/app/start.ts')).toBe(true);
    expect(edges.some((e) => inLayer(e.from, 'ui') && inLayer(e.to, 'app') && e.typeOnly)).toBe(true);
    expect(edges.some((e) => inLayer(e.from, 'lms') && inLayer(e.to, 'engine'))).toBe(true);
  });

  test('src/lms does not import src/i18n', () => {
    expect(show(edges.filter((e) => inLayer(e.from, 'lms') && inLayer(e.to, 'i18n')))).toEqual([]);
  });

  test('src/lms never builds a course session or machine (the app replays journeys and tells the adapter)', () => {
    const engineRuntime = ['src/engine/session.ts', 'src/engine/machine.ts', 'src/engine/replay.ts'];
    expect(show(edges.filter((e) => inLayer(e.from, 'lms') && !e.typeOnly && engineRuntime.includes(e.to)))).toEqual([]);
  });

  test('no import cycle between src/ui and src/app: the app never imports the interface, types included', () => {
    expect(show(edges.filter((e) => inLayer(e.from, 'app') && inLayer(e.to, 'ui')))).toEqual([]);
  });

  test('the learner entry reaches no trainer preview or tool code, statically or dynamically', () => {
    const next = new Map<string, string[]>();
    for (const e of edges.filter((x) => !x.typeOnly)) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const seen = new Set<string>();
    const stack = ['src/main.ts'];
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      stack.push(...(next.get(f) ?? []));
    }
    expect(seen.has('src/app/start.ts')).toBe(true);
    expect([...seen].filter((f) => inLayer(f, 'tools') || inLayer(f, 'authoring') || inLayer(f, 'cli') || inLayer(f, 'build'))).toEqual([]);
  });
});
