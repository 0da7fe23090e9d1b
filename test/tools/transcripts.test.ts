/**
 * Transcript tests: every `*.transcript.txt` beside a scenario (in scenarios/ and in the
 * test fixtures) is played through the real engine. A failing line is reported as
 * `file:line: instruction` with what was expected and what was on screen.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findTranscripts, runTranscript } from '../../src/tools/transcript/run.ts';
import { parseTranscript } from '../../src/tools/transcript/parse.ts';
import { cleanTemps, SAMPLE, tempCopy } from './helpers.ts';

afterAll(cleanTemps);

const files = findTranscripts(['scenarios', 'test/fixtures', 'test/tools/fixtures']);

describe('transcripts', () => {
  it('finds the transcripts beside the scenarios', () => {
    const rel = files.map((f) => relative('.', f));
    expect(rel).toContain('test/fixtures/sample-course/scenarios/birthday-envelope.transcript.txt');
    expect(rel).toContain('test/fixtures/sample-course/scenarios/late-night-dm.transcript.txt');
    expect(rel).toContain('test/tools/fixtures/large-course/scenarios/long-evening.transcript.txt');
  });

  for (const file of files) {
    it(`plays ${relative('.', file)}`, () => {
      const r = runTranscript(file);
      if (r.problems.length) throw new Error(r.problems.join('\n'));
      expect(r.steps).toBeGreaterThan(0);
    });
  }
});

describe('transcript failures', () => {
  function play(text: string, name = 'birthday-envelope') {
    const dir = tempCopy(SAMPLE);
    const file = join(dir, 'scenarios', `${name}.transcript.txt`);
    writeFileSync(file, text);
    return { ...runTranscript(file), file: relative('.', file) };
  }

  it('names the file and line, what was expected and what was seen', () => {
    const r = play('lang en\nnext\n# the learner picks the cash\nchoose take-all\nnext\nexpect node jam\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toBe(`${r.file}:6: expect node jam\n    expected node "jam"\n    saw node "card-consequence" (consequence)`);
  });

  it('shows the text on screen when an expected text is not there', () => {
    const r = play('lang fr\nexpect "Mrs. Gagnon"\n');
    expect(r.problems[0]).toMatch(/:2: expect "Mrs\. Gagnon"\n {4}expected "Mrs\. Gagnon" on screen \(fr\)\n {4}saw node "intro" \(situation\):\n[\s\S]*Mme Gagnon/);
  });

  it('refuses an option that is not offered, and a step that cannot be taken', () => {
    expect(play('next\nchoose keep-cards\n').problems[0]).toMatch(/:2: choose keep-cards\n {4}expected option "keep-cards" at node "card"\n {4}saw options take-all, keep-card, donate/);
    expect(play('next\nnext\n').problems[0]).toMatch(/:2: next\n {4}expected to continue\n {4}saw node "card" \(decision\): choose one of take-all, keep-card, donate/);
    expect(play('choose keep-card\n').problems[0]).toMatch(/expected a decision offering "keep-card"\n {4}saw node "intro" \(situation\)/);
  });

  it('checks best choices, flags, scores, options and the end of the scenario', () => {
    expect(play('next\nchoose donate\nexpect best\n').problems[0]).toMatch(/:3: expect best\n {4}expected a best choice\n {4}saw option "donate" is not the best/);
    expect(play('next\nchoose donate\nexpect flag declined-cash\n').problems[0]).toMatch(/saw no flag raised/);
    expect(play('expect score 2\n').problems[0]).toMatch(/expected score 2\n {4}saw score 0/);
    expect(play('next\nexpect options keep-card, donate\n').problems[0]).toMatch(/expected options donate, keep-card\n {4}saw options donate, keep-card, take-all/);
    expect(play('expect end\n').problems[0]).toMatch(/expected the scenario to be over/);
    expect(play('lang en\nnext\nexpect no "What do you do?"\n').problems[0]).toMatch(/:3: expect no "What do you do\?"/);
  });

  it('reports a track that cannot reach the scenario, and an unknown scenario', () => {
    expect(play('track standard\nnext\n', 'late-night-dm').problems[0]).toMatch(/:2: next\n {4}expected to open scenario "late-night-dm"\n {4}saw no learner of track "standard" reaches scenario "late-night-dm"/);
    expect(play('next\n', 'no-such-scenario').problems[0]).toMatch(/:1: next\n {4}expected a scenario "no-such-scenario" \(from the file name\)/);
  });

  it('reports every line it does not understand', () => {
    const { errors } = parseTranscript('next\nchose keep-card\n\n# fine\nexpect "unclosed\nexpect node jam\n');
    expect(errors.map((e) => e.line)).toEqual([2, 5]);
    expect(errors[0].message).toMatch(/^not understood: chose keep-card {2}\(write one of: next, back, start, choose <option>/);
    const r = play('chose keep-card\n');
    expect(r.problems[0]).toMatch(new RegExp(`^${r.file.replace(/[.]/g, '\\.')}:1: not understood`));
  });
});
