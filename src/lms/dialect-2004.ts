/** SCORM 2004 4th edition (RTE §4.2): completion and success apart, `[,]`, `incorrect`, descriptions. */
import type { Dialect, Write } from './dialect.ts';
import { fit, score100 } from './dialect.ts';
import { choiceId, makeId } from './identifiers.ts';
import { stateFrom2004, type InteractionRecord, type StatusState } from './records.ts';
import { isoDuration, isoTimestamp } from './time.ts';
import { CHOICE_IDENTIFIER, LIMITS } from './vocabulary.ts';

const limits = LIMITS['2004'];
const id = (parts: string[]) => makeId(parts, limits.identifier);

/**
 * A response in 2004 form: option ids as choice identifiers (see `choiceId`) joined by `[,]`,
 * true-false as `true`/`false`. Null when an id cannot be written within the rule every LMS
 * accepts (longer than 250 characters): the field is left out rather than refused.
 */
export function response2004(r: InteractionRecord, chosen: string[]): string | null {
  if (!chosen.length) return null;
  if (r.type === 'true-false') return chosen[0] === 'true' ? 'true' : 'false';
  const written = chosen.map(choiceId);
  return written.every((w) => CHOICE_IDENTIFIER.test(w)) ? written.join('[,]') : null;
}

/**
 * A description (CMILangString250), at most 250 characters, written without the optional
 * `{lang=xx}` delimiter: LMS report screens (Moodle's among them) show it literally in front
 * of the text. The interface language is the learner's, as the interaction's own record says.
 * Text that would itself start with `{` gets a space so no LMS takes it for a delimiter.
 */
export function langString(text: string, _lang?: string): string {
  return fit(text.startsWith('{') ? ' ' + text : text, limits.description);
}

const scaled = (score: number) => String(Math.round(Math.min(100, Math.max(0, score))) / 100);

function statusWrites(prefix: string, state: StatusState): Write[] {
  return [
    [prefix + 'completion_status', state.completion === 'not attempted' ? 'not attempted' : state.completion],
    [prefix + 'success_status', state.success ?? 'unknown'],
  ];
}

/** SCORM 2004 4th edition's element names, formats and vocabularies. */
export const dialect2004: Dialect = {
  version: '2004',
  limits,
  read: {
    learnerId: 'cmi.learner_id',
    learnerName: 'cmi.learner_name',
    language: 'cmi.learner_preference.language',
    entry: 'cmi.entry',
    mode: 'cmi.mode',
    suspendData: 'cmi.suspend_data',
    interactionsCount: 'cmi.interactions._count',
    objectivesCount: 'cmi.objectives._count',
    objectiveId: (n) => `cmi.objectives.${n}.id`,
  },
  statusElements: ['cmi.completion_status', 'cmi.success_status'],
  statusFrom: ([completion, success]) => stateFrom2004(completion, success),
  masteryElement: 'cmi.scaled_passing_score',
  masteryFrom(value) {
    const n = value === '' ? NaN : Number(value);
    return Number.isFinite(n) ? n * 100 : null;
  },
  objectiveStatusElements: (n) => [`cmi.objectives.${n}.completion_status`, `cmi.objectives.${n}.success_status`],

  // Order matters in 2004: id, then type, then anything that depends on the type (error 408).
  interaction(n, r) {
    const p = `cmi.interactions.${n}.`;
    const out: Write[] = [[p + 'id', id(r.id)], [p + 'type', r.type]];
    r.objectives.forEach((o, k) => out.push([`${p}objectives.${k}.id`, id([o])]));
    out.push([p + 'timestamp', isoTimestamp(r.at)]);
    const correct = r.correct && response2004(r, r.correct);
    if (correct) out.push([p + 'correct_responses.0.pattern', correct]);
    const given = response2004(r, r.response);
    if (given) out.push([p + 'learner_response', given]);
    out.push([p + 'result', r.result], [p + 'latency', isoDuration(r.latencyMs)]);
    if (r.description) out.push([p + 'description', langString(r.description, r.lang)]);
    return out;
  },

  objective(n, r, state, isNew) {
    const p = `cmi.objectives.${n}.`;
    const out: Write[] = isNew ? [[p + 'id', id(r.id)]] : [];
    if (r.score !== undefined) {
      out.push([p + 'score.scaled', scaled(r.score)], [p + 'score.raw', score100(r.score)], [p + 'score.min', '0'], [p + 'score.max', '100']);
    }
    out.push(...statusWrites(p, state));
    if (isNew && r.description) out.push([p + 'description', langString(r.description, r.lang ?? '')]);
    return out;
  },

  course(state, r) {
    const out: Write[] = [];
    if (r.score !== undefined) {
      out.push(['cmi.score.scaled', scaled(r.scaled ?? r.score)], ['cmi.score.raw', score100(r.score)], ['cmi.score.min', '0'], ['cmi.score.max', '100']);
    }
    if (r.completion || r.success) out.push(...statusWrites('cmi.', state));
    if (r.progress !== undefined) out.push(['cmi.progress_measure', progress(r.progress)]);
    if (r.exit) out.push(['cmi.exit', r.exit]);
    return out;
  },

  place: (location, p) => [['cmi.location', fit(location, limits.location)], ['cmi.progress_measure', progress(p)]],
  suspendElement: 'cmi.suspend_data',
  sessionTime: (ms) => ['cmi.session_time', isoDuration(ms)],
  suspendExit: ['cmi.exit', 'suspend'],
};

function progress(p: number): string {
  return String(Math.round(Math.min(1, Math.max(0, Number.isFinite(p) ? p : 0)) * 10000) / 10000);
}
