/**
 * Domain events → what the LMS records (docs/lms-reporting.md explains each id to managers).
 * Version-neutral: the dialects write the records in 1.2 or 2004 words.
 */
import type { CourseDefinition, Lang, TextKey } from '../engine/definition.ts';
import type { TimedDomainEvent } from '../engine/session.ts';
import { learnerPath } from '../engine/scope.ts';
import { ids } from './identifiers.ts';
import type { CourseRecord, InteractionRecord, ObjectiveRecord, Op } from './records.ts';
import type { ScormVersion } from './vocabulary.ts';

/** Resolves content text in the learner's current language ('' when unavailable). */
export interface TextSource {
  text(key: TextKey): string;
  lang(): Lang;
}

const NO_TEXT: TextSource = { text: () => '', lang: () => 'fr' };

/** Whitespace collapsed, so descriptions read as one line in LMS reports. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Turns each domain event into ops; remembers the track and the attempt under way. */
export class CmiMapper {
  /** The learner's track, once chosen (or read back from the LMS at launch). */
  track: string | null = null;
  private programme: string | null = null;
  source: TextSource = NO_TEXT;
  /** Right / asked per module in the assessment attempt under way, for the module scores. */
  private attempt = new Map<string, { right: number; asked: number }>();

  /**
   * @param mastery the passing score the LMS applies itself (1.2 `mastery_score`, 2004
   *   `scaled_passing_score` × 100), or null when it applies none.
   * @param version the status rules differ (see `courseResult`).
   */
  constructor(readonly def: CourseDefinition, readonly mastery: number | null, readonly version: ScormVersion) {}

  /** Answers already given in the attempt under way (a launch in the middle of the assessment). */
  seedAttempt(answers: { item: string; correct: boolean }[]): void {
    this.attempt.clear();
    for (const a of answers) this.count(a.item, a.correct);
  }

  private count(item: string, correct: boolean) {
    const module = this.def.items[item]?.module;
    if (!module) return;
    const m = this.attempt.get(module) ?? { right: 0, asked: 0 };
    m.asked++;
    if (correct) m.right++;
    this.attempt.set(module, m);
  }

  private say(...keys: (TextKey | undefined)[]): string {
    return oneLine(keys.filter((k): k is TextKey => !!k).map((k) => this.source.text(k)).filter(Boolean).join(': '));
  }

