/**
 * `npm run bench -- reading`: words, sentences over 30 words and estimated minutes per
 * track, programme and language, on the path a learner reads (src/authoring/reading.ts, the
 * same figures the welcome screen announces), then each file's share of the longest path.
 */
import { resolve } from 'node:path';
import { buildCourse } from '../../authoring/load.ts';
import { tallyPath } from '../../authoring/reading.ts';
import type { Figure } from '../bench.ts';

/** Targets of the course (issue: volunteers must be able to finish it). */
const TARGET: Record<string, number> = { standard: 90, minors: 130 };

export async function run(): Promise<Figure[]> {
  const { compiled, diagnostics } = buildCourse(resolve(process.env.COURSE_ROOT ?? '.'));
  if (!compiled) throw new Error(`the course has errors (${diagnostics.length}); run npm run check`);
  const def = compiled.definition;
  const out: Figure[] = [];
  for (const r of def.reading ?? []) {
    const target = r.track ? TARGET[r.track] : undefined;
    out.push({
      name: `${r.track ?? '-'} / ${r.programme ?? '-'} / ${r.lang}`,
      value: r.minutes,
      unit: 'min',
      note: `${r.words} words, ${r.decisions} decisions/questions, ${r.longSentences} sentences > 30 words${target ? `; target ≤ ${target}${r.minutes > target ? ' — OVER' : ''}` : ''}`,
    });
  }
  // Per-file words on the longest path of each track and language: where cuts pay off.
  for (const track of def.tracks.map((t) => t.id)) {
    for (const lang of def.languages) {
      const figs = (def.reading ?? []).filter((r) => r.track === track && r.lang === lang);
      const longest = figs.sort((a, b) => b.minutes - a.minutes)[0];
      if (!longest) continue;
      const t = tallyPath(def, compiled.content[lang], track, longest.programme);
      for (const [src, words] of [...t.bySource].sort((a, b) => b[1] - a[1])) {
        out.push({ name: `  ${track}/${longest.programme}/${lang} ${src}`, value: words, unit: 'words' });
      }
    }
  }
  return out;
}
