/**
 * Shared plumbing of the author-tool commands (Node only): simple `--flag value` arguments,
 * the course root (argument, then COURSE_ROOT, then the project) and a compiled course, or
 * the validation problems in the `file:line:col  message` form when it does not compile.
 */
import { resolve } from 'node:path';
import { buildCourse } from '../authoring/load.ts';
import { formatDiagnostic } from '../authoring/diagnostic.ts';
import type { Compiled } from '../authoring/compile.ts';

export interface Args {
  flags: Record<string, string | true>;
  rest: string[];
}

/** `--name value`, `--name=value` and bare `--switch`; the rest are positional. */
export function parseArgs(argv: string[], switches: string[] = []): Args {
  const flags: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(a);
    if (!m) rest.push(a);
    else if (m[2] !== undefined) flags[m[1]] = m[2];
    else if (switches.includes(m[1]) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) flags[m[1]] = true;
    else flags[m[1]] = argv[++i];
  }
  return { flags, rest };
}

export const flag = (a: Args, name: string): string | undefined => (typeof a.flags[name] === 'string' ? (a.flags[name] as string) : undefined);

export function courseRoot(a: Args): string {
  return resolve(flag(a, 'root') ?? process.env.COURSE_ROOT ?? '.');
}

/** The compiled course, or null after printing every problem that stops it compiling. */
export function compiledOrReport(root: string, log: (s: string) => void = console.log): Compiled | null {
  const r = buildCourse(root);
  if (r.compiled) return r.compiled;
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) log(formatDiagnostic(d));
  log(`\n${errors.length} error(s): the course must pass \`npm run check\` before this tool can read it.`);
  return null;
}
