/**
 * The report's figures, from the learners: completion and follow-up, decisions per scenario,
 * poor choices, question statistics (facility, point-biserial discrimination, distractors,
 * flags) and clauses right first time. Plain data, rendered by render-*.ts.
 */
import type { Lang } from '../engine/definition.ts';
import type { CourseIndex } from './course-index.ts';
import type { Answer, Learner, Status } from './learners.ts';

type Text = Record<Lang, string>;

export type FollowUp = 'not-started' | 'stalled' | 'failed-attempts-left' | 'attempts-exhausted';

export interface LearnerRow {
  /** Display label: the name with --names, else "Learner 12". */
  n: number;
  name: string;
  email: string;
  status: Status;
  track: string | null;
  programme: string | null;
  score: number | null;
  attempts: number;
  timeSpentMs: number | null;
  lastAccess: number | null;
  followUp: FollowUp | null;
}

export interface OptionFigure { id: string; text: Text; best: boolean; first: number; all: number; clauses: string[] }
export interface DecisionFigure { scenario: string; node: string; prompt: Text; learners: number; choices: number; options: OptionFigure[] }
export interface ScenarioFigure { id: string; title: Text; decisions: DecisionFigure[] }
export interface PoorChoice { scenario: string; scenarioTitle: Text; node: string; option: string; text: Text; first: number; share: number; clauses: string[] }
export type Flag = 'too-easy' | 'too-hard' | 'negative-discrimination' | 'few-answers';
export interface QuestionFigure {
  key: string; kind: 'check' | 'assessment'; item: string; form: string; stem: Text; answers: number; right: number;
  facility: number | null; discrimination: number | null;
  options: { id: string; text: Text; correct: boolean; count: number }[];
  flags: Flag[];
}
export interface ClauseFigure { id: string; text: Text; answers: number; right: number; share: number | null }

export interface Figures {
  rows: LearnerRow[];
  byStatus: Record<Status, number>;
  scenarios: ScenarioFigure[];
  poor: PoorChoice[];
  questions: QuestionFigure[];
  clauses: ClauseFigure[];
  asOf: number | null;
}

export interface FigureOptions {
  /** Days without access after which a learner in progress counts as stalled. */
  stalledDays: number;
  /** The report's "today" (ms); default: the latest access in the data, so reports are reproducible. */
  asOf?: number;
}

/** Answers a learner gave first at each decision or question, in order. */
function firsts(answers: Answer[]): Answer[] {
  const seen = new Set<string>();
  return answers.filter((a) => (seen.has(a.target.key) ? false : (seen.add(a.target.key), true)));
}

const both = (v: CourseIndex, key: string | undefined): Text => ({ fr: v.text('fr', key), en: v.text('en', key) });

export function figuresOf(learners: Learner[], main: CourseIndex, opts: FigureOptions): Figures {
  const latest = learners.reduce<number | null>((m, l) => (l.lastAccess === null ? m : Math.max(m ?? 0, l.lastAccess)), null);
  const asOf = opts.asOf ?? latest;
  const limit = main.def.assessment.attempts;
  const rows: LearnerRow[] = learners.map((l, i) => {
    let followUp: FollowUp | null = null;
    if (l.status === 'not-started') followUp = 'not-started';
    else if (l.status === 'failed') followUp = limit > 0 && l.attempts.length >= limit ? 'attempts-exhausted' : 'failed-attempts-left';
    else if (l.status === 'in-progress' && asOf !== null && l.lastAccess !== null && asOf - l.lastAccess > opts.stalledDays * 86400000) followUp = 'stalled';
    return { n: i + 1, name: l.name, email: l.email, status: l.status, track: l.track, programme: l.programme, score: l.score, attempts: l.attempts.length, timeSpentMs: l.timeSpentMs, lastAccess: l.lastAccess, followUp };
  });
  const byStatus = { 'not-started': 0, 'in-progress': 0, failed: 0, passed: 0, completed: 0 } as Record<Status, number>;
  for (const r of rows) byStatus[r.status]++;
  const first = learners.map((l) => firsts(l.answers));
  const scenarios = scenarioFigures(learners, first, main);
  return { rows, byStatus, scenarios, poor: poorChoices(scenarios), questions: questionFigures(learners, first, main), clauses: clauseFigures(first, main), asOf };
}

function scenarioFigures(learners: Learner[], first: Answer[][], v: CourseIndex): ScenarioFigure[] {
  const out: ScenarioFigure[] = [];
  for (const m of v.def.modules) for (const step of m.steps) {
    if (step.kind !== 'scenario' || out.some((s) => s.id === step.id)) continue;
    const sc = v.def.scenarios[step.id];
    const decisions: DecisionFigure[] = [];
    for (const n of Object.values(sc.nodes)) {
      if (n.kind !== 'decision') continue;
      const key = `${sc.id}/${n.id}`;
      const count = (list: Answer[], o: string) => list.filter((a) => a.target.key === key && a.options[0] === o).length;
      const options = n.options.map((o) => ({
        id: o.id, text: both(v, o.text), best: o.best, clauses: o.clauses.length ? o.clauses : n.clauses,
        first: first.reduce((s, f) => s + count(f, o.id), 0),
        all: learners.reduce((s, l) => s + count(l.answers, o.id), 0),
      }));
      decisions.push({ scenario: sc.id, node: n.id, prompt: both(v, n.prompt), learners: options.reduce((s, o) => s + o.first, 0), choices: options.reduce((s, o) => s + o.all, 0), options });
    }
    out.push({ id: sc.id, title: both(v, sc.title), decisions });
  }
  return out;
}

