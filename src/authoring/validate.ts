/**
 * Cross-file rules the schema cannot express: ids, references, scenario graph shape,
 * translations, clause ids, tokens, answer keys. Reports every problem, never stops early.
 */
import type { Diagnostic } from './diagnostic.ts';
import type { DataPath, ParsedFile } from './parse.ts';
import type { CourseSource, ModuleSource, QuizItemSource, ScenarioSource } from './schema.ts';
import { saveKey } from '../engine/journey.ts';
import { scenarioGraphProblems } from './graph.ts';
import { checkGaps } from './validate-gaps.ts';
import { checkBank } from './validate-bank.ts';

export interface Loaded<T> {
  parsed: ParsedFile;
  value: T;
}

export interface Sources {
  course: Loaded<CourseSource> | null;
  modules: Loaded<ModuleSource>[];
  scenarios: Loaded<ScenarioSource>[];
  /** Ids of files that exist but failed structural checks: not reported again as "not found". */
  broken?: Set<string>;
}

const TOKEN = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export function validateSources(src: Sources): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (f: Loaded<unknown>, path: DataPath, message: string, hint?: string, severity: 'error' | 'warning' = 'error', key = false, offset?: number) =>
    out.push({ file: f.parsed.file, ...f.parsed.locate(path, { key, offset }), message, hint, severity });

  const course = src.course;
  const known = {
    clauses: new Set(Object.keys(course?.value.clauses ?? {})),
    objectives: new Set(Object.keys(course?.value.objectives ?? {})),
    tracks: new Set(course?.value.tracks.map((t) => t.id) ?? []),
    programmes: new Set(course?.value.programmes.map((p) => p.id) ?? []),
    tokens: new Set(Object.keys(course?.value.tokens ?? {})),
  };
  const checkList = (f: Loaded<unknown>, path: DataPath, ids: string[] | undefined, set: Set<string>, what: string, where: string) => {
    if (!course) return;
    ids?.forEach((id, i) => {
      if (!set.has(id)) report(f, [...path, i], `unknown ${what} "${id}"`, `${what}s are declared in modules/course.yaml under "${where}"`);
    });
  };
  const checkScope = (f: Loaded<unknown>, path: DataPath, v: { tracks?: string[]; programmes?: string[] }) => {
    checkList(f, [...path, 'tracks'], v.tracks, known.tracks, 'track', 'tracks');
    checkList(f, [...path, 'programmes'], v.programmes, known.programmes, 'programme', 'programmes');
  };

  // ---- ids unique within and across files
  const firstSeen = new Map<string, { f: Loaded<unknown>; path: DataPath }>();
  const unique = (kind: string, id: string, f: Loaded<unknown>, path: DataPath) => {
    const k = `${kind}:${id}`;
    const prev = firstSeen.get(k);
    if (prev) report(f, path, `duplicate ${kind} id "${id}"`, `already used at ${prev.f.parsed.file}:${prev.f.parsed.locate(prev.path).line}; ids must be unique`);
    else firstSeen.set(k, { f, path });
  };

  const moduleIds = new Set([...src.modules.map((m) => m.value.id), ...(src.broken ?? [])]);
  const scenarioIds = new Set([...src.scenarios.map((s) => s.value.id), ...(src.broken ?? [])]);
  const itemIds = new Set(src.modules.flatMap((m) => m.value.items?.map((i) => i.id) ?? []));

  // ---- course
  if (course) {
    const c = course.value;
    c.modules.forEach((id, i) => {
      if (!moduleIds.has(id)) report(course, ['modules', i], `module "${id}" not found`, 'there must be a file in modules/ whose id is this');
    });
    for (const m of src.modules) {
      if (!c.modules.includes(m.value.id)) report(m, ['id'], `module "${m.value.id}" is not listed in course.yaml`, 'add it to "modules" in modules/course.yaml, or learners never see it', 'warning');
    }
    c.assessment.sections.forEach((s, i) => {
      checkList(course, ['assessment', 'sections', i, 'tracks'], s.tracks, known.tracks, 'track', 'tracks');
      s.modules.forEach((id, j) => {
        if (!moduleIds.has(id)) report(course, ['assessment', 'sections', i, 'modules', j], `module "${id}" not found`);
      });
      // A pool module that failed its own checks would only cause a second, misleading error.
      if (s.modules.some((id) => src.broken?.has(id))) return;
      const pool = src.modules.filter((m) => s.modules.includes(m.value.id)).flatMap((m) => m.value.items ?? []).filter((it) => !it.checkOnly);
      if (pool.length < s.draw) report(course, ['assessment', 'sections', i, 'draw'], `section "${s.id}" draws ${s.draw} items but its pool has ${pool.length}`, 'lower "draw" or add items to the pool modules');
      const critical = pool.filter((it) => it.critical).length;
      if (critical > s.draw) report(course, ['assessment', 'sections', i, 'draw'], `section "${s.id}" has ${critical} critical items, more than the ${s.draw} drawn`);
    });
    for (const [i, p] of c.programmes.entries()) {
      for (const name of Object.keys(p.tokens ?? {})) {
        if (!known.tokens.has(name)) report(course, ['programmes', i, 'tokens', name], `unknown token "${name}"`, 'declare it under "tokens" first', 'error', true);
      }
    }
  }

  // ---- modules
  for (const m of src.modules) {
    const v = m.value;
    unique('module', v.id, m, ['id']);
    checkScope(m, [], v);
    checkList(m, ['clauses'], v.clauses, known.clauses, 'clause id', 'clauses');
    checkList(m, ['objectives'], v.objectives, known.objectives, 'objective', 'objectives');
    const pages = new Set<string>();
    v.steps.forEach((step, i) => {
      if ('page' in step) {
        if (pages.has(step.page.id)) report(m, ['steps', i, 'page', 'id'], `duplicate page id "${step.page.id}"`);
        pages.add(step.page.id);
        checkList(m, ['steps', i, 'page', 'clauses'], step.page.clauses, known.clauses, 'clause id', 'clauses');
      } else if ('scenario' in step) {
        if (!scenarioIds.has(step.scenario)) report(m, ['steps', i, 'scenario'], `scenario "${step.scenario}" not found`, 'there must be a file in scenarios/ whose id is this');
      } else if (!itemIds.has(step.check)) {
        report(m, ['steps', i, 'check'], `quiz item "${step.check}" not found`, 'items are declared under "items" in a module file');
      }
    });
    v.items?.forEach((it, i) => checkItem(m, ['items', i], it));
  }

  function checkItem(m: Loaded<ModuleSource>, path: DataPath, it: QuizItemSource) {
    unique('quiz item', it.id, m, [...path, 'id']);
    checkList(m, [...path, 'clauses'], it.clauses, known.clauses, 'clause id', 'clauses');
    if (course && !known.objectives.has(it.objective)) report(m, [...path, 'objective'], `unknown objective "${it.objective}"`, 'objectives are declared in modules/course.yaml under "objectives"');
    checkScope(m, path, it);
    const forms = [{ path, options: it.options }, ...(it.variants ?? []).map((vr, j) => ({ path: [...path, 'variants', j], options: vr.options }))];
    for (const form of forms) {
      const correct = form.options.filter((o) => o.correct).length;
      if (correct === 0) report(m, [...form.path, 'options'], `quiz item "${it.id}" has no correct answer`, 'mark the right option(s) with "correct: true"');
      else if (it.type !== 'multiple' && correct > 1) report(m, [...form.path, 'options'], `${it.type} item "${it.id}" has ${correct} correct options`, 'use type: multiple, or keep one "correct: true"');
      if (it.type === 'truefalse') {
        const ids = form.options.map((o) => o.id).sort().join(',');
        if (ids !== 'false,true') report(m, [...form.path, 'options'], `true/false item "${it.id}" must have exactly the options "true" and "false"`);
      }
      uniqueKeys(m, [...form.path, 'options'], form.options.map((o) => o.id), 'option');
    }
  }

  function uniqueKeys(f: Loaded<unknown>, path: DataPath, ids: string[], what: string) {
    const seen = new Map<string, string>();
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) return report(f, [...path, i, 'id'], `duplicate ${what} id "${id}"`);
      const k = saveKey(id);
      const other = seen.get(k);
      if (other) report(f, [...path, i, 'id'], `${what} ids "${other}" and "${id}" share the save key "${k}"`, 'rename one of them slightly (saved progress stores a short key per id)');
      seen.set(k, id);
    });
  }

  // ---- scenarios
  for (const s of src.scenarios) {
    const v = s.value;
    unique('scenario', v.id, s, ['id']);
    checkScope(s, [], v);
    checkList(s, ['clauses'], v.clauses, known.clauses, 'clause id', 'clauses');
    checkList(s, ['objectives'], v.objectives, known.objectives, 'objective', 'objectives');
    const nodeIds = new Set<string>();
    v.nodes.forEach((n, i) => {
      if (nodeIds.has(n.id)) report(s, ['nodes', i, 'id'], `duplicate node id "${n.id}"`);
      nodeIds.add(n.id);
      if (n.type === 'decision') {
        checkList(s, ['nodes', i, 'clauses'], n.clauses, known.clauses, 'clause id', 'clauses');
        const best = n.options.filter((o) => o.best).length;
        if (best === 0) report(s, ['nodes', i, 'options'], `decision "${n.id}" has no best option`, 'mark one option with "best: true"');
        if (best > 1) report(s, ['nodes', i, 'options'], `decision "${n.id}" has ${best} best options`, 'keep "best: true" on exactly one option');
        n.options.forEach((o, j) => checkList(s, ['nodes', i, 'options', j, 'clauses'], o.clauses, known.clauses, 'clause id', 'clauses'));
        uniqueKeys(s, ['nodes', i, 'options'], n.options.map((o) => o.id), 'option');
      }
    });
    for (const p of scenarioGraphProblems(v)) report(s, p.path, p.message, p.hint);
  }

  // ---- translations and tokens, over every learner-visible text
  const used = new Map<string, { f: Loaded<unknown>; path: DataPath; offset: number }>();
  const walk = (f: Loaded<unknown>, value: unknown, path: DataPath) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(f, v, [...path, i]));
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 2 && typeof o.fr === 'string' && typeof o.en === 'string') {
      for (const lang of ['fr', 'en'] as const) {
        const text = o[lang] as string;
        if (!text.trim()) report(f, [...path, lang], `missing ${lang === 'fr' ? 'French' : 'English'} text`, 'every learner-visible text needs both languages');
        if (lang === 'fr') frenchContractions(f, [...path, lang], text);
        for (const m of text.matchAll(TOKEN)) {
          if (!known.tokens.has(m[1])) report(f, [...path, lang], `unknown token {{${m[1]}}}`, `declare ${m[1]} under "tokens" in modules/course.yaml`, 'error', false, m.index);
          else if (!used.has(m[1])) used.set(m[1], { f, path: [...path, lang], offset: m.index! });
        }
      }
      return;
    }
    for (const k of keys) if (!(path.length === 0 && k === 'tokens')) walk(f, o[k], [...path, k]);
  };
  // « à {{X}} » with X = « le registre… » would read « à le registre »: French contracts these.
  const frValues = (name: string) => {
    const c = course?.value;
    const vals = [c?.tokens[name]?.value, c?.tokens[name]?.pending, ...(c?.programmes.map((p) => p.tokens?.[name]) ?? [])];
    return vals.map((v) => (typeof v === 'string' ? v : v?.fr)).filter((v): v is string => !!v);
  };
  function frenchContractions(f: Loaded<unknown>, path: DataPath, text: string) {
    for (const m of text.matchAll(/(?<![\p{L}'’])(à|de)\s+\{\{\s*([A-Za-z0-9_]+)\s*\}\}/giu)) {
      const bad = frValues(m[2]).find((v) => /^(le|les)\s/i.test(v.trim()));
      if (bad) {
        const fixed = `${m[1].toLowerCase() === 'à' ? 'au' : 'du'}/${m[1].toLowerCase() === 'à' ? 'aux' : 'des'}`;
        report(f, path, `« ${m[0]} » would read « ${m[1]} ${bad.split(' ').slice(0, 2).join(' ')}… »`, `rephrase the sentence (French contracts it to ${fixed})`, 'warning', false, m.index);
      }
    }
  }
  if (course) walk(course, course.value, []);
  for (const f of [...src.modules, ...src.scenarios]) walk(f, f.value, []);

  if (course) {
    for (const [name, at] of used) {
      const t = course.value.tokens[name];
      const emptyDefault = typeof t.value === 'string' ? !t.value.trim() : !t.value.fr.trim() || !t.value.en.trim();
      const missing = course.value.programmes.filter((p) => !p.tokens?.[name]);
      if (emptyDefault && (missing.length || !course.value.programmes.length)) {
        report(at.f, at.path, `token {{${name}}} is used but not configured${missing.length ? ` for ${missing.map((p) => p.id).join(', ')}` : ''}`, `give it a value under "tokens" in modules/course.yaml`, 'error', false, at.offset);
      }
    }
  }
  checkGaps(course, src.modules, src.scenarios, report);
  checkBank(course, src.modules, report);
  return out;
}
