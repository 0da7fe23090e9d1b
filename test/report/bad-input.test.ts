/**
 * Bad input never crashes the report and is never dropped silently: each case is listed
 * with its file and row, and what could be read still is.
 */
import { describe, expect, it } from 'vitest';
import { exportFile, report } from './helpers.ts';

const real = exportFile('scorm12-interactions.tsv');
const where = (r: ReturnType<typeof report>) => r.problems.map((p) => `${p.file}:${p.line ?? ''} ${p.message.en}`);

describe('bad input', () => {
  it('an empty export', () => {
    const r = report([{ name: 'empty.tsv', text: '' }, { name: 'bom-only.csv', text: '\uFEFF\n' }]);
    expect(r.learners).toEqual([]);
    expect(where(r)).toEqual(['empty.tsv: the file is empty: no learner read.', 'bom-only.csv: the file is empty: no learner read.']);
    expect(r.html).toContain('empty.tsv');
  });

  it('a header with no learner row', () => {
    const r = report([{ name: 'head.tsv', text: real.text.split('\n')[0] + '\n' }]);
    expect(where(r)).toEqual(['head.tsv:1 the export holds no learner row.']);
  });

  it('unknown interaction ids (another content version), with the rows they are on', () => {
    const text = real.text.replace(/scn_smoke-break_dp1/g, 'scn_smoke-break_old-decision');
    const r = report([{ name: 'old.tsv', text }]);
    const msg = where(r).find((m) => m.includes('scn_smoke-break_old-decision'))!;
    expect(msg).toMatch(/^old\.tsv:2 interaction id "scn_smoke-break_old-decision" unknown to the content versions read \(\d/);
    expect(msg).toContain('4 answer(s) not counted, rows 2, 3.');
    // The other answers are still read.
    expect(r.learners.find((l) => l.name === 'Léa Learner')!.answers).toHaveLength(5);
  });

  it('a response that matches no option', () => {
    const text = real.text.replace('chk_k1-1\ta\ta\tcorrect', 'chk_k1-1\tz\ta\tcorrect');
    const r = report([{ name: 'z.tsv', text }]);
    expect(where(r)).toContain('z.tsv:2 Question 0 "chk_k1-1": response "z" matches no option (version 0.1.0).');
  });

  it('partial rows and an answer without its question', () => {
    const lines = real.text.split('\n');
    const cut = lines[1].split('\t').slice(0, 9).join('\t'); // stops inside the first group's Response 0 … keeps Question 0 and Response 0
    const noQuestion = lines[2].replace('chk_k1-1', '');
    const r = report([{ name: 'partial.tsv', text: [lines[0], cut, noQuestion].join('\n') }]);
    const m = where(r);
    expect(m.some((x) => x.startsWith('partial.tsv:2 partial row (9 of 415 cells)'))).toBe(true);
    expect(m).toContain('partial.tsv:3 answer without a question id (group 0): skipped.');
    expect(r.learners.find((l) => l.name === 'Léa Learner')!.answers).toHaveLength(1);
  });

  it('a file from another course', () => {
    const text = real.text.replace('Relations professionnelles avec la clientèle', 'Fire safety basics').replace(/scn_|chk_|asm_/g, 'other_');
    const r = report([{ name: 'other.tsv', text }]);
    expect(r.learners).toEqual([]);
    expect(where(r)).toContain('other.tsv:1 this file comes from another course ("Fire safety basics"): not read.');
  });

  it('a comma-separated export without a byte-order mark reads like the tab-separated one', () => {
    const csv = real.text.replace(/^\uFEFF/, '').split('\n').map((l) => l.split('\t').map((c) => (c.startsWith('"') ? c : c.includes(',') ? `"${c}"` : c)).join(',')).join('\n');
    const a = report([real]);
    const b = report([{ name: 'comma.csv', text: csv }]);
    expect(b.learners.map((l) => [l.name, l.status, l.answers.length])).toEqual(a.learners.map((l) => [l.name, l.status, l.answers.length]));
    expect(b.problems).toEqual([]);
  });

  it('the same learner and attempt in two interaction files: kept once, said so', () => {
    const r = report([real, { ...real, name: 'copy.tsv' }]);
    expect(r.learners.find((l) => l.name === 'Lou Learner-Two')!.answers).toHaveLength(102);
    expect(where(r)).toContain('copy.tsv:3 answers already read from scorm12-interactions.tsv for this learner and attempt: this row is skipped.');
  });

  it('xAPI: not JSON, a statement without actor, an unknown activity', () => {
    const statements = [
      { actor: { mbox: 'mailto:a@example.invalid', name: 'A' }, verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, object: { id: 'https://example.invalid/course/scenario/smoke-break/dp1' }, result: { response: 'decline-explain', success: true }, timestamp: '2026-12-01T10:00:00Z' },
      { verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, object: { id: 'x' } },
      { actor: { mbox: 'mailto:a@example.invalid' }, verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, object: { id: 'https://example.invalid/elsewhere/thing' }, result: { response: 'x' } },
      { actor: { mbox: 'mailto:a@example.invalid' }, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' }, object: { id: 'https://example.invalid/course' }, result: { score: { scaled: 0.9 } }, timestamp: '2026-12-01T11:00:00Z' },
    ];
    const r = report([{ name: 'broken.json', text: '{ not json' }, { name: 'lrs.json', text: JSON.stringify({ statements }) }]);
    expect(where(r)).toEqual([
      'broken.json:1 not an xAPI statements JSON: file not read.',
      'lrs.json:2 statement #2 without an actor or a verb: skipped.',
      'lrs.json:3 statement #3: activity "https://example.invalid/elsewhere/thing" unknown to the course.',
    ]);
    const a = r.learners[0];
    expect([a.status, a.score, a.answers.map((x) => x.options[0])]).toEqual(['passed', 90, ['decline-explain']]);
  });

  it('2004 responses in the hyphen-free scheme and in today’s scheme both map back', () => {
    const st = (response: string, i: number) => ({ actor: { mbox: `mailto:l${i}@example.invalid` }, verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, object: { id: `https://example.invalid/c/scenario/smoke-break/dp1` }, result: { response }, timestamp: `2026-12-01T10:0${i}:00Z` });
    const r = report([{ name: 's.json', text: JSON.stringify([st('smoke-on-balcony', 1), st('smoke_on_balcony', 2), st('smoke.on.balcony', 3)]) }]);
    expect(r.problems).toEqual([]);
    expect(r.learners.map((l) => l.answers[0].options)).toEqual([['smoke-on-balcony'], ['smoke-on-balcony'], ['smoke-on-balcony']]);
  });
});
