/**
 * `npm run check`: validates every course source and prints each problem as
 * `path:line:col  message  (hint)`. Exit code 1 on any error. Never prints a stack trace.
 */
import { resolve } from 'node:path';
import { buildCourse } from '../authoring/load.ts';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../authoring/diagnostic.ts';
import { checkLocales } from '../authoring/locales.ts';

function main(): number {
  const root = resolve(process.argv[2] ?? '.');
  const built = buildCourse(root);
  const { compiled, files } = built;
  // Interface strings are checked like content (the course itself builds without them).
  const diagnostics = sortDiagnostics([...built.diagnostics, ...checkLocales(root)]);
  for (const d of diagnostics) console.log(formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (hasErrors(diagnostics)) {
    console.log(`\n${errors} error(s), ${warnings} warning(s) in ${files.length} file(s). The course cannot be built until the errors are fixed.`);
    return 1;
  }
  const def = compiled!.definition;
  const nodes = Object.values(def.scenarios).reduce((n, s) => n + Object.keys(s.nodes).length, 0);
  console.log(
    `OK  ${files.length} files: ${def.modules.length} modules, ${Object.keys(def.scenarios).length} scenarios (${nodes} nodes), ` +
      `${Object.keys(def.items).length} quiz items${warnings ? `, ${warnings} warning(s)` : ''}.`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.log(`check: could not finish (${e instanceof Error ? e.message : String(e)}). Please report this as a bug in the tools.`);
  process.exitCode = 2;
}
