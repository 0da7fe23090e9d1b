/** Saved-state size: the longest journey's journey log, against SCORM 1.2's 4096 characters. */
import { resolve } from 'node:path';
import { buildCourse } from '../../authoring/load.ts';
import { longestJourney } from '../../engine/longest-journey.ts';
import type { Figure } from '../bench.ts';

export async function run(): Promise<Figure[]> {
  const { compiled, diagnostics } = buildCourse(resolve(process.env.COURSE_ROOT ?? '.'));
  if (!compiled) throw new Error(`the course has errors (${diagnostics.length}); run npm run check`);
  const def = compiled.definition;
  const passFirst = longestJourney(def, 0).save().length;
  const worst = longestJourney(def, 2).save().length;
  return [
    { name: 'saved state, longest journey, passed 1st attempt', value: passFirst, unit: 'chars', note: 'every option of every decision tried' },
    { name: 'saved state, same + 2 failed attempts', value: worst, unit: 'chars', note: `SCORM 1.2 limit 4096; ${Math.round((worst / 4096) * 100)} % used` },
    { name: 'saved state per extra assessment attempt', value: worst - passFirst > 0 ? Math.round((worst - passFirst) / 2) : 0, unit: 'chars' },
  ];
}