function poorChoices(scenarios: ScenarioFigure[]): PoorChoice[] {
  const all: PoorChoice[] = [];
  for (const s of scenarios) for (const d of s.decisions) for (const o of d.options) {
    if (o.best || !o.first) continue;
    all.push({ scenario: s.id, scenarioTitle: s.title, node: d.node, option: o.id, text: o.text, first: o.first, share: o.first / d.learners, clauses: o.clauses });
  }
  return all.sort((a, b) => b.first - a.first || b.share - a.share || a.scenario.localeCompare(b.scenario)).slice(0, 10);
}

/** Point-biserial correlation of a 0/1 item with the rest of the score; null when undefined. */
export function pointBiserial(pairs: { right: boolean; rest: number }[]): number | null {
  const n = pairs.length;
  const ones = pairs.filter((p) => p.right);
  const p = ones.length / n;
  if (n < 2 || p === 0 || p === 1) return null;
  const mean = pairs.reduce((s, x) => s + x.rest, 0) / n;
  const sd = Math.sqrt(pairs.reduce((s, x) => s + (x.rest - mean) ** 2, 0) / n);
  if (sd === 0) return null;
  const m1 = ones.reduce((s, x) => s + x.rest, 0) / ones.length;
  const zeros = pairs.filter((x) => !x.right);
  const m0 = zeros.reduce((s, x) => s + x.rest, 0) / zeros.length;
  return ((m1 - m0) / sd) * Math.sqrt(p * (1 - p));
}

export const MIN_ANSWERS = 10;

function questionFigures(learners: Learner[], first: Answer[][], v: CourseIndex): QuestionFigure[] {
  const out: QuestionFigure[] = [];
  // Assessment statistics use each learner's first attempt: later attempts follow feedback.
  const firstAttempts = learners.map((l) => l.attempts[0] ?? []);
  for (const item of Object.values(v.def.items)) {
    const kinds: ('check' | 'assessment')[] = item.checkOnly ? ['check'] : ['check', 'assessment'];
    for (const kind of kinds) for (const form of kind === 'check' ? [item.forms[0]] : item.forms) {
      const key = kind === 'check' ? `chk:${item.id}` : `asm:${form.id}`;
      const answers = kind === 'check' ? first.flatMap((f) => f.filter((a) => a.target.key === key)) : firstAttempts.flatMap((at) => at.filter((a) => a.target.key === key));
      if (!answers.length) continue;
      const right = answers.filter((a) => a.correct).length;
      let discrimination: number | null = null;
      if (kind === 'assessment') {
        const pairs = firstAttempts
          .filter((at) => at.some((a) => a.target.key === key))
          .map((at) => {
            const mine = at.find((a) => a.target.key === key)!;
            const others = at.filter((a) => a !== mine);
            return { right: mine.correct, rest: others.length ? others.filter((a) => a.correct).length / others.length : 0 };
          });
        discrimination = pointBiserial(pairs);
      }
      const facility = right / answers.length;
      const flags: Flag[] = [];
      if (answers.length < MIN_ANSWERS) flags.push('few-answers');
      else {
        if (facility > 0.95) flags.push('too-easy');
        if (facility < 0.2) flags.push('too-hard');
        if (discrimination !== null && discrimination < 0) flags.push('negative-discrimination');
      }
      out.push({
        key, kind, item: item.id, form: form.id, stem: both(v, form.stem), answers: answers.length, right, facility, discrimination, flags,
        options: form.options.map((o) => ({ id: o.id, text: both(v, o.text), correct: o.correct, count: answers.filter((a) => a.options.includes(o.id)).length })),
      });
    }
  }
  return out;
}

function clauseFigures(first: Answer[][], v: CourseIndex): ClauseFigure[] {
  const tally = new Map<string, { answers: number; right: number }>();
  for (const f of first) for (const a of f) {
    const t = a.target;
    const clauses = t.kind === 'decision' ? (v.def.scenarios[t.scenario].nodes[t.node] as { clauses?: string[] }).clauses ?? [] : t.kind === 'attestation' ? [] : v.def.items[t.item].clauses;
    for (const c of clauses) {
      const e = tally.get(c) ?? { answers: 0, right: 0 };
      e.answers++;
      if (a.correct) e.right++;
      tally.set(c, e);
    }
  }
  return Object.keys(v.def.clauses)
    .map((id) => ({ id, text: both(v, v.def.clauses[id]), ...(tally.get(id) ?? { answers: 0, right: 0 }) }))
    .map((c) => ({ ...c, share: c.answers ? c.right / c.answers : null }))
    .sort((a, b) => (a.share ?? 2) - (b.share ?? 2) || a.id.localeCompare(b.id));
}
