/**
 * The manager's report at scale: a cohort of 1,000 learners played through the real session
 * and scorm-again (src/report/dev/cohort.ts), written as Moodle 4.4 downloads (interactions
 * and objectives, SCORM 1.2 and 2004), then read into the report: input size, build time
 * (median of a few builds, the same work `npm run report` does), HTML and CSV sizes.
 */
import { resolve } from 'node:path';
import { buildCourse } from '../../authoring/load.ts';
import type { ContentStrings, Lang } from '../../engine/definition.ts';
import { buildReport } from '../../report/build.ts';
import { playCohort } from '../../report/dev/cohort.ts';
import { interactionsTsv, objectivesTsv } from '../../report/dev/moodle-writer.ts';
import type { Figure } from '../bench.ts';

const LEARNERS = Number(process.env.REPORT_LEARNERS ?? 1000);
const RUNS = Number(process.env.REPORT_RUNS ?? 5);
const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

export async function run(): Promise<Figure[]> {
  const { compiled, diagnostics } = buildCourse(resolve(process.env.COURSE_ROOT ?? '.'));
  if (!compiled) throw new Error(`the course has errors (${diagnostics.length}); run npm run check`);
  const def = compiled.definition;
  const content = compiled.content as Record<Lang, ContentStrings>;
  const perTrack = Math.ceil(LEARNERS / def.tracks.length);
  const played = performance.now();
  const { rows } = playCohort(def, { perTrack, seed: 20261204, base: Date.UTC(2026, 0, 5, 9) });
  const playMs = performance.now() - played;
  const title = content.fr.text[def.title] as string;
  const files = [
    { name: 'scorm12-interactions.tsv', text: interactionsTsv(rows['1.2'], title) },
    { name: 'scorm12-objectives.tsv', text: objectivesTsv(rows['1.2'], title) },
    { name: 'scorm2004-interactions.tsv', text: interactionsTsv(rows['2004'], title) },
    { name: 'scorm2004-objectives.tsv', text: objectivesTsv(rows['2004'], title) },
  ];
  const inputBytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const times: number[] = [];
  let report: ReturnType<typeof buildReport> | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    report = buildReport({ files, versions: [{ def, content }], lang: 'fr', names: false });
    times.push(performance.now() - t);
  }
  const r = report!;
  if (r.problems.length) throw new Error(`the report lists ${r.problems.length} problem(s) on generated input: ${r.problems[0].message.en}`);
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const answers = r.learners.reduce((n, l) => n + l.answers.length, 0);
  return [
    { name: 'learners in the report', value: r.learners.length, note: `${def.tracks.length} tracks × ${perTrack}; SCORM 1.2 and 2004 alternate; ${answers} answers` },
    { name: 'input: 4 Moodle 4.4 downloads', value: kb(inputBytes), unit: 'KB', note: `cohort played in ${(playMs / 1000).toFixed(1)} s, not counted` },
    { name: 'report build time, median', value: Math.round(median), unit: 'ms', note: `${RUNS} builds: ${sorted.map((x) => Math.round(x)).join(', ')} ms; read, figures, maps, HTML, CSV` },
    { name: 'report.html', value: kb(Buffer.byteLength(r.html)), unit: 'KB', note: 'self-contained, both languages, names left out' },
    { name: 'learners.csv', value: kb(Buffer.byteLength(r.csv)), unit: 'KB' },
  ];
}
