/**
 * 200 learners per track, played through the real course session and SCORM adapter with
 * scorm-again as the LMS, written out as Moodle 4.4 downloads (interactions and objectives,
 * SCORM 1.2 and 2004), then read by the report: every figure equals what the generator chose.
 */
import { describe, expect, it } from 'vitest';
import { course } from '../lms/helpers.ts';
import { playCohort } from '../../src/report/dev/cohort.ts';
import { interactionsTsv, objectivesTsv } from '../../src/report/dev/moodle-writer.ts';
import { report } from './helpers.ts';

const PER_TRACK = 200;
const def = course().def;
const title = course().content.fr.text[def.title] as string;
const { rows, truth } = playCohort(def, { perTrack: PER_TRACK, seed: 20261204, base: Date.UTC(2026, 0, 5, 9) });
const files = [
  { name: 'scorm12-interactions.tsv', text: interactionsTsv(rows['1.2'], title) },
  { name: 'scorm12-objectives.tsv', text: objectivesTsv(rows['1.2'], title) },
  { name: 'scorm2004-interactions.tsv', text: interactionsTsv(rows['2004'], title) },
  { name: 'scorm2004-objectives.tsv', text: objectivesTsv(rows['2004'], title) },
];
const r = report(files);
const row = (email: string) => r.figures.rows.find((x) => x.email === email)!;

/** Pearson correlation, written apart from the report's point-biserial formula (they are equal for a 0/1 variable). */
function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : null;
}

describe(`a cohort of ${PER_TRACK} learners per track through the engine, scorm-again and Moodle's layout`, () => {
  it('reads every learner and every answer, with nothing it could not read', () => {
    expect(r.learners).toHaveLength(PER_TRACK * def.tracks.length);
    expect(r.problems.map((p) => `${p.file}:${p.line} ${p.message.en}`)).toEqual([]);
  });

  it('gives each learner the status, track, programme and follow-up the generator played', () => {
    const expected = { 'not-started': 'not-started', stopped: 'in-progress', failed: 'failed', completed: 'completed' } as const;
    for (const l of truth.learners) {
      const got = row(l.email);
      expect(got.status, l.email).toBe(expected[l.profile]);
      if (l.profile !== 'not-started') {
        expect(got.track, l.email).toBe(l.track);
        expect(got.programme, l.email).toBe(l.programme);
      }
      const follow = l.profile === 'not-started' ? 'not-started' : l.profile === 'failed' ? 'failed-attempts-left' : l.stalled ? 'stalled' : null;
      expect(got.followUp, l.email).toBe(follow);
    }
    const counts = r.figures.byStatus;
    expect(counts['not-started'] + counts['in-progress'] + counts.failed + counts.passed + counts.completed).toBe(PER_TRACK * 2);
    expect(counts.completed).toBe(truth.learners.filter((l) => l.profile === 'completed').length);
  });

  it('counts first choices at every decision exactly', () => {
    let decisions = 0;
    for (const s of r.figures.scenarios) for (const d of s.decisions) {
      const known = truth.firstChoice.get(`${s.id}/${d.node}`);
      for (const o of d.options) expect(o.first, `${s.id}/${d.node}/${o.id}`).toBe(known?.get(o.id) ?? 0);
      if (known) decisions++;
    }
    expect(decisions).toBe(truth.firstChoice.size);
    expect(decisions).toBeGreaterThan(40);
  });

  it('gives each question its facility from first tries and first attempts, and the point-biserial discrimination', () => {
    for (const [key, t] of truth.questions) {
      const q = r.figures.questions.find((x) => x.key === key)!;
      expect(q, key).toBeDefined();
      expect([q.answers, q.right], key).toEqual([t.answers, t.right]);
      expect(q.facility).toBe(t.right / t.answers);
    }
    expect(r.figures.questions.filter((q) => q.answers > 0)).toHaveLength(truth.questions.size);
    // Discrimination of each assessment form against the rest of the learner's first attempt.
    const attempts = truth.learners.map((l) => l.firstAttempt).filter((a) => a.length);
    for (const q of r.figures.questions.filter((x) => x.kind === 'assessment')) {
      const mine = attempts.filter((a) => a.some((x) => x.key === q.key));
      const xs = mine.map((a) => (a.find((x) => x.key === q.key)!.right ? 1 : 0));
      const ys = mine.map((a) => {
        const rest = a.filter((x) => x.key !== q.key);
        return rest.filter((x) => x.right).length / rest.length;
      });
      const want = pearson(xs, ys);
      if (want === null) expect(q.discrimination, q.key).toBeNull();
      else expect(q.discrimination!, q.key).toBeCloseTo(want, 10);
    }
  });

  it('writes one CSV row per learner and a report with every scenario map annotated', () => {
    expect(r.csv.trim().split('\r\n')).toHaveLength(PER_TRACK * 2 + 1);
    const maps = r.html.match(/<svg role="img"/g) ?? [];
    expect(maps.length).toBe(2 * r.figures.scenarios.filter((s) => s.decisions.some((d) => d.choices)).length);
  });
});
