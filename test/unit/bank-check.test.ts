/**
 * Bank-pattern warnings on small item banks: each fixture is a module's `items:` written as a
 * trainer would, run through the real check, and the warnings must name the items at the
 * right line. Fixtures just under each threshold must stay quiet.
 */
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/authoring/parse.ts';
import { checkBank, LONGEST_MAX, TF_LEAN_MAX } from '../../src/authoring/validate-bank.ts';
import { buildCourse } from '../../src/authoring/load.ts';
import type { Diagnostic } from '../../src/authoring/diagnostic.ts';
import type { ModuleSource } from '../../src/authoring/schema.ts';
import type { Loaded } from '../../src/authoring/validate.ts';

const opt = (id: string, text: string, correct = false) =>
  `      - id: ${id}\n${correct ? '        correct: true\n' : ''}        text: { fr: "${text}", en: "${text}" }\n        feedback: { fr: "x", en: "x" }\n`;
const single = (id: string, key: string, others: string[]) =>
  `  - id: ${id}\n    type: single\n    stem: { fr: "?", en: "?" }\n    options:\n${opt('a', key, true)}${others.map((t, i) => opt(`o${i}`, t)).join('')}`;
const tf = (id: string, key: 'true' | 'false') =>
  `  - id: ${id}\n    type: truefalse\n    stem: { fr: "?", en: "?" }\n    options:\n${opt('"true"', 'Vrai', key === 'true')}${opt('"false"', 'Faux', key === 'false')}`;

function run(items: string[]): { ds: Diagnostic[]; text: string } {
  const text = `id: m\nitems:\n${items.join('')}`;
  const parsed = parseYaml('modules/m.yaml', text);
  const m = { parsed, value: parsed.data as ModuleSource } as Loaded<ModuleSource>;
  const ds: Diagnostic[] = [];
  checkBank(null, [m], (f, path, message, hint, severity = 'error') => ds.push({ file: f.parsed.file, ...f.parsed.locate(path), message, hint, severity }));
  return { ds, text };
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('bank check: the correct option is the longest', () => {
  const long = (i: number) => single(`s${i}`, `The long and careful right answer ${i}`, ['Short one', 'Short two', 'Short three']);
  const even = (i: number) => single(`e${i}`, `Right ${i}`, ['A much longer wrong answer here', 'Short two', 'Short three']);

  it(`warns, naming each such item with its line, above ${LONGEST_MAX * 100} %`, () => {
    // 3 of 5 = 60 %.
    const { ds, text } = run([long(1), long(2), long(3), even(4), even(5)]);
    const mine = ds.filter((d) => /is the longest/.test(d.message));
    expect(mine).toHaveLength(6); // 3 items × 2 languages
    expect(mine.every((d) => d.severity === 'warning')).toBe(true);
    expect(mine.map((d) => d.message.match(/"(s\d)"/)![1])).toEqual(['s1', 's2', 's3', 's1', 's2', 's3']); // French, then English
    expect(mine[0].line).toBe(lineOf(text, 'The long and careful right answer 1'));
    expect(mine[0].message).toMatch(/3 of 5 single-choice items \(60 %/);
  });

  it('stays quiet at or below the threshold', () => {
    // 2 of 5 = 40 %.
    expect(run([long(1), long(2), even(3), even(4), even(5)]).ds).toEqual([]);
  });
});

describe('bank check: true/false keys lean one way', () => {
  it(`warns on each item of the majority side above ${TF_LEAN_MAX * 100} %`, () => {
    // 4 of 5 "false" = 80 %.
    const { ds, text } = run([tf('t1', 'false'), tf('t2', 'false'), tf('t3', 'false'), tf('t4', 'false'), tf('t5', 'true')]);
    expect(ds).toHaveLength(4);
    expect(ds.map((d) => d.message.match(/item "(t\d)"/)![1])).toEqual(['t1', 't2', 't3', 't4']);
    expect(ds[0].message).toMatch(/key "false", like 4 of 5 true\/false items \(80 %/);
    expect(ds[0].line).toBe(lineOf(text, '  - id: t1') + 8); // the "correct: true" line of its "false" option
  });

  it('stays quiet when keys are balanced', () => {
    expect(run([tf('t1', 'false'), tf('t2', 'true'), tf('t3', 'false'), tf('t4', 'true'), tf('t5', 'false')]).ds).toEqual([]);
  });
});

describe('bank check: all / none of the above', () => {
  it.each([
    ['All of the above'],
    ['None of these answers'],
    ['Toutes ces réponses'],
    ['Aucune de ces réponses'],
    ['Tout ce qui précède'],
  ])('warns on "%s"', (phrase) => {
    const { ds, text } = run([single('x1', 'Right', ['Wrong', phrase])]);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ file: 'modules/m.yaml', severity: 'warning', line: lineOf(text, phrase) });
    expect(ds[0].message).toMatch(/quiz item "x1": option "o1" is an "all\/none of the above" answer/);
  });

  it('does not mistake ordinary words for it', () => {
    expect(run([single('x1', 'Right', ['Tell all of your colleagues', 'Accept none of the gifts'])]).ds).toEqual([]);
  });
});

describe('bank check on the shipped course', () => {
  it('raises none of these warnings', () => {
    const { diagnostics } = buildCourse('.');
    expect(diagnostics.filter((d) => /is the longest|true\/false items|all\/none of the above/.test(d.message))).toEqual([]);
  });
});
