/** SCORM 1.2 (RTE §3.4): `cmi.core.*`, single-character choice responses, `wrong`. */
import type { Dialect, Write } from './dialect.ts';
import { fit, score100 } from './dialect.ts';
import { makeId } from './identifiers.ts';
import { lessonStatus12, stateFrom12, type InteractionRecord } from './records.ts';
import { scorm12TimeOfDay, scorm12Timespan } from './time.ts';
import { CHOICE_CHARACTERS, LIMITS } from './vocabulary.ts';

const limits = LIMITS['1.2'];
const id = (parts: string[]) => makeId(parts, limits.identifier);

/**
 * A response in 1.2 form: choice options as letters in definition order (`a,c`), true-false as
 * `t`/`f`. Null when it cannot be said in 1.2 (more than 36 options): the field is left out.
 */
export function response12(r: InteractionRecord, chosen: string[]): string | null {
  if (r.type === 'true-false') return chosen.length === 1 ? (chosen[0] === 'true' ? 't' : 'f') : null;
  const chars = chosen.map((o) => CHOICE_CHARACTERS[r.options.indexOf(o)]);
  return chars.length && chars.every(Boolean) ? chars.join(',') : null;
}

/** SCORM 1.2's element names, formats and vocabularies. */
export const dialect12: Dialect = {
  version: '1.2',
  limits,
  read: {
    learnerId: 'cmi.core.student_id',
    learnerName: 'cmi.core.student_name',
    language: 'cmi.student_preference.language',
    entry: 'cmi.core.entry',
    mode: 'cmi.core.lesson_mode',
    suspendData: 'cmi.suspend_data',
    interactionsCount: 'cmi.interactions._count',
    objectivesCount: 'cmi.objectives._count',
    objectiveId: (n) => `cmi.objectives.${n}.id`,
  },
  statusElements: ['cmi.core.lesson_status'],
  statusFrom: ([status]) => stateFrom12(status),
  masteryElement: 'cmi.student_data.mastery_score',
  masteryFrom(value) {
    const n = value === '' ? NaN : Number(value);
    return Number.isFinite(n) ? n : null;
  },
  objectiveStatusElements: (n) => [`cmi.objectives.${n}.status`],

  // Order: id first (the LMS creates the record on it), then the fields that describe it.
  interaction(n, r) {
    const p = `cmi.interactions.${n}.`;
    const out: Write[] = [[p + 'id', id(r.id)]];
    r.objectives.forEach((o, k) => out.push([`${p}objectives.${k}.id`, id([o])]));
    out.push([p + 'time', scorm12TimeOfDay(r.at)], [p + 'type', r.type]);
    const correct = r.correct && response12(r, r.correct);
    if (correct) out.push([p + 'correct_responses.0.pattern', correct]);
    const given = response12(r, r.response);
    if (given) out.push([p + 'student_response', given]);
    out.push([p + 'result', r.result === 'incorrect' ? 'wrong' : r.result], [p + 'latency', scorm12Timespan(r.latencyMs)]);
    return out;
  },

  objective(n, r, state, isNew) {
    const p = `cmi.objectives.${n}.`;
    const out: Write[] = isNew ? [[p + 'id', id(r.id)]] : [];
    if (r.score !== undefined) out.push([p + 'score.raw', score100(r.score)], [p + 'score.min', '0'], [p + 'score.max', '100']);
    out.push([p + 'status', lessonStatus12(state)]);
    return out;
  },

  course(state, r) {
    const out: Write[] = [];
    if (r.score !== undefined) out.push(['cmi.core.score.raw', score100(r.score)], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100']);
    if (r.completion || r.success) out.push(['cmi.core.lesson_status', lessonStatus12(state)]);
    // A normal exit is the empty string in 1.2.
    if (r.exit) out.push(['cmi.core.exit', r.exit === 'suspend' ? 'suspend' : '']);
    return out;
  },

  place: (location) => [['cmi.core.lesson_location', fit(location, limits.location)]],
  suspendElement: 'cmi.suspend_data',
  sessionTime: (ms) => ['cmi.core.session_time', scorm12Timespan(ms)],
  suspendExit: ['cmi.core.exit', 'suspend'],
};
