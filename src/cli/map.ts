/**
 * `npm run map`: one SVG map per scenario and language in dist/maps (nodes by type, options
 * marked best or not, consequences, endings, track-only scenarios marked), and an index.
 *   npm run map -- [--root <course dir>] [--lang fr|en] [--out <dir>] [scenario-id ...]
 */
import { resolve, relative } from 'node:path';
import { compiledOrReport, courseRoot, flag, parseArgs } from '../tools/cli.ts';
import { exportMaps } from '../tools/map/export.ts';
import type { Lang } from '../engine/definition.ts';

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const root = courseRoot(args);
  const started = performance.now();
  const compiled = compiledOrReport(root);
  if (!compiled) return 1;
  const out = resolve(flag(args, 'out') ?? 'dist/maps');
  const lang = flag(args, 'lang') as Lang | undefined;
  if (lang && !compiled.definition.languages.includes(lang)) {
    console.log(`unknown language "${lang}" (the course has ${compiled.definition.languages.join(', ')})`);
    return 1;
  }
  const maps = exportMaps(compiled, out, { langs: lang ? [lang] : undefined, scenarios: args.rest });
  for (const m of maps) console.log(`${relative('.', resolve(out, m.file))}  ${(m.bytes / 1024).toFixed(1)} KB`);
  console.log(`\n${maps.length} map(s) in ${((performance.now() - started) / 1000).toFixed(2)} s (validation included). Open ${relative('.', resolve(out, 'index.html'))} in a browser.`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.log(`map: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
