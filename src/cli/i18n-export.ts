/**
 * `npm run i18n:export`: writes every learner-visible string (modules/, scenarios/ and the
 * interface's locales/) to one XLIFF 2.0 file for translators, with the current translation
 * as target, and lists the strings that have no translation yet.
 *   npm run i18n:export -- [--from fr --to en] [--out <file.xlf>] [--root <course dir>] [--locales <dir>]
 */
import { relative, resolve } from 'node:path';
import { flag, parseArgs } from '../tools/cli.ts';
import { exportXliff } from '../tools/i18n/export.ts';
import { courseFacts, sourceRoots } from '../tools/i18n/roots.ts';
import type { Lang } from '../engine/definition.ts';

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const roots = sourceRoots(args);
  const facts = courseFacts(roots.root);
  const source = (flag(args, 'from') ?? facts.languages[0]) as Lang;
  const target = (flag(args, 'to') ?? facts.languages.find((l) => l !== source)) as Lang;
  if (!['fr', 'en'].includes(source) || !['fr', 'en'].includes(target) || source === target) {
    console.log(`--from and --to must be fr and en, in either order (got ${source} → ${target})`);
    return 1;
  }
  const out = resolve(flag(args, 'out') ?? `dist/i18n/${facts.id}.${source}-${target}.xlf`);
  const r = exportXliff(roots, { source, target }, out, { course: facts.id, version: facts.version });
  console.log(`${relative('.', out)}: ${r.units} strings from ${r.files} files, ${source} → ${target} (XLIFF 2.0).`);
  if (r.missing.length) {
    console.log(`\n${r.missing.length} string(s) have no ${target} translation yet (state "initial" in the file):`);
    for (const m of r.missing) console.log(`  ${m}`);
  } else console.log(`Every string has a ${target} translation.`);
  console.log(`\nWhen it comes back: npm run i18n:import -- ${relative('.', out)}`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.log(`i18n:export: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
