/**
 * Reads the course sources from disk, validates them and compiles them: the one entry point
 * used by `npm run check`, the Vite plugin and the tests. Node only.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseYaml } from './parse.ts';
import { checkStructure } from './structure.ts';
import { courseFile, moduleFile, scenarioFile, type CourseSource, type ModuleSource, type ScenarioSource } from './schema.ts';
import { validateSources, type Loaded, type Sources } from './validate.ts';
import { compileCourse, type Compiled } from './compile.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostic.ts';

export interface BuildResult {
  diagnostics: Diagnostic[];
  compiled: Compiled | null;
  /** Every source file read, for watching. */
  files: string[];
  sources: Sources;
}

const yamlFiles = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f)) : [];

export function buildCourse(root: string): BuildResult {
  const diagnostics: Diagnostic[] = [];
  const broken = new Set<string>();
  const rel = (p: string) => relative(root, p) || p;
  function load<T>(path: string, schema: Parameters<typeof checkStructure<T>>[1]): Loaded<T> | null {
    const parsed = parseYaml(rel(path), readFileSync(path, 'utf8'));
    diagnostics.push(...parsed.diagnostics);
    const { value, diagnostics: ds } = checkStructure(parsed, schema);
    diagnostics.push(...ds);
    const id = (parsed.data as { id?: unknown } | null)?.id;
    if (!value && typeof id === 'string') broken.add(id);
    return value ? { parsed, value } : null;
  }

  const coursePath = join(root, 'modules', 'course.yaml');
  const files = [coursePath];
  let course: Loaded<CourseSource> | null = null;
  if (existsSync(coursePath)) course = load(coursePath, courseFile);
  else diagnostics.push({ file: 'modules/course.yaml', line: 1, col: 1, severity: 'error', message: 'course file not found', hint: 'create modules/course.yaml' });

  const modules: Loaded<ModuleSource>[] = [];
  for (const p of yamlFiles(join(root, 'modules')).filter((p) => p !== coursePath)) {
    files.push(p);
    const m = load(p, moduleFile);
    if (m) modules.push(m);
  }
  const scenarios: Loaded<ScenarioSource>[] = [];
  for (const p of yamlFiles(join(root, 'scenarios'))) {
    files.push(p);
    const s = load(p, scenarioFile);
    if (s) scenarios.push(s);
  }

  const sources: Sources = { course, modules, scenarios, broken };
  diagnostics.push(...validateSources(sources));
  const sorted = sortDiagnostics(diagnostics);
  // A file that failed structure checks is missing from `sources`, so compile only when clean.
  const clean = !hasErrors(sorted) && course && modules.length + scenarios.length === files.length - 1;
  const compiled = clean ? compileCourse(course!.value, modules.map((m) => m.value), scenarios.map((s) => s.value)) : null;
  return { diagnostics: sorted, compiled, files, sources };
}
