/**
 * The course plugin: the build refuses a broken course with every error as file:line:col;
 * the dev server reports the error with its file and line (Vite shows it as an overlay);
 * and the learner bundle carries no YAML parser and no schema validator.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { build, createServer } from 'vite';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SAMPLE = resolve('test/fixtures/sample-course');
const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

function brokenCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'course-'));
  tmp.push(dir);
  cpSync(SAMPLE, dir, { recursive: true });
  const p = join(dir, 'scenarios/birthday-envelope.yaml');
  const text = readFileSync(p, 'utf8').replace('clauses: [B2a, B4, A8]', 'clauses: [B2a, B44, A8]');
  writeFileSync(p, text);
  const pm = join(dir, 'modules/sample-gifts-and-minors.yaml');
  const mod = readFileSync(pm, 'utf8').replace('minutes: 15', 'minutes: fifteen');
  writeFileSync(pm, mod);
  const line = (t: string, s: string) => t.slice(0, t.indexOf(s)).split('\n').length;
  return { dir, minutes: line(mod, 'minutes: fifteen'), b44: line(text, 'B44') };
}

// The plugin reads COURSE_ROOT when the config is loaded.
const config = (_root: string, outDir: string) => ({
  configFile: resolve('vite.config.ts'),
  root: resolve('.'),
  logLevel: 'silent' as const,
  build: { outDir, emptyOutDir: true },
});

describe('course plugin', () => {
  it('fails `vite build` on a broken course, listing every error with file:line:col', async () => {
    const { dir, minutes, b44 } = brokenCopy();
    process.env.COURSE_ROOT = dir;
    try {
      await expect(build(config(dir, join(dir, 'out')))).rejects.toThrow(
        new RegExp(`modules/sample-gifts-and-minors\\.yaml:${minutes}:\\d+  minutes should be a number[\\s\\S]*scenarios/birthday-envelope\\.yaml:${b44}:\\d+  unknown clause id "B44"`),
      );
    } finally {
      delete process.env.COURSE_ROOT;
    }
  });

  it('reports the error with file and line in the dev server', async () => {
    const { dir, minutes } = brokenCopy();
    process.env.COURSE_ROOT = dir;
    const server = await createServer({ configFile: resolve('vite.config.ts'), root: resolve('.'), logLevel: 'silent', server: { middlewareMode: true, hmr: false } });
    try {
      const err = await server.ssrLoadModule('virtual:course').then(() => null, (e: unknown) => e as { message: string; loc?: { file: string; line: number } });
      expect(err).not.toBeNull();
      // The overlay points at the first error and lists them all.
      expect(err!.loc?.file).toBe(join(dir, 'modules/sample-gifts-and-minors.yaml'));
      expect(err!.loc?.line).toBe(minutes);
      expect(err!.message).toMatch(/minutes should be a number/);
      expect(err!.message).toMatch(/unknown clause id "B44"/);
    } finally {
      await server.close();
      delete process.env.COURSE_ROOT;
    }
  });

  it('keeps the YAML parser and the schema validator out of the learner bundle', async () => {
    const out = mkdtempSync(join(tmpdir(), 'web-'));
    tmp.push(out);
    process.env.COURSE_ROOT = SAMPLE;
    try {
      await build(config(SAMPLE, out));
    } finally {
      delete process.env.COURSE_ROOT;
    }
    const js = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(out, 'assets', f), 'utf8')).join('\n');
    expect(js.length).toBeGreaterThan(1000);
    // Strings that only the yaml and zod packages contain.
    for (const marker of ['Implicit keys need to be on a single line', 'YAMLParseError', '$ZodType', 'ZodError']) expect(js).not.toContain(marker);
    // And no eval-like constructs anywhere in the bundle.
    expect(js).not.toMatch(/\beval\(|new Function\(/);
  });
});
