/**
 * Author tools: how long a trainer waits for a map, a path report, a deep link and a
 * translation export, on the course being built (COURSE_ROOT) and on the 30-node fixture.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCourse } from '../../authoring/load.ts';
import { createCourseMachine } from '../../engine/machine.ts';
import { findPath } from '../../tools/graph/find-path.ts';
import { scenarioSvg } from '../../tools/map/index.ts';
import { scenarioPaths } from '../../tools/paths/scenario-paths.ts';
import { exportXliff } from '../../tools/i18n/export.ts';
import { findTranscripts, runTranscript } from '../../tools/transcript/run.ts';
import type { Figure } from '../bench.ts';

const ms = (t: number) => Math.round((performance.now() - t) * 10) / 10;

export async function run(): Promise<Figure[]> {
  const root = resolve(process.env.COURSE_ROOT ?? '.');
  const { compiled } = buildCourse(root);
  if (!compiled) throw new Error('the course has errors; run npm run check');
  const def = compiled.definition;
  const ids = Object.keys(def.scenarios);
  const figures: Figure[] = [];

  let t = performance.now();
  for (const id of ids) for (const lang of def.languages) scenarioSvg(def, compiled.content[lang], id);
  figures.push({ name: 'maps: every scenario, every language', value: ms(t), unit: 'ms', note: `${ids.length * def.languages.length} SVG files` });

  const large = buildCourse(resolve('test/tools/fixtures/large-course')).compiled;
  if (large) {
    t = performance.now();
    scenarioSvg(large.definition, large.content.en, 'long-evening');
    figures.push({ name: 'map of the 30-node fixture', value: ms(t), unit: 'ms' });
  }

  const machine = createCourseMachine(def);
  t = performance.now();
  const reports = ids.map((id) => scenarioPaths(def, id, { machine }));
  figures.push({ name: 'path report: every scenario', value: ms(t), unit: 'ms', note: `${reports.reduce((n, r) => n + r.paths, 0)} paths, longest ${Math.max(...reports.map((r) => r.longest?.screens ?? 0))} screens` });

  const nodes = ids.flatMap((id) => Object.keys(def.scenarios[id].nodes).map((node) => ({ scenario: id, node })));
  t = performance.now();
  for (const target of nodes) findPath(def, target, {}, machine);
  figures.push({ name: 'deep link: path to a node, average', value: Math.round((ms(t) / nodes.length) * 100) / 100, unit: 'ms', note: `${nodes.length} nodes` });

  const out = mkdtempSync(join(tmpdir(), 'bench-xlf-'));
  t = performance.now();
  const x = exportXliff({ root, locales: resolve('locales') }, { source: 'fr', target: 'en' }, join(out, 'c.xlf'), { course: def.id, version: def.version });
  figures.push({ name: 'translation export (XLIFF 2.0)', value: ms(t), unit: 'ms', note: `${x.units} strings, ${x.missing.length} untranslated` });
  rmSync(out, { recursive: true, force: true });

  const transcripts = findTranscripts(['scenarios', 'test/fixtures', 'test/tools/fixtures']);
  t = performance.now();
  const failed = transcripts.map((f) => runTranscript(f)).filter((r) => r.problems.length).length;
  figures.push({ name: 'transcripts: play every one', value: ms(t), unit: 'ms', note: `${transcripts.length} files, ${failed} failing` });
  return figures;
}
