/**
 * The one interface between the course and whatever records it: a SCORM 1.2 or 2004 LMS, or
 * the browser alone. The application talks only to this; it never throws into the screen.
 */
import type { Lang, TextKey } from '../engine/definition.ts';
import type { TimedDomainEvent } from '../engine/session.ts';

/** What the LMS tells the course at launch. */
export interface LaunchData {
  /** Who the LMS says the learner is (its own id), or null without an LMS. */
  learnerId: string | null;
  /** Display name ("First Last"), when the LMS gives one. */
  learnerName: string | null;
  /** The learner's language preference in the LMS, when it maps to a course language. */
  language: Lang | null;
  /** The saved journey (see engine/journey.ts), or null on a first launch. */
  suspendData: string | null;
}

/**
 * Where a restored journey stands, as the app worked it out by replaying it (the LMS layer
 * never replays journeys itself): the learner's track and the assessment answers of the
 * attempt under way (none outside the assessment).
 */
export interface RestoredState {
  track: string | null;
  answers: { item: string; correct: boolean }[];
}

/** What to keep after each meaningful step. */
export interface SavePoint {
  /** Encoded journey: the whole resumable state. */
  journey: string;
  /** A short human-readable place, e.g. "m4-gifts-money-property/3". */
  location: string;
  /** 0..1 share of the learner's path done. */
  progress: number;
}

/** Where the learner's progress is kept, when it is not simply in the LMS. */
export type LmsNotice =
  | { kind: 'local-only' } // no LMS found (or it cannot hold the whole journey): progress is kept in this browser
  | { kind: 'lms-lost' } // the LMS failed or vanished: progress kept locally, will retry
  | { kind: 'lms-restored' };

/** The course's one way to the LMS (or to the browser alone). No method throws. */
export interface LmsAdapter {
  readonly kind: 'scorm12' | 'scorm2004' | 'cmi5' | 'local' | 'memory';
  /**
   * Initializes the session and reads what the course needs, writing nothing: a tab that
   * another tab of the same learner already writes from reads, then waits.
   */
  launchData(): LaunchData;
  /**
   * Starts writing (launchData() first if need be); returns the same launch data. Called once
   * per page load. `journey`: a newer journey than the LMS gave, saved by a tab this one
   * took over from; the adapter reads the learner's state from it instead.
   */
  start(journey?: string | null): LaunchData;
  /** Stores the resumable state (suspend data, location, progress); commits throttled. */
  save(point: SavePoint): void;
  /** Maps one domain event to what the LMS records (interactions, objectives, status, score). */
  report(event: TimedDomainEvent): void;
  /** Commits now (page hidden or closing). */
  flush(): void;
  /** Ends the session (exit, session time, final commit). Nothing is sent after. */
  finish(): void;
  onNotice(listener: (n: LmsNotice) => void): () => void;
  /** Optional: stops sending at once, timers and page-hide included (another tab writes now). */
  pause?(): void;
  /** Optional: sends again after pause(). */
  resume?(): void;
  /**
   * Optional: content text in the learner's current language, for what the LMS shows to
   * managers (2004 interaction and objective descriptions). Called once the text is loaded.
   */
  useText?(text: (key: TextKey) => string, lang: () => Lang): void;
  /**
   * Optional: told after each restore (launch, take-over), before any learner event, so the
   * records of an attempt under way go on from the answers already given.
   */
  restored?(state: RestoredState): void;
  /**
   * Optional: the latest journey this adapter itself keeps in this browser, for any tab of the
   * course to read (the adapter without an LMS). A tab taking over resumes from it, and the
   * single-writer gate keeps no copy of its own.
   */
  keptJourney?(): string | null;
}
