/**
 * What the course tells the LMS, before it is written in either version's words. The
 * mapping (mapping.ts) produces these from domain events; a dialect (dialect-12.ts,
 * dialect-2004.ts) turns them into element writes. Plain JSON, so the ones not yet committed
 * can be kept in the browser and sent at the next launch.
 */
/** Completion, in both versions' shared words. */
export type Completion = 'not attempted' | 'incomplete' | 'completed';
/** Success, in both versions' shared words (unknown is `null`). */
export type Success = 'passed' | 'failed';

/** One learner answer: a scenario decision, a knowledge check, an assessment item, the attestation. */
export interface InteractionRecord {
  /** Identifier parts (see identifiers.ts `ids`), joined per version. */
  id: string[];
  type: 'choice' | 'true-false';
  /** Every option id in the order the course file lists them (1.2 letters follow this order). */
  options: string[];
  response: string[];
  /** Right option ids, or null when there is no right answer. */
  correct: string[] | null;
  result: 'correct' | 'incorrect' | 'neutral';
  /** Learning objectives the answer bears on (course objective ids such as `LO7`). */
  objectives: string[];
  at: number;
  latencyMs: number;
  /** The question in the learner's language ('' when no text is available). */
  description: string;
  lang: string;
}

/** A module, the track or an assessment section. */
export interface ObjectiveRecord {
  id: string[];
  completion?: Completion;
  success?: Success;
  /** 0–100. */
  score?: number;
  description?: string;
  lang?: string;
}

/** The course as a whole. */
export interface CourseRecord {
  completion?: Completion;
  success?: Success;
  /** 0–100, the raw score as reported (1.2: see `courseResult` in mapping.ts). */
  score?: number;
  /** 0–100, the score 2004 writes as `score.scaled` when it must differ from `score` (see `held`). */
  scaled?: number;
  /** 0..1. */
  progress?: number;
  exit?: 'suspend' | 'normal';
}

/** One unit of work for the LMS. */
export type Op =
  | { t: 'ia'; r: InteractionRecord }
  | { t: 'obj'; r: ObjectiveRecord }
  | { t: 'course'; r: CourseRecord }
  | { t: 'save'; journey: string; location: string; progress: number };

/** Completion and success together, merged so a status never goes back (see `mergeStatus`). */
export interface StatusState {
  completion: Completion;
  success: Success | null;
}

const completionRank: Record<Completion, number> = { 'not attempted': 0, incomplete: 1, completed: 2 };
const successRank = (s: Success | null) => (s === 'passed' ? 2 : s === 'failed' ? 1 : 0);

/**
 * Merges a new status into the known one without going back: a completed module or a passed
 * course stays so (a learner reviewing the course after passing keeps the pass).
 */
export function mergeStatus(known: StatusState, next: { completion?: Completion; success?: Success }): StatusState {
  return {
    completion: next.completion && completionRank[next.completion] > completionRank[known.completion] ? next.completion : known.completion,
    success: next.success && successRank(next.success) > successRank(known.success) ? next.success : known.success,
  };
}

/** The single 1.2 status for a merged state. */
export function lessonStatus12(s: StatusState): string {
  if (s.success) return s.success;
  if (s.completion === 'completed') return 'completed';
  return s.completion === 'incomplete' ? 'incomplete' : 'not attempted';
}

/** Reads a 1.2 status (course or objective) back into a state. */
export function stateFrom12(status: string): StatusState {
  switch (status) {
    case 'passed': return { completion: 'completed', success: 'passed' };
    case 'failed': return { completion: 'incomplete', success: 'failed' };
    case 'completed': return { completion: 'completed', success: null };
    case 'incomplete': return { completion: 'incomplete', success: null };
    default: return { completion: 'not attempted', success: null };
  }
}

/** Reads 2004 completion and success back into a state. */
export function stateFrom2004(completion: string, success: string): StatusState {
  return {
    completion: completion === 'completed' || completion === 'incomplete' ? completion : 'not attempted',
    success: success === 'passed' || success === 'failed' ? success : null,
  };
}

