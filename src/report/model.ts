/**
 * The normalised record model every reader produces, whatever the LMS or format: one
 * learner attempt with what the LMS said about it, and every answer in the order written.
 * Readers keep the raw values; the course index (course-index.ts) gives them meaning.
 */

/** Where a value came from, so every problem and figure can name its file and row. */
export interface Origin {
  file: string;
  /** 1-based line in the file (the header is usually line 1). */
  line: number;
}

/** Something the report could not read, shown in the report and on the console. */
export interface Problem extends Partial<Origin> {
  message: { fr: string; en: string };
}

/** One answer as the LMS stored it (SCORM interaction, or xAPI "answered" statement). */
export interface RawAnswer {
  /** Interaction id as written (`scn_smoke-break_dp1`), or an xAPI activity id. */
  id: string;
  /** As written: 1.2 letters (`a,c`), 2004 ids joined by `[,]`, `t`/`true`… */
  response: string;
  /** `correct`, `wrong`, `incorrect`, `neutral`, `unanticipated`, or '' when not given. */
  result: string;
  /** The right answer as written, when the export has it (helps tell versions apart). */
  pattern: string;
  /** Column group or statement, for messages. */
  origin: Origin & { column?: string };
  /** Milliseconds since epoch when known (xAPI); order of writing otherwise. */
  at?: number;
}

/** What the LMS says about one learner's attempt at the course. */
export interface LearnerAttempt {
  /** Stable key of the learner: e-mail or account, else the name. */
  key: string;
  name: string;
  email: string;
  /** The LMS's own attempt number (Moodle "Attempt"), 1 when the LMS has none. */
  lmsAttempt: number;
  /** Course status as the LMS gave it, normalised: see `LmsStatus`. */
  status?: LmsStatus;
  /** Course score 0–100 when the LMS stored one (never the LMS's default 0 for "none"). */
  score?: number;
  started?: number;
  lastAccess?: number;
  /** Time spent in ms when the source says so (xAPI durations); otherwise derived later. */
  timeSpentMs?: number;
  /** Objective id (`trk_minors`, `mod_m4-…`) → status word as stored. */
  objectives: Record<string, string>;
  answers: RawAnswer[];
  /** Track / programme / content version when the source states them (xAPI context). */
  track?: string;
  programme?: string;
  contentVersion?: string;
  origins: Origin[];
}

/** The course status words every source is reduced to. */
export type LmsStatus = 'not attempted' | 'incomplete' | 'completed' | 'passed' | 'failed' | 'browsed';

/** What one input file gave. */
export interface ReadResult {
  file: string;
  /** What kind of file it was taken for, in words for the report's "sources" list. */
  kind: string;
  attempts: LearnerAttempt[];
  problems: Problem[];
  /** Data rows (or statements) read, for the sources list. */
  rows: number;
  /** The package title the LMS shows (Moodle's SCO column), to tell another course's file. */
  title?: string;
  /** The SCORM version the values are written in, when the file tells. */
  version?: '1.2' | '2004';
}

/** Dates as Moodle writes them are in the site's time zone; kept as naive UTC milliseconds. */
export type NaiveTime = number;
