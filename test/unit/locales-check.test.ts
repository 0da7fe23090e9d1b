/**
 * Interface strings checked like content: each case writes a small locales/ + src/ tree and
 * asserts the problem is reported at the right file, line and column.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkLocales } from '../../src/authoring/locales.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'locales-'));
  dirs.push(root);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

const EN = '{\n  "next": "Continue",\n  "check": { "correct": "Correct", "count_one": "{{count}} item", "count_other": "{{count}} items" }\n}\n';
const FR = '{\n  "next": "Continuer",\n  "check": { "correct": "Exact", "count_one": "{{count}} élément", "count_many": "{{count}} d\'éléments", "count_other": "{{count}} éléments" }\n}\n';
const CODE = "export const f = (t: (k: string) => string, ok: boolean) => [t('next'), t(ok ? 'check.correct' : 'check.correct'), t('check.count')];\n";

describe('checkLocales', () => {
  it('accepts matching bundles (plural forms differ by language) and keys the code uses', () => {
    expect(checkLocales(tree({ 'locales/en/ui.json': EN, 'locales/fr/ui.json': FR, 'src/a.ts': CODE }))).toEqual([]);
  });

  it('reports a JSON syntax error with file, line and column', () => {
    const broken = '{\n  "next": "Continue",\n  "back": "Back"\n  "skip": "Skip"\n}\n';
    const [d, ...rest] = checkLocales(tree({ 'locales/en/ui.json': broken, 'locales/fr/ui.json': FR }));
    expect(rest.filter((r) => r.file === 'locales/en/ui.json')).toEqual([]);
    expect(d).toMatchObject({ file: 'locales/en/ui.json', line: 4, severity: 'error' });
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeLessThanOrEqual(3);
    expect(d.message).toMatch(/^JSON: /);
  });

  it('reports a key present in one language and missing in the other, where it is', () => {
    const en = EN.replace('"next": "Continue",', '"next": "Continue",\n  "extra": "Only in English",');
    const ds = checkLocales(tree({ 'locales/en/ui.json': en, 'locales/fr/ui.json': FR }));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ file: 'locales/en/ui.json', line: 3, severity: 'error' });
    expect(ds[0].message).toMatch(/"extra" is in en but missing from locales\/fr\/ui\.json/);
  });

  it('reports an empty text', () => {
    const fr = FR.replace('"Exact"', '"  "');
    const ds = checkLocales(tree({ 'locales/en/ui.json': EN, 'locales/fr/ui.json': fr }));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ file: 'locales/fr/ui.json', line: 3 });
    expect(ds[0].message).toMatch(/"check.correct" is empty/);
  });

  it('reports a key the code uses that no language has, at the call', () => {
    const code = "const x = 1;\nexport const g = (t: (k: string) => string) => t('check.missing');\n";
    const ds = checkLocales(tree({ 'locales/en/ui.json': EN, 'locales/fr/ui.json': FR, 'src/ui/b.ts': code }));
    expect(ds).toHaveLength(2);
    expect(ds.map((d) => d.message)).toEqual([
      'interface string "check.missing" is used here but missing from locales/en/ui.json',
      'interface string "check.missing" is used here but missing from locales/fr/ui.json',
    ]);
    expect(ds[0]).toMatchObject({ file: 'src/ui/b.ts', line: 2, col: 50 });
  });

  it('checks a dynamic key family (`prefix.${x}`) by its prefix', () => {
    const code = 'export const h = (t: (k: string) => string, k: string) => t(`notice.${k}`);\n';
    const ds = checkLocales(tree({ 'locales/en/ui.json': EN, 'locales/fr/ui.json': FR, 'src/c.ts': code }));
    expect(ds).toHaveLength(2);
    expect(ds[0].message).toMatch(/no interface string starts with "notice\."/);
  });

  it('passes on the shipped interface strings', () => {
    expect(checkLocales('.')).toEqual([]);
  });
});
