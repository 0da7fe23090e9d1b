/**
 * What the first screen reads of a cmi5 launch before the cmi5 chunk (and its LRS client)
 * arrives: the one-time token, which it hands on to the adapter (the fetch URL gives it only
 * once), the learner's language preference and the saved journey, read with plain fetch as
 * @xapi/xapi would. The launch data itself (LMS.LaunchData) is left to the adapter: it
 * decides whether the launch can go on, and the first screen shows nothing it depends on.
 */
import { fetchToken, learnerKey, launchParams, type LaunchParams } from './params.ts';

/**
 * The State document the adapter saves the journey in, and the key prefix of the work it
 * keeps unconfirmed: cmi5-adapter.ts STATE_ID and outbox.ts CMI5_PENDING_PREFIX, repeated
 * here because importing either splits the first screen's code into several chunks (the
 * bundler then shares modules with the cmi5 chunk); test/lms/cmi5-peek.test.ts checks they agree.
 */
export const PEEK_STATE_ID = 'course-journey';
export const PEEK_PENDING_PREFIX = 'course-cmi5-pending:';

/** What the first screen read of the LRS, handed to the adapter so it does not read it again. */
export interface Cmi5Read {
  token: string;
  /** The learner's first language preference (null: none). */
  language: string | null;
  /** The State document as the LRS sent it (null: none saved); undefined when it could not be read. */
  state?: unknown;
}

export interface Cmi5Peek {
  read: Cmi5Read;
  learnerId: string;
  /** The journey the adapter will resume (null: none); unknown when this browser keeps unconfirmed work. */
  journey: { known: true; value: string | null } | { known: false };
}

async function get(p: LaunchParams, token: string, resource: string, query: Record<string, unknown>): Promise<unknown> {
  const endpoint = p.endpoint.endsWith('/') ? p.endpoint : `${p.endpoint}/`;
  const q = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`);
  const res = await fetch(`${endpoint}${resource}?${q.join('&')}`, { headers: { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${token}` } });
  if (!res.ok) throw new Error(String(res.status));
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Unconfirmed work of this course, learner and registration kept in this browser. */
function keptPending(key: string): boolean {
  try {
    return [...Array(localStorage.length).keys()].some((i) => localStorage.key(i)?.startsWith(key));
  } catch {
    return true;
  }
}

/**
 * Takes the token and reads the journey and language; null when this is no cmi5 launch or
 * the token could not be had (the adapter then cannot open either).
 */
export async function peekCmi5(search: string, courseId: string): Promise<Cmi5Peek | null> {
  const p = launchParams(search);
  if (!p) return null;
  let token: string;
  try {
    token = await fetchToken(p.fetch);
  } catch {
    return null;
  }
  const learnerId = learnerKey(p.actor);
  const [language, state] = await Promise.all([
    get(p, token, 'agents/profile', { agent: p.actor, profileId: 'cmi5LearnerPreferences' })
      .then((d) => ((d as { languagePreference?: string })?.languagePreference?.split(',')[0]?.trim() || null))
      .catch(() => null),
    get(p, token, 'activities/state', { agent: p.actor, activityId: p.activityId, stateId: PEEK_STATE_ID, registration: p.registration }).then(
      (d) => ({ ok: true as const, d }),
      (e: Error) => ({ ok: e.message === '404' as string, d: null }),
    ),
  ]);
  const doc = state.d as { v?: number; journey?: unknown } | null;
  const saved = doc && doc.v === 1 && typeof doc.journey === 'string' ? doc.journey : null;
  // An LRS that failed, or work the LRS has not confirmed: only the adapter can tell.
  const known = state.ok && !keptPending(`${PEEK_PENDING_PREFIX}${courseId}:${learnerId}:${p.registration}`);
  const read: Cmi5Read = state.ok ? { token, language, state: state.d } : { token, language };
  return { read, learnerId, journey: known ? { known: true, value: saved } : { known: false } };
}
