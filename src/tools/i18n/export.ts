/**
 * `npm run i18n:export`: the course's strings as one XLIFF file for translators, and the
 * list of strings with no translation yet. Node only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { collectUnits, trimText, type Direction, type SourceRoots } from './units.ts';
import { writeXliff } from './xliff-write.ts';

export interface ExportResult {
  files: number;
  units: number;
  /** Units with no target text yet, as `file:line id`. */
  missing: string[];
}

export function exportXliff(roots: SourceRoots, dir: Direction, out: string, meta: { course: string; version: string }): ExportResult {
  const files = collectUnits(roots, dir);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, writeXliff(files, dir, meta));
  const missing = files.flatMap((f) => f.units.filter((u) => u.target === null || !trimText(u.target)).map((u) => `${f.original}:${u.line}  ${u.id}`));
  return { files: files.length, units: files.reduce((n, f) => n + f.units.length, 0), missing };
}
