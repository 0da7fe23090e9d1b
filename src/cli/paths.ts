/**
 * `npm run paths`: for each scenario, the number of distinct paths, the shortest and the
 * longest, the endings reached, the replay loops and the options never on the best path,
 * computed on the engine's own graph. Exit code 1 when a scenario has a path problem.
 *   npm run paths -- [--root <course dir>] [--json] [scenario-id ...]
 */
import { compiledOrReport, courseRoot, parseArgs } from '../tools/cli.ts';
import { scenarioPaths } from '../tools/paths/scenario-paths.ts';
import { formatReport, PATH_RULE, problemsOf } from '../tools/paths/report.ts';
import { createCourseMachine } from '../engine/machine.ts';

function main(): number {
  const args = parseArgs(process.argv.slice(2), ['json']);
  const started = performance.now();
  const compiled = compiledOrReport(courseRoot(args));
  if (!compiled) return 1;
  const def = compiled.definition;
  const ids = args.rest.length ? args.rest : Object.keys(def.scenarios).sort();
  const machine = createCourseMachine(def);
  const reports = ids.map((id) => {
    if (!def.scenarios[id]) throw new Error(`unknown scenario "${id}" (scenarios: ${Object.keys(def.scenarios).join(', ')})`);
    return scenarioPaths(def, id, { machine });
  });
  const problems = reports.flatMap(problemsOf);
  if (args.flags.json) {
    console.log(JSON.stringify({ rule: PATH_RULE, scenarios: reports, problems }, null, 2));
  } else {
    console.log(`${PATH_RULE}\n`);
    for (const r of reports) {
      const sc = def.scenarios[r.scenario];
      const scope = sc.tracks ? `track ${sc.tracks.join(', ')} only` : 'every track';
      console.log(formatReport(r, scope) + '\n');
    }
    const total = reports.reduce((n, r) => n + r.paths, 0);
    console.log(`${reports.length} scenario(s), ${total} path(s) in all, in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
    for (const p of problems) console.log(`problem: ${p}`);
  }
  return problems.length ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.log(`paths: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
