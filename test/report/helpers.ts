/** Shared pieces of the report tests: the course as the report reads it, and a build over files. */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ContentStrings, Lang } from '../../src/engine/definition.ts';
import { buildReport, type ReportInput } from '../../src/report/build.ts';
import { course } from '../lms/helpers.ts';

export const EXPORTS = '/work/shared/lms-exports/moodle-4.4'.replace('/work/shared', process.env.SHARED_DIR ?? '/work/shared');

export const version = () => {
  const c = course();
  return { def: c.def, content: c.content as Record<Lang, ContentStrings> };
};

export const exportFile = (name: string) => ({ name: basename(name), text: readFileSync(join(EXPORTS, name), 'utf8') });

export function report(files: { name: string; text: string }[], opts: Partial<ReportInput> = {}) {
  return buildReport({ files, versions: [version()], lang: 'en', names: true, ...opts });
}
