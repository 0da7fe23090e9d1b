/**
 * One case per validation error class: each breaks a copy of the sample course in one way and
 * asserts that `buildCourse` reports it with the right file, the line of the break, and a
 * message a trainer understands.
 */
import { describe, expect, it, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCourse } from '../../src/authoring/load.ts';

const SAMPLE = 'test/fixtures/sample-course';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Case {
  name: string;
  file: string;
  /** Text to find in the file, and what to put instead. */
  find: string | RegExp;
  replace: string;
  /** The line is the one holding this text after the change (first match). */
  lineOf: string;
  message: RegExp;
  /** Extra files to write into the copy. */
  extra?: Record<string, string>;
  /** Where the problem shows, when it is not in the changed file (e.g. where a token is used). */
  at?: { file: string; lineOf: string };
}

const SC = 'scenarios/birthday-envelope.yaml';
const MOD = 'modules/sample-gifts-and-minors.yaml';
const COURSE = 'modules/course.yaml';

const cases: Case[] = [
  { name: 'YAML syntax', file: SC, find: 'next: card\n', replace: 'next: card\n   bad: [unclosed\n', lineOf: 'bad: [unclosed', message: /^YAML: / },
  { name: 'unknown key', file: SC, find: '    next: card\n', replace: '    next: card\n    nxet: card\n', lineOf: 'nxet: card', message: /unknown key "nxet"/ },
  { name: 'missing key', file: SC, find: /    next: card\n/, replace: '\n', lineOf: '- id: intro', message: /missing key "next"/ },
  { name: 'wrong type', file: MOD, find: 'minutes: 15', replace: 'minutes: fifteen', lineOf: 'minutes: fifteen', message: /minutes should be a number, not string "fifteen"/ },
  { name: 'duplicate id in a file', file: SC, find: '  - id: jam\n', replace: '  - id: will\n', lineOf: '- id: will\n    type: decision\n    prompt:\n      fr: "Un mois', message: /duplicate node id "will"/ },
  {
    name: 'duplicate id across files',
    file: 'scenarios/copy.yaml',
    find: 'id: late-night-dm',
    replace: 'id: birthday-envelope',
    lineOf: 'id: birthday-envelope',
    message: /duplicate scenario id "birthday-envelope"/,
    extra: { 'scenarios/copy.yaml': readFileSync(join(SAMPLE, 'scenarios/late-night-dm.yaml'), 'utf8') },
  },
  { name: 'dangling reference', file: SC, find: '        next: jam\n', replace: '        next: jelly\n', lineOf: 'next: jelly', message: /link to unknown node "jelly"/ },
  { name: 'dangling scenario reference', file: MOD, find: '- scenario: birthday-envelope', replace: '- scenario: birthday-envelop', lineOf: 'birthday-envelop', message: /scenario "birthday-envelop" not found/ },
  {
    name: 'unreachable node',
    file: SC,
    find: '  - id: debrief\n',
    replace: '  - id: orphan\n    type: situation\n    text: { fr: "x", en: "x" }\n    next: debrief\n  - id: debrief\n',
    lineOf: '- id: orphan',
    message: /node "orphan" can never be reached/,
  },
  { name: 'dead end', file: SC, find: '  - id: debrief\n    type: ending\n', replace: '  - id: debrief\n    type: situation\n    next: nowhere\n', lineOf: '- id: debrief', message: /dead end: node "debrief" is not an ending and leads nowhere/ },
  { name: 'loop with no exit', file: SC, find: /next: will\n/g, replace: 'next: jam\n', lineOf: '- id: jam\n', message: /loop with no exit: from node "jam"/ },
  { name: 'decision without a best option', file: SC, find: '      - id: accept-log\n        best: true\n', replace: '      - id: accept-log\n', lineOf: '- id: accept-log', message: /decision "jam" has no best option/ },
  { name: 'option without feedback', file: SC, find: /(      - id: refuse-firmly\n.*\n)        feedback:\n.*\n.*\n/, replace: '$1', lineOf: '- id: refuse-firmly', message: /missing key "feedback"/ },
  { name: 'missing translation', file: SC, find: 'en: "That is a deliberate', replace: 'xx: "That is a deliberate', lineOf: 'fr: "C\'est un contournement', message: /missing English text in nodes › "will" › options › "suggest-daughter" › feedback/ },
  { name: 'empty translation', file: MOD, find: 'en: "Gifts and working with minors"', replace: 'en: ""', lineOf: 'en: ""', message: /missing English text/ },
  { name: 'unknown clause id', file: SC, find: 'clauses: [B2a, B4, A8]', replace: 'clauses: [B2a, B44, A8]', lineOf: 'B44', message: /unknown clause id "B44"/ },
  { name: 'unknown token', file: SC, find: '{{GIFT_LOG_RULE}}.", en', replace: '{{GIFT_LOGS}}.", en', lineOf: '{{GIFT_LOGS}}', message: /unknown token \{\{GIFT_LOGS\}\}/ },
  { name: 'unknown track', file: 'scenarios/late-night-dm.yaml', find: 'tracks: [minors]', replace: 'tracks: [minor]', lineOf: 'tracks: [minor]', message: /unknown track "minor"/ },
  { name: 'unknown programme', file: MOD, find: 'minutes: 15', replace: 'minutes: 15\nprogrammes: [home-care]', lineOf: 'programmes: [home-care]', message: /unknown programme "home-care"/ },
  { name: 'token used but not configured', file: COURSE, find: /GIFT_THRESHOLD: \{ value: \{ fr: "25 \$", en: "\$25" \}/, replace: 'GIFT_THRESHOLD: { value: ""', lineOf: 'GIFT_THRESHOLD: { value: ""', at: { file: MOD, lineOf: '{{GIFT_THRESHOLD}}' }, message: /token \{\{GIFT_THRESHOLD\}\} is used but not configured/ },
  { name: 'quiz item without a correct answer', file: MOD, find: '      - id: decline\n        correct: true\n', replace: '      - id: decline\n', lineOf: '- id: decline', message: /quiz item "cash-for-coffee" has no correct answer/ },
];

function breakCopy(c: Case) {
  const dir = mkdtempSync(join(tmpdir(), 'course-'));
  dirs.push(dir);
  cpSync(SAMPLE, dir, { recursive: true });
  for (const [f, text] of Object.entries(c.extra ?? {})) writeFileSync(join(dir, f), text);
  const path = join(dir, c.file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(c.find, c.replace);
  expect(after, 'the case must change the file').not.toBe(before);
  writeFileSync(path, after);
  const idx = after.indexOf(c.lineOf);
  expect(idx, `"${c.lineOf}" must be in the broken file`).toBeGreaterThanOrEqual(0);
  return { dir, line: after.slice(0, idx).split('\n').length };
}

describe('npm run check reports each kind of mistake at its file and line', () => {
  it('the sample course itself is clean', () => {
    const r = buildCourse(SAMPLE);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.compiled).not.toBeNull();
  });

  for (const c of cases) {
    it(c.name, () => {
      const { dir, line } = breakCopy(c);
      const r = buildCourse(dir);
      const hit = r.diagnostics.find((d) => c.message.test(d.message));
      expect(hit, `expected ${c.message} among:\n${r.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n')}`).toBeDefined();
      expect(hit!.severity).toBe('error');
      expect(hit!.file).toBe(c.at?.file ?? c.file);
      expect(hit!.line).toBe(c.at ? lineIn(dir, c.at.file, c.at.lineOf) : line);
      expect(r.compiled, 'a broken course must not compile').toBeNull();
    });
  }

  it('reports every error at once, not just the first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'course-'));
    dirs.push(dir);
    cpSync(SAMPLE, dir, { recursive: true });
    const p = join(dir, SC);
    writeFileSync(p, readFileSync(p, 'utf8').replace('next: jam\n', 'next: jelly\n').replace('clauses: [B2a, B4, A8]', 'clauses: [B2a, B44, A8]'));
    const pm = join(dir, MOD);
    writeFileSync(pm, readFileSync(pm, 'utf8').replace('minutes: 15', 'minutes: fifteen'));
    const msgs = buildCourse(dir).diagnostics.map((d) => d.message).join('\n');
    expect(msgs).toMatch(/unknown node "jelly"/);
    expect(msgs).toMatch(/B44/);
    expect(msgs).toMatch(/minutes/);
  });
});

function lineIn(dir: string, file: string, text: string) {
  const s = readFileSync(join(dir, file), 'utf8');
  return s.slice(0, s.indexOf(text)).split('\n').length;
}
