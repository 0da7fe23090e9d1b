/**
 * What a report-download layout of an LMS looks like: its column names and how it writes
 * statuses and dates. A new LMS's layout is one file like `moodle-4.4.ts`; the generic reader
 * (read-report-download.ts) does the rest.
 */
import type { LmsStatus } from '../model.ts';

export interface DownloadLayout {
  /** Shown in the report's list of sources. */
  name: string;
  /** Header names (any language the LMS speaks), compared without case and accents. */
  columns: {
    name: string[];
    email: string[];
    attempt: string[];
    started: string[];
    lastAccess: string[];
    score: string[];
  };
  /** Interaction column groups: the number is the interaction's index. */
  interaction: { question: RegExp; response: RegExp; right: RegExp; result: RegExp };
  /** Objective columns are any other column whose name looks like a course objective id. */
  objective: RegExp;
  /** Objective column with a suffix (Moodle's "<id> Status" / "<id> Score" when scores are shown). */
  objectiveSuffix: { status: RegExp; score: RegExp };
  /** The LMS's status words (its own language packs), lower case, to the SCORM status. */
  statusWords: Record<string, LmsStatus>;
  /** Written in a cell that has no value ("-" in Moodle for a learner who never started). */
  empty: string[];
  /** Parses the LMS's dates into naive UTC milliseconds, or null. */
  date(text: string): number | null;
}

/** Lower case, accents off, spaces squeezed: header names compare this way. */
export const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
