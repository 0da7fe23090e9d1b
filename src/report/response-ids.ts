/**
 * How the package writes an option in each SCORM version, taken from the package's own
 * dialects so the report reads exactly what the course writes.
 *
 * 2004 choice ids are restricted to letters, digits, `_` and `.` since Moodle refused
 * `too-close` (written `too_close` now, see `choiceId` in lms/identifiers.ts). Reports of
 * packages written before that still hold `too-close`: the reader also matches ids with `-`,
 * `_` and `.` taken as equal (see course-index.ts), so both forms read back.
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