  /** The ops one domain event produces (none for events the LMS has no use for). */
  map({ event: e, at, latencyMs }: TimedDomainEvent): Op[] {
    const lang = this.source.lang();
    switch (e.type) {
      case 'track.chosen': {
        this.track = e.track;
        const t = this.def.tracks.find((x) => x.id === e.track);
        return [{ t: 'obj', r: { id: ids.track(e.track), completion: 'incomplete', description: this.say(t?.title), lang } }];
      }
      case 'programme.chosen': {
        this.programme = e.programme || null;
        // Every module of the learner's path is listed from the start, so a report shows what is left.
        return learnerPath(this.def, this.track, this.programme).map(({ module: m }) => ({
          t: 'obj' as const,
          r: { id: ids.module(m.id), completion: 'not attempted' as const, description: this.say(m.title), lang },
        }));
      }
      case 'module.completed':
        return [{ t: 'obj', r: { id: ids.module(e.module), completion: 'completed' } }];
      case 'decision.made': {
        const sc = this.def.scenarios[e.scenario];
        const node = sc?.nodes[e.node];
        if (!sc || node?.kind !== 'decision') return [];
        const r: InteractionRecord = {
          id: ids.decision(e.scenario, e.node),
          type: 'choice',
          options: node.options.map((o) => o.id),
          response: [e.option],
          correct: e.bestOption ? [e.bestOption] : null,
          result: !e.bestOption ? 'neutral' : e.best ? 'correct' : 'incorrect',
          objectives: sc.objectives,
          at,
          latencyMs,
          description: this.say(sc.title, node.prompt),
          lang,
        };
        return [{ t: 'ia', r }];
      }
      case 'item.answered': {
        const item = this.def.items[e.item];
        const form = item?.forms.find((f) => f.id === e.form);
        if (!item || !form) return [];
        if (e.section !== null) this.count(e.item, e.correct);
        const r: InteractionRecord = {
          id: e.section === null ? ids.check(e.item) : ids.assessment(e.form),
          type: e.itemType === 'truefalse' ? 'true-false' : 'choice',
          options: form.options.map((o) => o.id),
          response: e.selected,
          correct: e.correctOptions,
          result: e.correct ? 'correct' : 'incorrect',
          objectives: [e.objective],
          at,
          latencyMs,
          description: this.say(form.stem),
          lang,
        };
        return [{ t: 'ia', r }];
      }
      case 'assessment.finished': {
        const course = this.courseResult(e.score, e.passed, e.attempt);
        const ops: Op[] = [{ t: 'course', r: course }];
        if (this.track) ops.push({ t: 'obj', r: { id: ids.track(this.track), success: e.passed ? 'passed' : 'failed', score: e.score } });
        // Each module's score: its share of right answers in this attempt.
        for (const [module, m] of this.attempt) ops.push({ t: 'obj', r: { id: ids.module(module), score: Math.round((m.right / m.asked) * 100) } });
        this.attempt.clear();
        for (const s of e.sections) {
          const def = this.def.assessment.sections.find((x) => x.id === s.id);
          const r: ObjectiveRecord = { id: ids.section(s.id), completion: 'completed', success: s.passed ? 'passed' : 'failed', score: s.score, description: this.say(def?.title), lang };
          ops.push({ t: 'obj', r });
        }
        return ops;
      }
      case 'course.attested': {
        const t = this.def.tracks.find((x) => x.id === e.track);
        const ops: Op[] = [
          { t: 'ia', r: { id: ids.attestation(), type: 'true-false', options: ['true', 'false'], response: ['true'], correct: null, result: 'neutral', objectives: [], at, latencyMs, description: this.say(this.def.title, t?.title), lang } },
          { t: 'course', r: { completion: 'completed', progress: 1, exit: 'normal' } },
        ];
        if (e.track) ops.push({ t: 'obj', r: { id: ids.track(e.track), completion: 'completed' } });
        return ops;
      }
      default:
        return [];
    }
  }

  /**
   * What the course record says of an assessment attempt (docs/lms-reporting.md §2).
   *
   * SCORM 1.2 has a single status, and an LMS such as Moodle opens the next launch of a
   * failed, passed or completed SCO in review mode, and at LMSFinish rewrites the status from
   * the raw score against its mastery score. A `failed` written while attempts remain, or a
   * raw score the LMS would read as failed, would then outlive a later pass. So in 1.2 a
   * failed attempt with attempts left stays `incomplete` and, when the LMS applies a mastery
   * score, writes no score at all; `failed` and its score come with the last attempt only.
   *
   * SCORM 2004 keeps completion apart (a failed attempt stays `incomplete`, which no LMS
   * treats as final): success is written each time, the raw score is always the real one, and
   * only the scaled score is adjusted for the LMS's passing score (see `held`).
   */
  courseResult(score: number, passed: boolean, attempt: number): CourseRecord {
    const success = passed ? 'passed' : 'failed';
    if (this.version === '2004') return { success, score, scaled: this.held(score, passed) };
    const attempts = this.def.assessment.attempts;
    const last = passed || (attempts > 0 && attempt >= attempts);
    if (!last) return this.mastery === null ? { completion: 'incomplete', score } : { completion: 'incomplete' };
    return { success, score: this.held(score, passed) };
  }

  /**
   * The score an LMS that works out the status from the score alone must see so it keeps the
   * course's own result. The course can fail a learner at or above the LMS's passing score (a
   * key question missed, a section under its own pass mark): held one point under. An LMS
   * whose passing score is set above the course's pass mark would fail a learner the course
   * passed: raised to that passing score. The real score stays on the track objective.
   */
  held(score: number, passed: boolean): number {
    const m = this.mastery;
    if (m === null) return score;
    if (!passed && score >= m) return Math.max(0, Math.ceil(m) - 1);
    if (passed && score < m) return Math.min(100, m);
    return score;
  }
}
