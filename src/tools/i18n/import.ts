/**
 * `npm run i18n:import`: takes a translated XLIFF file back into the YAML and JSON sources.
 * Refuses the whole file, writing nothing, when its ids no longer match the sources. Each
 * unit is then applied, or reported: no translation yet (missing), source changed since
 * the export (stale), target edited in the sources since the export (conflict), or a
 * `{{TOKEN}}` lost or added. Every written file is re-read and checked before it is saved.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { Lang } from '../../engine/definition.ts';
import { applyJson } from './apply-json.ts';
import { applyYaml } from './apply-yaml.ts';
import { sameTokens, tokensOf } from './tokens.ts';
import { collectUnits, textHash, trimText, type SourceRoots, type Unit, type UnitFile } from './units.ts';
import { readXliff, XliffError, type ReadUnit } from './xliff-read.ts';
import { verifyJson, verifyYaml } from './verify.ts';

export interface ImportReport {
  source: Lang;
  target: Lang;
  applied: string[];
  unchanged: number;
  missing: string[];
  stale: string[];
  conflicts: string[];
  tokens: string[];
  /** Strings of the sources the file does not have (added since the export). */
  notInFile: string[];
  /** Files changed (written unless dry run). */
  files: string[];
}

export class ImportRejected extends Error {}

const LANGS: Lang[] = ['fr', 'en'];

export async function importXliff(roots: SourceRoots, xml: string, opts: { dryRun?: boolean } = {}): Promise<ImportReport> {
  let x;
  try {
    x = await readXliff(xml);
  } catch (e) {
    if (e instanceof XliffError) throw new ImportRejected(`Rejected: ${e.message}. Nothing was written.`);
    throw e;
  }
  const [source, target] = [x.source.slice(0, 2).toLowerCase(), x.target.slice(0, 2).toLowerCase()] as Lang[];
  if (!LANGS.includes(source) || !LANGS.includes(target) || source === target)
    throw new ImportRejected(`Rejected: the file translates ${x.source} → ${x.target}; this course is written in fr and en. Nothing was written.`);
  const current = collectUnits(roots, { source, target });
  const byFile = new Map(current.map((f) => [f.id, f]));

  // Every id in the file must still exist, or the file belongs to other (older) sources.
  const unknown: string[] = [];
  for (const [fileId, units] of x.files) {
    const f = byFile.get(fileId);
    if (!f) unknown.push(`${fileId} (the whole file)`);
    else for (const id of units.keys()) if (!f.units.some((u) => u.id === id)) unknown.push(`${f.original} ${id}`);
  }
  if (unknown.length) {
    throw new ImportRejected(
      `Rejected: ${unknown.length} id(s) in this file no longer match the course sources, so nothing was written:\n` +
        unknown.slice(0, 20).map((u) => `  ${u}`).join('\n') +
        (unknown.length > 20 ? `\n  … and ${unknown.length - 20} more` : '') +
        '\nThe sources changed since the export (a text was renamed, moved or removed). Export again with `npm run i18n:export`, ' +
        'let the translation tool fill the new file from its translation memory, and import that one.',
    );
  }

  const report: ImportReport = { source, target, applied: [], unchanged: 0, missing: [], stale: [], conflicts: [], tokens: [], notInFile: [], files: [] };
  for (const f of current) {
    const units = x.files.get(f.id);
    const edits = new Map<string, string>();
    for (const u of f.units) {
      const t = units?.get(u.id);
      const where = `${f.kind === 'json' ? f.targetFile : f.original}:${u.line}  ${u.id}`;
      if (!t) report.notInFile.push(where);
      else decide(u, t, where, report, edits);
    }
    if (edits.size) report.files.push(...write(roots, f, edits, source, target, !!opts.dryRun));
  }
  return report;
}

function decide(u: Unit, t: ReadUnit, where: string, report: ImportReport, edits: Map<string, string>) {
  const now = trimText(u.target ?? '');
  if (t.target === null) return void report.missing.push(where);
  const stale = t.sourceHash ? t.sourceHash !== textHash(u.source) : trimText(t.source) !== trimText(u.source);
  if (stale) return void report.stale.push(where);
  if (trimText(t.target) === now) return void report.unchanged++;
  if (t.targetHash && t.targetHash !== textHash(u.target ?? '') && now) return void report.conflicts.push(`${where}  (changed in the sources since the export)`);
  if (!sameTokens(u.source, t.target)) return void report.tokens.push(`${where}  (source has ${tokensOf(u.source).join(' ') || 'no token'}, translation has ${tokensOf(t.target).join(' ') || 'none'})`);
  edits.set(u.id, t.target);
  report.applied.push(where);
}

/** Applies the edits to one file, checks the result, and writes it. Returns the files changed. */
function write(roots: SourceRoots, f: UnitFile, edits: Map<string, string>, source: Lang, target: Lang, dryRun: boolean): string[] {
  if (f.kind === 'yaml') {
    const path = join(roots.root, f.original);
    const before = readFileSync(path, 'utf8');
    const after = applyYaml(before, edits, target);
    verifyYaml(before, after, edits, target, f.original);
    if (!dryRun) writeFileSync(path, after);
    return [f.original];
  }
  const srcPath = join(roots.locales, source, f.original.split('/').pop()!);
  const path = join(roots.locales, target, f.original.split('/').pop()!);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : '{}\n';
  const srcJs = parseDocument(readFileSync(srcPath, 'utf8')).toJS() as Record<string, unknown>;
  const order = (parent: string[]) => Object.keys(parent.reduce<Record<string, unknown>>((o, k) => (o?.[k] ?? {}) as Record<string, unknown>, srcJs));
  const keysOf = new Map(f.units.map((u) => [u.id, u.keys!]));
  const jsonEdits = [...edits].map(([id, value]) => ({ path: keysOf.get(id)!, value }));
  const after = applyJson(before, jsonEdits, order);
  verifyJson(before, after, jsonEdits, f.targetFile);
  if (!dryRun) writeFileSync(path, after);
  return [f.targetFile];
}
