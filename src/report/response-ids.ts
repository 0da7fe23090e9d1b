/**
 * How the package writes an option in each SCORM version, taken from the package's own
 * dialects so the report reads exactly what the course writes.
 *
 * This is the one place to switch when the package's response identifiers change: point
 * `response2004Of` at the package's exported option → 2004 id function. Until then the
 * reader also matches ids with `-`, `_` and `.` taken as equal (see course-index.ts), which
 * reads both today's ids (`too-close`) and ids restricted to letters, digits, `_` and `.`.
 */
import { response12 } from '../lms/dialect-12.ts';
import { response2004 } from '../lms/dialect-2004.ts';
import type { InteractionRecord } from '../lms/records.ts';

type Shape = Pick<InteractionRecord, 'type' | 'options'>;

const record = (s: Shape): InteractionRecord => ({
  id: [], type: s.type, options: s.options, response: [], correct: null, result: 'neutral', objectives: [], at: 0, latencyMs: 0, description: '', lang: '',
});

/** The 1.2 `student_response` for one option (`a`, `b`, …; `t`/`f`), or null. */
export const response12Of = (s: Shape, option: string): string | null => response12(record(s), [option]);

/** The 2004 `learner_response` for one option, or null. */
export const response2004Of = (s: Shape, option: string): string | null => response2004(record(s), [option]);
