/**
 * A SCORM version's words: element names, formats and vocabularies. `dialect-12.ts` and
 * `dialect-2004.ts` implement it; the adapter never spells an element itself.
 */
import type { CourseRecord, InteractionRecord, ObjectiveRecord, StatusState } from './records.ts';
import type { Limits, ScormVersion } from './vocabulary.ts';

/** An element and the value to write, in writing order. */
export type Write = [element: string, value: string];

/** What the adapter reads at launch. */
export interface LaunchElements {
  learnerId: string;
  learnerName: string;
  language: string;
  entry: string;
  mode: string;
  suspendData: string;
  interactionsCount: string;
  objectivesCount: string;
  objectiveId: (n: number) => string;
}

/** One SCORM version's way of writing records (see records.ts) and reading launch data. */
export interface Dialect {
  version: ScormVersion;
  limits: Limits;
  read: LaunchElements;
  /** Elements holding the course status, read at launch. */
  statusElements: string[];
  /** The course state from the values of `statusElements`. */
  statusFrom(values: string[]): StatusState;
  /** The LMS's own passing score (0–100) from its mastery element, if it has one. */
  masteryElement: string;
  masteryFrom(value: string): number | null;
  /** Status elements of an objective (to read its state back at launch). */
  objectiveStatusElements(n: number): string[];
  interaction(n: number, r: InteractionRecord): Write[];
  objective(n: number, r: ObjectiveRecord, state: StatusState, isNew: boolean): Write[];
  course(state: StatusState, r: CourseRecord): Write[];
  /** Location and progress; suspend data separately so its length can be checked first. */
  place(location: string, progress: number): Write[];
  suspendElement: string;
  sessionTime(ms: number): Write;
  /** Exit value while the learner may come back. */
  suspendExit: Write;
}

/** Trims to `max` characters without cutting a surrogate pair in half. */
export function fit(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return out;
}

/** A 0–100 score as written (at most two decimals). */
export const score100 = (n: number) => String(Math.round(Math.min(100, Math.max(0, n)) * 100) / 100);
