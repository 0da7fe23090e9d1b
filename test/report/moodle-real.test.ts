/**
 * The files a real Moodle 4.4 wrote for this course (../shared/lms-exports/moodle-4.4), read
 * back; every expected figure below was read off the files by eye.
 */
import { describe, expect, it } from 'vitest';
import { exportFile, report, version } from './helpers.ts';

const files12 = ['scorm12-interactions.tsv', 'scorm12-basic.tsv', 'scorm12-objectives.tsv'].map(exportFile);
const files2004 = ['scorm2004-interactions.tsv', 'scorm2004-basic.tsv', 'scorm2004-objectives.tsv'].map(exportFile);

describe('the real Moodle 4.4 SCORM 1.2 downloads', () => {
  const r = report(files12);
  const byName = (n: string) => r.learners.find((l) => l.name === n)!;

  it('finds the two learners, their statuses and scores', () => {
    expect(r.learners.map((l) => l.name).sort()).toEqual(['Lou Learner-Two', 'Léa Learner']);
    // Léa: SCO column "Incomplete", no score stored (Moodle's Score column says 0 regardless).
    expect(byName('Léa Learner')).toMatchObject({ status: 'in-progress', score: null });
    // Lou: the SCO column holds the raw score 0, under the pass mark: the assessment was failed.
    expect(byName('Lou Learner-Two')).toMatchObject({ status: 'failed', score: 0, track: 'standard' });
    expect(r.figures.rows.find((x) => x.name === 'Lou Learner-Two')!.followUp).toBe('failed-attempts-left');
  });

  it('reads every answer, retries included, and maps letters back to options', () => {
    expect(byName('Léa Learner').answers).toHaveLength(8);
    expect(byName('Lou Learner-Two').answers).toHaveLength(102);
    // Léa tried smoke-break dp1 three times: a, c, then b (the best option).
    const def = version().def;
    const dp1 = def.scenarios['smoke-break'].nodes.dp1;
    if (dp1.kind !== 'decision') throw new Error('dp1 is not a decision');
    const tries = byName('Léa Learner').answers.filter((a) => a.target.key === 'smoke-break/dp1').map((a) => a.options[0]);
    expect(tries).toEqual([dp1.options[0].id, dp1.options[2].id, dp1.options[1].id]);
    expect(dp1.options[1].best).toBe(true);
    // Lou's 21 assessment answers: a full draw of 20 (failed), then one answer of a second attempt.
    expect(byName('Lou Learner-Two').attempts.map((a) => a.length)).toEqual([20, 1]);
    // Her multiple-answer response "a,b,d" to asm_q04 is three options.
    expect(byName('Lou Learner-Two').answers.find((a) => a.target.key === 'asm:q04')!.options).toHaveLength(3);
  });

  it('counts first choices: at smoke-break dp1 Léa first chose a, Lou chose b', () => {
    const d = r.figures.scenarios.find((s) => s.id === 'smoke-break')!.decisions.find((x) => x.node === 'dp1')!;
    expect(d.learners).toBe(2);
    expect(d.options.map((o) => o.first)).toEqual([1, 1, 0]);
    expect(d.options.map((o) => o.all)).toEqual([1, 2, 1]);
  });

  it('lists what it could not read: the server warnings and the objective cells Moodle left out', () => {
    const where = r.problems.map((p) => `${p.file}:${p.line}`);
    expect(where).toContain('scorm12-objectives.tsv:1');
    expect(where).toContain('scorm12-objectives.tsv:20');
    expect(where).toContain('scorm12-objectives.tsv:21');
    expect(r.html).toContain('scorm12-objectives.tsv:20');
  });
});

describe('the real Moodle 4.4 SCORM 2004 downloads', () => {
  const r = report(files2004);
  it('finds one learner in progress and one who never started, with no answers (Moodle wrote none)', () => {
    expect(r.learners.map((l) => [l.name, l.status, l.answers.length]).sort()).toEqual([
      ['Lou Learner-Two', 'not-started', 0],
      ['Léa Learner', 'in-progress', 0],
    ]);
    expect(r.figures.rows.find((x) => x.name === 'Lou Learner-Two')!.followUp).toBe('not-started');
  });
});
