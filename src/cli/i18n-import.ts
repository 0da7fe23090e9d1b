/**
 * `npm run i18n:import -- <file.xlf>`: writes the translations of an XLIFF file back into the
 * YAML and JSON sources, changing nothing else (comments, key order, quoting kept), and
 * reports what was missing, stale (source changed since the export) or in conflict.
 * `--dry-run` (or `npm run i18n:report -- <file.xlf>`) reports without writing anything.
 *   npm run i18n:import -- <file.xlf> [--dry-run] [--root <course dir>] [--locales <dir>]
 */
import { readFileSync, existsSync } from 'node:fs';
import { parseArgs } from '../tools/cli.ts';
import { importXliff, ImportRejected, type ImportReport } from '../tools/i18n/import.ts';
import { sourceRoots } from '../tools/i18n/roots.ts';

function section(title: string, lines: string[], limit = 50) {
  if (!lines.length) return;
  console.log(`\n${title} (${lines.length}):`);
  for (const l of lines.slice(0, limit)) console.log(`  ${l}`);
  if (lines.length > limit) console.log(`  … and ${lines.length - limit} more`);
}

function print(r: ImportReport, dryRun: boolean) {
  console.log(`${r.source} → ${r.target}: ${r.applied.length} translation(s) ${dryRun ? 'would be applied' : 'applied'}, ${r.unchanged} unchanged.`);
  section(`Missing: no ${r.target} text in the file yet`, r.missing);
  section('Stale: the source text changed since the export (translate it again from a new export)', r.stale);
  section('Conflict: the translation was edited in the sources since the export (not overwritten)', r.conflicts);
  section('Refused: a {{TOKEN}} was lost or added', r.tokens);
  section('New since the export (not in this file)', r.notInFile, 20);
  section(dryRun ? 'Files that would change' : 'Files written', r.files);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['dry-run']);
  const file = args.rest[0];
  if (!file || !existsSync(file)) {
    console.log(file ? `no such file: ${file}` : 'usage: npm run i18n:import -- <file.xlf> [--dry-run]');
    return 1;
  }
  const dryRun = !!args.flags['dry-run'];
  try {
    const r = await importXliff(sourceRoots(args), readFileSync(file, 'utf8'), { dryRun });
    print(r, dryRun);
    if (!dryRun && r.files.length) console.log('\nNext: npm run check (then look at the changes with git diff).');
    return r.tokens.length ? 1 : 0;
  } catch (e) {
    if (e instanceof ImportRejected) {
      console.log(e.message);
      return 1;
    }
    throw e;
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.log(`i18n:import: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
