/**
 * Saved-state size: the longest journey's journey log, against SCORM 1.2's 4096 characters;
 * and what resuming it costs (replaying every step through the engine, median of 15 in Node).
 */
import { resolve } from 'node:path';
import { buildCourse } from '../../authoring/load.ts';
import { longestJourney } from '../../engine/longest-journey.ts';
import { CourseSession } from '../../engine/session.ts';
import type { Figure } from '../bench.ts';

export async function run(): Promise<Figure[]> {
  const { compiled, diagnostics } = buildCourse(resolve(process.env.COURSE_ROOT ?? '.'));
  if (!compiled) throw new Error(`the course has errors (${diagnostics.length}); run npm run check`);
  const def = compiled.definition;
  const passFirst = longestJourney(def, 0).save().length;
  const saved = longestJourney(def, 2).save();
  const worst = saved.length;
  const { steps, ms } = replayTime(def, saved);
  return [
    { name: 'saved state, longest journey, passed 1st attempt', value: passFirst, unit: 'chars', note: 'every option of every decision tried' },
    { name: 'saved state, same + 2 failed attempts', value: worst, unit: 'chars', note: `SCORM 1.2 limit 4096; ${Math.round((worst / 4096) * 100)} % used` },
    { name: 'saved state per extra assessment attempt', value: worst - passFirst > 0 ? Math.round((worst - passFirst) / 2) : 0, unit: 'chars' },
    { name: 'resume the longest journey (replay)', value: ms, unit: 'ms', note: `${steps} steps, median of 15, Node on this machine` },
    { name: 'start a session (no journey)', value: startTime(def), unit: 'ms', note: 'median of 15' },
  ];
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (ms: number) => Math.round(ms * 100) / 100;

function replayTime(def: Parameters<typeof longestJourney>[0], saved: string) {
  const s = new CourseSession(def, { lang: 'fr' });
  const times: number[] = [];
  let steps = 0;
  for (let i = 0; i < 18; i++) {
    const t = performance.now();
    const out = s.restore(saved);
    if (i >= 3) times.push(performance.now() - t); // the first runs warm the JIT
    if (out.status !== 'resumed') throw new Error(`the longest journey did not resume (${out.status})`);
    steps = out.replayed;
  }
  return { steps, ms: round(median(times)) };
}

function startTime(def: Parameters<typeof longestJourney>[0]) {
  const times: number[] = [];
  for (let i = 0; i < 18; i++) {
    const t = performance.now();
    new CourseSession(def, { lang: 'fr' });
    if (i >= 3) times.push(performance.now() - t);
  }
  return round(median(times));
}
