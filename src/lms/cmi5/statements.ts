/**
 * xAPI statements of a cmi5 AU, built as plain data (no I/O). cmi5-defined statements
 * (initialized, completed, passed, failed, terminated) carry the LMS's context template,
 * the cmi5 category and, where the specification says so, the moveOn category; "allowed"
 * statements (answered) carry the context template only, in the xAPI SCORM-profile style.
 */
import type { Lang } from '../../engine/definition.ts';
import { isoDuration } from '../time.ts';

export const VERB = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
} as const;
export type VerbName = keyof typeof VERB;

export const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;

/** Bilingual text as an xAPI language map (languages with no text are left out). */
export type LangMap = Partial<Record<Lang, string>>;

/** Everything a statement needs from the launch. */
export interface StatementContext {
  actor: Record<string, unknown>;
  activityId: string;
  registration: string;
  /** LMS.LaunchData contextTemplate (holds the session id extension and the publisher id). */
  template: Record<string, unknown>;
  masteryScore: number | null;
  /** Course-level extensions (track, programme, content version). */
  extensions: () => Record<string, string>;
}

/** A random UUID (v4), also where `crypto.randomUUID` is missing (plain http pages). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** The template's context plus what this statement adds (categories, grouping, extensions). */
function context(c: StatementContext, categories: string[], grouping: string[] = []): Obj {
  const ca = asObj(c.template.contextActivities);
  const contextActivities: Obj = { ...ca };
  const cat = [...list(ca.category), ...categories.map((id) => ({ id, objectType: 'Activity' }))];
  const grp = [...list(ca.grouping), ...grouping.map((id) => ({ id, objectType: 'Activity' }))];
  if (cat.length) contextActivities.category = cat;
  else delete contextActivities.category;
  if (grp.length) contextActivities.grouping = grp;
  const out: Obj = {
    ...c.template,
    registration: c.registration,
    contextActivities,
    extensions: { ...asObj(c.template.extensions), ...c.extensions() },
  };
  return out;
}

function base(c: StatementContext, verb: VerbName, at: number): Obj {
  return { id: uuid(), actor: c.actor, verb: { id: VERB[verb], display: { 'en-US': verb } }, timestamp: new Date(at).toISOString() };
}

/** A cmi5-defined statement about the AU itself. */
export function defined(c: StatementContext, verb: Exclude<VerbName, 'answered'>, at: number, r: { durationMs?: number; scaled?: number } = {}): Obj {
  const moveOn = verb === 'completed' || verb === 'passed' || verb === 'failed';
  const st = base(c, verb, at);
  st.object = { id: c.activityId, objectType: 'Activity' };
  const ctx = context(c, moveOn ? [CMI5.category, CMI5.moveOn] : [CMI5.category]);
  if ((verb === 'passed' || verb === 'failed') && c.masteryScore !== null) (ctx.extensions as Obj)[CMI5.masteryScore] = c.masteryScore;
  st.context = ctx;
  const result: Obj = {};
  if (verb === 'completed') result.completion = true;
  if (verb === 'passed' || verb === 'failed') {
    result.success = verb === 'passed';
    if (r.scaled !== undefined) result.score = { scaled: r.scaled, raw: Math.round(r.scaled * 100), min: 0, max: 100 };
  }
  if (r.durationMs !== undefined) result.duration = isoDuration(r.durationMs);
  if (Object.keys(result).length) st.result = result;
  return st;
}

/** One decision or answer, as a cmi.interaction activity. */
export interface Interaction {
  id: string;
  type: 'choice' | 'true-false';
  name: LangMap;
  description: LangMap;
  choices: { id: string; description: LangMap }[];
  correct: string[] | null;
  response: string[];
  success: boolean | null;
  durationMs: number;
  grouping: string[];
  at: number;
}

/** xAPI response pattern: choice ids joined by `[,]`; true-false is `true` or `false`. */
const pattern = (type: Interaction['type'], ids: string[]) => (type === 'true-false' ? (ids[0] === 'true' ? 'true' : 'false') : ids.join('[,]'));
const nonEmpty = (m: LangMap) => Object.keys(m).length > 0;

/** An "allowed" answered statement for one interaction. */
export function answered(c: StatementContext, i: Interaction): Obj {
  const st = base(c, 'answered', i.at);
  const definition: Obj = { type: CMI5.interaction, interactionType: i.type };
  if (nonEmpty(i.name)) definition.name = i.name;
  if (nonEmpty(i.description)) definition.description = i.description;
  if (i.correct) definition.correctResponsesPattern = [pattern(i.type, i.correct)];
  if (i.type === 'choice') definition.choices = i.choices.map((ch) => (nonEmpty(ch.description) ? ch : { id: ch.id, description: { en: ch.id } }));
  st.object = { id: i.id, objectType: 'Activity', definition };
  const result: Obj = { response: pattern(i.type, i.response), duration: isoDuration(i.durationMs) };
  if (i.success !== null) result.success = i.success;
  st.result = result;
  st.context = context(c, [], i.grouping);
  return st;
}
