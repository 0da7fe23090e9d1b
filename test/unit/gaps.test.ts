/**
 * Interim rules as data: `gap:` ids must exist, a text that teaches a gap's interim rule
 * (uses one of its tokens or phrases) must carry `gap:`, and the field reaches the compiled
 * definition. Each case breaks a copy of the sample course in one way.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCourse } from '../../src/authoring/load.ts';
import { gapMatch } from '../../src/authoring/validate-gaps.ts';

const SAMPLE = 'test/fixtures/sample-course';
const MOD = 'modules/sample-gifts-and-minors.yaml';
const SC = 'scenarios/birthday-envelope.yaml';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyWith(file: string, find: string, replace: string) {
  const dir = mkdtempSync(join(tmpdir(), 'gaps-'));
  dirs.push(dir);
  cpSync(SAMPLE, dir, { recursive: true });
  const p = join(dir, file);
  const src = readFileSync(p, 'utf8');
  expect(src).toContain(find);
  writeFileSync(p, src.replace(find, replace));
  return dir;
}
const lineOf = (dir: string, file: string, text: string) => {
  const s = readFileSync(join(dir, file), 'utf8');
  return s.slice(0, s.indexOf(text)).split('\n').length;
};

describe('gap: field', () => {
  it('compiles onto the page, the option and the course notes', () => {
    const { compiled } = buildCourse(SAMPLE);
    const def = compiled!.definition;
    const page = def.modules[0].steps.find((s) => s.kind === 'page' && s.id === 'token-test');
    expect(page && 'gaps' in page ? page.gaps : null).toEqual(['GAP-02']);
    const jam = def.scenarios['birthday-envelope'].nodes.jam;
    expect(jam.kind === 'decision' && jam.options.find((o) => o.id === 'accept-log')!.gaps).toEqual(['GAP-02']);
    expect(jam.kind === 'decision' && jam.options.find((o) => o.id === 'refuse-firmly')!.gaps).toBeUndefined();
    expect(compiled!.content.en.text[def.gaps!['GAP-02']]).toBeDefined();
  });

  it('rejects an unknown gap id with file:line', () => {
    const dir = copyWith(MOD, 'gap: GAP-02', 'gap: GAP-99');
    const r = buildCourse(dir);
    const hit = r.diagnostics.find((d) => /unknown gap "GAP-99"/.test(d.message));
    expect(hit?.severity).toBe('error');
    expect(hit?.file).toBe(MOD);
    expect(hit?.line).toBe(lineOf(dir, MOD, 'gap: GAP-99'));
    expect(r.compiled).toBeNull();
  });

  it('fails a page that teaches an interim rule without naming its gap, at the line of the token', () => {
    const dir = copyWith(MOD, '      gap: GAP-02\n', '');
    const r = buildCourse(dir);
    const hit = r.diagnostics.find((d) => /teaches an interim rule \(GAP-02/.test(d.message));
    expect(hit, r.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
    expect(hit!.severity).toBe('error');
    expect(hit!.file).toBe(MOD);
    expect(hit!.line).toBe(lineOf(dir, MOD, '(moins de {{GIFT_THRESHOLD}})'));
    expect(hit!.message).toContain('{{GIFT_THRESHOLD}}');
    expect(hit!.hint).toMatch(/add "gap: GAP-02"/);
  });

  it('fails a scenario option that teaches an interim rule without naming its gap', () => {
    const dir = copyWith(SC, '        gap: GAP-02\n', '');
    const hit = buildCourse(dir).diagnostics.find((d) => /this option teaches an interim rule \(GAP-02/.test(d.message));
    expect(hit?.file).toBe(SC);
    expect(hit?.line).toBe(lineOf(dir, SC, "l'inscrire dans {{GIFT_LOG_RULE}}"));
  });

  it("accepts the gap on the decision for all its options, and does not check decision prompts (they only describe)", () => {
    let dir = copyWith(SC, '        gap: GAP-02\n', '');
    const p = join(dir, SC);
    writeFileSync(p, readFileSync(p, 'utf8').replace('  - id: jam\n    type: decision\n', '  - id: jam\n    type: decision\n    gap: GAP-02\n'));
    expect(readFileSync(p, 'utf8')).toContain('    gap: GAP-02\n');
    expect(buildCourse(dir).diagnostics.filter((d) => /interim rule/.test(d.message))).toEqual([]);
    dir = copyWith(SC, 'What do you do?"', 'It is worth less than {{GIFT_THRESHOLD}}. What do you do?"');
    expect(buildCourse(dir).diagnostics.filter((d) => /interim rule/.test(d.message))).toEqual([]);
  });

  it('matches tokens and phrases case-insensitively, with either apostrophe', () => {
    const gap = { title: { fr: '', en: '' }, note: { fr: '', en: '' }, detect: { tokens: ['SMOKING_RULE'], fr: ["l'âge de la majorité"], en: ['Vaping'] } };
    expect(gapMatch(gap, 'en', 'Follow {{ SMOKING_RULE }}.')?.what).toBe('{{SMOKING_RULE}}');
    expect(gapMatch(gap, 'en', 'No VAPING on the balcony')).toEqual({ what: '“Vaping”', offset: 3 });
    expect(gapMatch(gap, 'fr', 'Avant L’âge de la majorité')?.offset).toBe(6);
    expect(gapMatch(gap, 'fr', 'Vaping')).toBeNull();
    expect(gapMatch(gap, 'en', 'Nothing here')).toBeNull();
  });
});
