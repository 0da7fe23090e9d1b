/**
 * `npm run report`: a manager's report from LMS exports.
 *   npm run report -- <export files…> [--out dir] [--names] [--lang fr|en]
 *                     [--content <older course dir>,…] [--stalled-days 14] [--as-of YYYY-MM-DD]
 * Writes <out>/report.html (self-contained) and <out>/learners.csv; lists on the console what
 * it could not read (file:line). Node only: nothing of it goes into the learner bundle.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { compiledOrReport, courseRoot, flag, parseArgs } from '../tools/cli.ts';
import type { ContentStrings, Lang } from '../engine/definition.ts';
import { buildReport } from '../report/build.ts';
import type { CourseVersion } from '../report/course-index.ts';
import { formatProblem } from '../report/problems.ts';

function main(): number {
  const args = parseArgs(process.argv.slice(2), ['names']);
  const lang = (flag(args, 'lang') ?? 'fr') as Lang;
  if (lang !== 'fr' && lang !== 'en') return console.log(`--lang must be fr or en (got "${lang}")`), 1;
  if (!args.rest.length) return console.log('usage: npm run report -- <export files…> [--out dir] [--names] [--lang fr|en] [--content <dir>,…]'), 1;
  const roots = [courseRoot(args), ...(flag(args, 'content') ?? '').split(',').filter(Boolean).map((d) => resolve(d))];
  const versions: CourseVersion[] = [];
  for (const root of roots) {
    const c = compiledOrReport(root);
    if (!c) return 1;
    versions.push({ def: c.definition, content: c.content as Record<Lang, ContentStrings> });
  }
  const files: { name: string; text: string }[] = [];
  for (const f of args.rest) {
    try {
      files.push({ name: relative('.', resolve(f)) || f, text: readFileSync(f, 'utf8') });
    } catch (e) {
      console.log(`${f}  cannot be opened (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      return 1;
    }
  }
  const asOfText = flag(args, 'as-of');
  const asOf = asOfText ? Date.parse(asOfText) : undefined;
  if (asOfText && !Number.isFinite(asOf)) return console.log(`--as-of must be a date such as 2026-12-31 (got "${asOfText}")`), 1;
  const stalled = Number(flag(args, 'stalled-days') ?? 14);
  const started = performance.now();
  const r = buildReport({ files, versions, lang, names: args.flags.names === true, stalledDays: stalled, asOf });
  const out = resolve(flag(args, 'out') ?? 'dist/report');
  mkdirSync(out, { recursive: true });
  writeFileSync(resolve(out, 'report.html'), r.html);
  writeFileSync(resolve(out, 'learners.csv'), r.csv);
  for (const p of r.problems) console.log(formatProblem(p, lang));
  console.log(`\n${r.learners.length} learner(s) from ${files.length} file(s), ${r.problems.length} problem(s) listed in the report; ${((performance.now() - started) / 1000).toFixed(2)} s.`);
  console.log(`${relative('.', resolve(out, 'report.html'))}  ${(Buffer.byteLength(r.html) / 1024).toFixed(0)} KB · ${relative('.', resolve(out, 'learners.csv'))}`);
  console.log(args.flags.names === true ? 'Names are included (--names): share the report only with those who do the follow-up.' : 'Aggregate view: no names (add --names to include them).');
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.log(`report: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
