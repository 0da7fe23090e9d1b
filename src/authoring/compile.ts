/**
 * Validated sources → `CourseDefinition` (structure with text keys) + one `ContentStrings`
 * table per language. Runs at build time only.
 */
import { COMPILED_FORMAT_VERSION, type Block, type ContentStrings, type CourseDefinition, type ItemDef, type Lang, type NodeDef, type ScenarioDef, type StepDef } from '../engine/definition.ts';
import { parseMarkdown } from './markdown.ts';
import { readingFigures } from './reading.ts';
import type { Bilingual, CourseSource, ModuleSource, ScenarioSource } from './schema.ts';

export interface Compiled {
  definition: CourseDefinition;
  content: Record<Lang, ContentStrings>;
}

export function compileCourse(course: CourseSource, modules: ModuleSource[], scenarios: ScenarioSource[]): Compiled {
  const text: Record<Lang, Record<string, string | Block[]>> = { fr: {}, en: {} };
  /** Short label: kept as a string. */
  const label = (key: string, b: Bilingual) => {
    text.fr[key] = b.fr.trim();
    text.en[key] = b.en.trim();
    return key;
  };
  /** Longer text: parsed from the markdown subset. */
  const rich = (key: string, b: Bilingual) => {
    text.fr[key] = parseMarkdown(b.fr);
    text.en[key] = parseMarkdown(b.en);
    return key;
  };
  /** `gap: GAP-02` or `gap: [GAP-02, GAP-04]` → { gaps: [...] }, nothing when absent. */
  const gaps = (v: { gap?: string | string[] }) => (v.gap ? { gaps: typeof v.gap === 'string' ? [v.gap] : v.gap } : {});
  const scope = (v: { tracks?: string[]; programmes?: string[] }) => ({ tracks: v.tracks ?? null, programmes: v.programmes ?? null });

  const byId = new Map(modules.map((m) => [m.id, m]));
  const items: Record<string, ItemDef> = {};
  for (const m of modules) {
    for (const it of m.items ?? []) {
      const forms = [{ id: it.id, stem: it.stem, options: it.options }, ...(it.variants ?? [])];
      items[it.id] = {
        id: it.id,
        type: it.type,
        objective: it.objective,
        clauses: it.clauses,
        critical: !!it.critical,
        checkOnly: !!it.checkOnly,
        tracks: it.tracks ?? null,
        module: m.id,
        ...gaps(it),
        forms: forms.map((f) => ({
          id: f.id,
          stem: rich(`i.${it.id}.${f.id}`, f.stem),
          options: f.options.map((o) => ({
            id: o.id,
            text: label(`i.${it.id}.${f.id}.${o.id}`, o.text),
            feedback: rich(`i.${it.id}.${f.id}.${o.id}.fb`, o.feedback),
            correct: !!o.correct,
          })),
        })),
      };
    }
  }

  const scenarioDefs: Record<string, ScenarioDef> = {};
  for (const s of scenarios) {
    const k = `s.${s.id}`;
    const nodes: Record<string, NodeDef> = {};
    for (const n of s.nodes) {
      const nk = `${k}.${n.id}`;
      if (n.type === 'decision') {
        nodes[n.id] = {
          id: n.id,
          kind: 'decision',
          prompt: rich(nk, n.prompt),
          clauses: n.clauses ?? [],
          ...gaps(n),
          options: n.options.map((o) => ({
            id: o.id,
            text: label(`${nk}.${o.id}`, o.text),
            feedback: rich(`${nk}.${o.id}.fb`, o.feedback),
            best: !!o.best,
            clauses: o.clauses ?? [],
            ...gaps(o),
            next: o.next,
            ...(o.score !== undefined ? { score: o.score } : {}),
            ...(o.flag ? { flag: o.flag } : {}),
          })),
        };
      } else if (n.type === 'ending') {
        nodes[n.id] = { id: n.id, kind: 'ending', text: rich(nk, n.text), ...(n.title ? { title: label(`${nk}.t`, n.title) } : {}), ...gaps(n) };
      } else {
        nodes[n.id] = { id: n.id, kind: n.type, text: rich(nk, n.text), next: n.next, ...(n.title ? { title: label(`${nk}.t`, n.title) } : {}), ...gaps(n) };
      }
    }
    scenarioDefs[s.id] = {
      id: s.id,
      ...scope(s),
      title: label(`${k}.title`, s.title),
      clauses: s.clauses,
      objectives: s.objectives ?? [],
      ...(s.notice ? { notice: rich(`${k}.notice`, s.notice) } : {}),
      start: s.start,
      nodes,
    };
  }

  const definition: CourseDefinition = {
    format: COMPILED_FORMAT_VERSION,
    id: course.id,
    version: course.version,
    languages: course.languages,
    title: label('course.title', course.title),
    tracks: course.tracks.map((t) => ({
      id: t.id,
      title: label(`track.${t.id}`, t.title),
      ...(t.description ? { description: rich(`track.${t.id}.d`, t.description) } : {}),
    })),
    programmes: course.programmes.map((p) => ({ id: p.id, title: label(`prog.${p.id}`, p.title) })),
    modules: course.modules.filter((id) => byId.has(id)).map((id) => {
      const m = byId.get(id)!;
      const steps: StepDef[] = m.steps.map((st) => {
        if ('page' in st) {
          const p = st.page;
          return { kind: 'page', id: p.id, title: label(`m.${m.id}.${p.id}.t`, p.title), body: rich(`m.${m.id}.${p.id}`, p.body), notice: !!p.notice, clauses: p.clauses ?? [], ...gaps(p) };
        }
        if ('scenario' in st) return { kind: 'scenario', id: st.scenario };
        return { kind: 'check', id: `check-${st.check}`, item: st.check };
      });
      return { id: m.id, ...scope(m), title: label(`m.${m.id}`, m.title), ...(m.minutes ? { minutes: m.minutes } : {}), clauses: m.clauses, objectives: m.objectives ?? [], steps };
    }),
    scenarios: scenarioDefs,
    items,
    assessment: {
      attempts: course.assessment.attempts,
      sections: course.assessment.sections.map((s) => ({
        id: s.id,
        title: label(`sec.${s.id}`, s.title),
        tracks: s.tracks ?? null,
        modules: s.modules,
        draw: s.draw,
        minPerModule: s.minPerModule ?? 0,
        passingScore: s.passingScore,
      })),
    },
    clauses: Object.fromEntries(Object.entries(course.clauses).map(([id, b]) => [id, label(`clause.${id}`, b)])),
    objectives: Object.fromEntries(Object.entries(course.objectives).map(([id, b]) => [id, label(`obj.${id}`, b)])),
    glossary: (course.glossary ?? []).map((g) => ({ id: g.id, term: label(`gl.${g.id}`, g.term), definition: rich(`gl.${g.id}.d`, g.definition) })),
    ...(course.gaps ? { gaps: Object.fromEntries(Object.entries(course.gaps).map(([id, g]) => [id, rich(`gap.${id}`, g.note)])) } : {}),
  };

  const tokenText = (v: string | Bilingual, lang: Lang) => (typeof v === 'string' ? v : v[lang]);
  // An unconfirmed value with a "pending" wording is not shown as if it were settled.
  const shown = (t: CourseSource['tokens'][string]) => (t.confirmed === false && t.pending ? t.pending : t.value);
  const content = Object.fromEntries(
    (['fr', 'en'] as const).map((lang) => [
      lang,
      {
        lang,
        text: text[lang],
        tokens: Object.fromEntries(Object.entries(course.tokens).map(([k, t]) => [k, tokenText(shown(t), lang)])),
        programmeTokens: Object.fromEntries(
          course.programmes.map((p) => [p.id, Object.fromEntries(Object.entries(p.tokens ?? {}).map(([k, v]) => [k, tokenText(v, lang)]))]),
        ),
      } satisfies ContentStrings,
    ]),
  ) as Record<Lang, ContentStrings>;

  definition.reading = readingFigures(definition, content);
  return { definition, content };
}
