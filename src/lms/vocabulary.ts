/**
 * What each SCORM version accepts: vocabularies and limits, from the run-time
 * specifications (1.2 RTE §3.4, 2004 4th edition RTE §4.2). The adapter checks every value
 * against these before it reaches the LMS, because the test runtimes are more lenient.
 */

/** The two SCORM versions the course speaks. */
export type ScormVersion = '1.2' | '2004';

/** Sizes and counts the adapter keeps to, per version. */
export interface Limits {
  /** `cmi.suspend_data` characters. 1.2: 4096 (some LMSs hard-stop there). */
  suspendData: number;
  /** `cmi.core.lesson_location` / `cmi.location`. */
  location: number;
  /** Identifiers we write (interactions, objectives, responses). */
  identifier: number;
  /** Interaction description (2004 only; 1.2 has none). */
  description: number;
  /** Interactions every LMS must take (2004's smallest permitted maximum; 1.2 sets none). */
  interactions: number;
  /** Objectives: 2004's smallest permitted maximum. */
  objectives: number;
}

/** The limits of each version (RTE data model, smallest permitted maximums). */
export const LIMITS: Record<ScormVersion, Limits> = {
  '1.2': { suspendData: 4096, location: 255, identifier: 255, description: 0, interactions: 250, objectives: 100 },
  '2004': { suspendData: 64000, location: 1000, identifier: 250, description: 250, interactions: 250, objectives: 100 },
};

/** The values each version's vocabulary elements accept. */
export const VOCABULARY = {
  '1.2': {
    lessonStatus: ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'],
    exit: ['time-out', 'suspend', 'logout', ''],
    interactionType: ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'],
    result: ['correct', 'wrong', 'unanticipated', 'neutral'],
    objectiveStatus: ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'],
  },
  '2004': {
    completionStatus: ['completed', 'incomplete', 'not attempted', 'unknown'],
    successStatus: ['passed', 'failed', 'unknown'],
    exit: ['time-out', 'suspend', 'logout', 'normal', ''],
    interactionType: ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'],
    result: ['correct', 'incorrect', 'unanticipated', 'neutral'],
  },
} as const;

/** Whether `value` belongs to the vocabulary list. */
export function inVocabulary(list: readonly string[], value: string): boolean {
  return list.includes(value);
}

/** The strict 1.2 CMIIdentifier (letters, digits, `-`, `_`), which every LMS of either version accepts. */
export const PORTABLE_IDENTIFIER = /^[A-Za-z0-9_-]+$/;

/**
 * Choice identifiers in 2004 responses and patterns: Moodle refuses (error 406) anything but
 * letters, digits, `_` and `.` there, although the specification allows more.
 */
export const CHOICE_IDENTIFIER = /^[A-Za-z0-9_.]{1,250}$/;

/**
 * 1.2 `choice` responses are single characters `0-9a-z`; option n (in the order the course
 * file lists them) is written as `a`, `b`, … then `0`…`9`.
 */
export const CHOICE_CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';
