/**
 * Test-wise learners (always the first option shown, always the longest, always "False", and
 * first-on-choice + "False"-on-true/false) played through the real session: their scores per
 * track against the pass mark and against a blind guess on the same questions.
 */
import { resolve } from 'node:path';
import { buildCourse } from '../../authoring/load.ts';
import { gaming } from '../../tools/test-wise/summary.ts';
import type { Figure } from '../bench.ts';

const SEEDS = Number(process.env.GAMING_SEEDS ?? 200);

export async function run(): Promise<Figure[]> {
  const { compiled, diagnostics } = buildCourse(resolve(process.env.COURSE_ROOT ?? '.'));
  if (!compiled) throw new Error(`the course has errors (${diagnostics.length}); run npm run check`);
  const def = compiled.definition;
  const pass = Math.min(...def.assessment.sections.map((s) => s.passingScore));
  const out: Figure[] = [];
  for (const r of gaming(def, compiled.content, SEEDS)) {
    const name = `${r.track}, ${r.strategy}`;
    out.push({ name: `${name}: mean score`, value: r.mean.toFixed(1), unit: '%', note: `blind guess ${r.chance.toFixed(1)} %, ${SEEDS} seeds` });
    out.push({ name: `${name}: max score`, value: r.max, unit: '%', note: `passed ${r.passed} of ${SEEDS}; pass mark ${pass} % and every critical item` });
  }
  return out;
}
