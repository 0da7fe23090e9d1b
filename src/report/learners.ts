/**
 * From raw attempts (every file, every LMS attempt) to one learner each: the content version
 * that reads their answers, each answer decoded to option ids, track, programme, assessment
 * attempts and a status in the course's own terms. Every answer it cannot place is a problem.
 */
import type { Lang } from '../engine/definition.ts';
import { sectionsFor } from '../engine/scope.ts';
import { passingScore } from '../build/package-manifest.ts';
import type { CourseIndex, Target } from './course-index.ts';
import type { LearnerAttempt, Origin, Problem, RawAnswer, ReadResult } from './model.ts';
import { problem } from './problems.ts';

/** The status a manager reads, in the course's words (see strings.ts). */
export type Status = 'not-started' | 'in-progress' | 'failed' | 'passed' | 'completed';

export interface Answer {
  target: Target;
  options: string[];
  /** Best option (decision) or right answer (question). */
  correct: boolean;
  origin: RawAnswer['origin'];
}

export interface Learner {
  key: string;
  name: string;
  email: string;
  version: CourseIndex;
  track: string | null;
  programme: string | null;
  status: Status;
  score: number | null;
  /** Assessment attempts, each the answers in it. */
  attempts: Answer[][];
  answers: Answer[];
  started: number | null;
  lastAccess: number | null;
  timeSpentMs: number | null;
  /** LMS attempts merged into this learner. */
  lmsAttempts: number;
  origins: Origin[];
}

function merge(results: ReadResult[], problems: Problem[]) {
  const byKey = new Map<string, { parts: LearnerAttempt[] }>();
  for (const r of results) for (const a of r.attempts) {
    const e = byKey.get(a.key) ?? { parts: [] };
    e.parts.push(a);
    byKey.set(a.key, e);
  }
  return [...byKey.values()].map(({ parts }) => {
    // The same learner and LMS attempt in two interaction files: keep the first, say so.
    const withAnswers = new Map<number, LearnerAttempt>();
    const answers: RawAnswer[] = [];
    for (const p of [...parts].sort((a, b) => a.lmsAttempt - b.lmsAttempt)) {
      if (!p.answers.length) continue;
      const seen = withAnswers.get(p.lmsAttempt);
      if (seen && seen.origins[0].file !== p.origins[0].file) {
        problems.push(problem(p.origins[0], `réponses déjà lues dans ${seen.origins[0].file} pour cet apprenant et cette tentative : cette ligne est ignorée.`, `answers already read from ${seen.origins[0].file} for this learner and attempt: this row is skipped.`));
        continue;
      }
      withAnswers.set(p.lmsAttempt, p);
      answers.push(...p.answers);
    }
    return { parts, answers };
  });
}

const strength = { 'not attempted': 0, browsed: 1, incomplete: 1, failed: 2, passed: 3, completed: 4 } as const;

/** Builds every learner; `versions` are the content versions known, newest first. */
export function learnersOf(results: ReadResult[], versions: CourseIndex[], problems: Problem[]): Learner[] {
  const merged = merge(results, problems);
  const unknown = new Map<string, { origin: Origin; lines: number[]; id: string }>();
  const learners = merged.map(({ parts, answers: raw }) => {
    const first = parts[0];
    const stated = parts.find((p) => p.contentVersion)?.contentVersion;
    // The content version that knows most of this learner's answers (the stated one first).
    const ranked = versions
      .map((v, i) => ({ v, i, known: raw.filter((a) => v.target(a.id)).length, stated: stated === v.def.version }))
      .sort((a, b) => Number(b.stated) - Number(a.stated) || b.known - a.known || a.i - b.i);
    const version = ranked[0].v;
    const answers: Answer[] = [];
    for (const a of raw) {
      const t = version.target(a.id);
      if (!t) {
        const k = `${a.origin.file}\u0000${a.id}`;
        const u = unknown.get(k) ?? { origin: a.origin, lines: [], id: a.id };
        u.lines.push(a.origin.line);
        unknown.set(k, u);
        continue;
      }
      const fileVersion = results.find((r) => r.file === a.origin.file)?.version;
      const options = version.decode(t, a.response, fileVersion);
      if (!options) {
        problems.push(problem(a.origin, `${a.origin.column ?? ''} « ${a.id} » : la réponse « ${a.response} » ne correspond à aucune option (version ${version.def.version}).`, `${a.origin.column ?? ''} "${a.id}": response "${a.response}" matches no option (version ${version.def.version}).`));
        continue;
      }
      answers.push({ target: t, options, correct: isCorrect(version, t, options, a.result), origin: a.origin });
    }
    const objectives = Object.assign({}, ...parts.map((p) => p.objectives)) as Record<string, string>;
    const track = trackOf(version, parts, objectives, answers);
    const programme = parts.find((p) => p.programme)?.programme ?? programmeOf(version, objectives, answers);
    const attempts = splitAttempts(version, track, answers);
    const latest = [...parts].sort((a, b) => b.lmsAttempt - a.lmsAttempt)[0];
    const score = parts.map((p) => p.score).filter((s): s is number => s !== undefined).at(-1) ?? null;
    const lmsStatus = parts.map((p) => p.status).filter(Boolean).sort((a, b) => strength[b!] - strength[a!])[0];
    const started = min(parts.map((p) => p.started));
    const lastAccess = max(parts.map((p) => p.lastAccess));
    const xapiTime = parts.map((p) => p.timeSpentMs).filter((t): t is number => t !== undefined);
    return {
      key: first.key,
      name: parts.find((p) => p.name)?.name ?? '',
      email: parts.find((p) => p.email)?.email ?? '',
      version,
      track,
      programme,
      status: statusOf(version, track, lmsStatus, score, answers),
      score,
      attempts,
      answers,
      started,
      lastAccess,
      timeSpentMs: xapiTime.length ? xapiTime.reduce((s, t) => s + t, 0) : started !== null && lastAccess !== null ? lastAccess - started : null,
      lmsAttempts: new Set(parts.map((p) => p.lmsAttempt).filter((n) => n > 0)).size || (latest.lmsAttempt > 0 ? 1 : 0),
      origins: parts.flatMap((p) => p.origins),
    } satisfies Learner;
  });
  for (const u of unknown.values()) {
    const lines = [...new Set(u.lines)];
    const rows = lines.slice(0, 8).join(', ') + (lines.length > 8 ? '…' : '');
    const known = versions.map((v) => v.def.version).join(', ');
    problems.push(problem(u.origin, `id d'interaction « ${u.id} » inconnu des versions du contenu lues (${known}) : ${u.lines.length} réponse(s) non comptée(s), lignes ${rows}. Autre version du cours ? Ajoutez-la avec --content <dossier>.`, `interaction id "${u.id}" unknown to the content versions read (${known}): ${u.lines.length} answer(s) not counted, rows ${rows}. Another version of the course? Add it with --content <dir>.`));
  }
  return learners;
}

