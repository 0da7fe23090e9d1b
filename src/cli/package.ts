/**
 * `npm run package`: builds the course (vite build → dist/web), then writes to
 * dist/packages/ one zip per SCORM version (1.2, 2004 4th edition) and track setting, plus
 * the plain web build, and one cmi5 package per track setting (cmi5.xml validated with xmllint). Each manifest is checked for what the schemas miss and, when the
 * schemas are at hand (../shared/scorm-xsd or SCORM_XSD_DIR), validated with xmllint.
 *
 *   npm run package [-- --lang en] [-- --no-build]
 */
import { build } from 'vite';
import { resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { buildCourse } from '../authoring/load.ts';
import { formatDiagnostic } from '../authoring/diagnostic.ts';
import type { Lang } from '../engine/definition.ts';
import { packageCourse } from '../build/package.ts';
import { schemaDir, validateManifest } from '../build/package-validate.ts';

const args = process.argv.slice(2);
const langArg = args.includes('--lang') ? (args[args.indexOf('--lang') + 1] as Lang) : undefined;
const root = resolve(process.env.COURSE_ROOT ?? '.');

const course = buildCourse(root);
if (!course.compiled) {
  console.error(course.diagnostics.map(formatDiagnostic).join('\n'));
  process.exit(1);
}
if (!args.includes('--no-build')) await build({ logLevel: 'warn' });
const outDir = resolve('dist/packages');
rmSync(outDir, { recursive: true, force: true });
const built = packageCourse({ def: course.compiled.definition, content: course.compiled.content, webDir: resolve('dist/web'), outDir, lang: langArg });

const xsd = schemaDir();
let failed = false;
for (const b of built) {
  let schema = '';
  // cmi5.xml was validated while packaging (a broken one stops the build there).
  if (b.cmi5) schema = 'cmi5.xml valid';
  if (b.manifest && b.version) {
    if (!xsd) schema = 'schemas not found, not validated';
    else {
      const v = validateManifest(b.version, b.manifest, xsd);
      schema = v.ok ? 'valid' : `INVALID (xmllint ${v.code})\n${v.output}`;
      failed ||= !v.ok;
    }
  }
  console.log(`${b.file.padEnd(58)} ${(b.bytes / 1024).toFixed(1).padStart(7)} KB  ${b.entries.length} files  ${schema}`);
}
console.log(`\n${built.length} packages in ${outDir}`);
process.exitCode = failed ? 1 : 0;