const min = (xs: (number | undefined)[]) => xs.reduce<number | null>((m, x) => (x === undefined ? m : m === null ? x : Math.min(m, x)), null);
const max = (xs: (number | undefined)[]) => xs.reduce<number | null>((m, x) => (x === undefined ? m : m === null ? x : Math.max(m, x)), null);

function isCorrect(v: CourseIndex, t: Target, options: string[], result: string): boolean {
  if (t.kind === 'decision') {
    const node = v.def.scenarios[t.scenario].nodes[t.node];
    if (node.kind === 'decision') return node.options.find((o) => o.id === options[0])?.best ?? false;
  }
  if (t.kind === 'check' || t.kind === 'assessment') {
    const form = v.def.items[t.item].forms.find((f) => f.id === t.form)!;
    const right = form.options.filter((o) => o.correct).map((o) => o.id).sort();
    return right.join('\u0000') === [...options].sort().join('\u0000');
  }
  return result === 'correct';
}

/** Track: stated, objective `trk_…`, package title, else what only one track meets. */
function trackOf(v: CourseIndex, parts: LearnerAttempt[], objectives: Record<string, string>, answers: Answer[]): string | null {
  const stated = parts.find((p) => p.track)?.track;
  if (stated) return stated;
  for (const t of v.def.tracks) if (objectives[`trk_${t.id}`]) return t.id;
  const scoped = (tracks: string[] | null) => tracks?.length === 1 ? tracks[0] : null;
  for (const a of answers) {
    const tr = a.target.kind === 'decision' ? scoped(v.def.scenarios[a.target.scenario].tracks) : a.target.kind === 'attestation' ? null : scoped(v.def.items[a.target.item].tracks) ?? scoped(v.def.modules.find((m) => m.id === v.def.items[(a.target as { item: string }).item].module)?.tracks ?? null);
    if (tr) return tr;
  }
  // An assessment taken without any item of a track-only section: the track without one.
  if (answers.some((a) => a.target.kind === 'assessment')) {
    const plain = v.def.tracks.filter((t) => sectionsFor(v.def, t.id).every((s) => !s.tracks));
    if (plain.length === 1) return plain[0].id;
  }
  return null;
}

function programmeOf(v: CourseIndex, objectives: Record<string, string>, answers: Answer[]): string | null {
  for (const m of v.def.modules) if (m.programmes?.length === 1 && objectives[`mod_${m.id}`]) return m.programmes[0];
  for (const a of answers) {
    if (a.target.kind !== 'check' && a.target.kind !== 'assessment') continue;
    const m = v.def.modules.find((x) => x.id === v.def.items[(a.target as { item: string }).item].module);
    if (m?.programmes?.length === 1) return m.programmes[0];
  }
  return null;
}

/** Assessment answers cut into attempts: a new one when the draw is full or a question comes back. */
function splitAttempts(v: CourseIndex, track: string | null, answers: Answer[]): Answer[][] {
  const sections = track ? sectionsFor(v.def, track) : v.def.assessment.sections.filter((s) => !s.tracks);
  const size = sections.reduce((n, s) => n + s.draw, 0) || Infinity;
  const out: Answer[][] = [];
  let cur: Answer[] = [];
  let items = new Set<string>();
  for (const a of answers) {
    if (a.target.kind !== 'assessment') continue;
    if (cur.length >= size || items.has(a.target.item)) {
      out.push(cur);
      cur = [];
      items = new Set();
    }
    cur.push(a);
    items.add(a.target.item);
  }
  if (cur.length) out.push(cur);
  return out;
}

function statusOf(v: CourseIndex, track: string | null, lms: LearnerAttempt['status'], score: number | null, answers: Answer[]): Status {
  if (answers.some((a) => a.target.kind === 'attestation') || lms === 'completed') return 'completed';
  if (lms === 'passed') return 'passed';
  if (lms === 'failed') return 'failed';
  // A stored score means the assessment was taken; the package holds a failed score under the pass mark.
  if (score !== null) return score >= passingScore(v.def, track) ? 'passed' : 'failed';
  if (!answers.length && lms === 'not attempted') return 'not-started';
  return 'in-progress';
}

export type { Lang };
