/**
 * What start-up reads from the LMS before the adapter (and the engine) have loaded, to tell
 * a first launch from a return: the API, opened once (ScormApi.init answers the adapter
 * with the same result later), and three elements. The element names repeat the dialects'
 * (`read`), so the first screen carries neither dialect; test/lms/launch-peek.test.ts
 * checks they agree.
 */
import { findApi, packagedVersion } from './discovery.ts';
import { ScormApi } from './scorm-api.ts';
import type { ScormVersion } from './vocabulary.ts';
import { LOCAL_KEY_PREFIX } from './local.ts';
import { LEGACY_PREFIX, STORE_PREFIX } from './unconfirmed-store.ts';

export const PEEK_ELEMENTS: Record<ScormVersion, { entry: string; learnerId: string; language: string; suspendData: string }> = {
  '1.2': { entry: 'cmi.core.entry', learnerId: 'cmi.core.student_id', language: 'cmi.student_preference.language', suspendData: 'cmi.suspend_data' },
  '2004': { entry: 'cmi.entry', learnerId: 'cmi.learner_id', language: 'cmi.learner_preference.language', suspendData: 'cmi.suspend_data' },
};

export interface LaunchPeek {
  /** The LMS's API, opened; null without an LMS. */
  api: ScormApi | null;
  /** The LMS answered Initialize (or there is no LMS). */
  opened: boolean;
  learnerId: string | null;
  language: string | null;
  /** The journey the LMS holds, as it gave it (null: none). */
  suspendData: string | null;
}

/** Finds and opens the LMS's API (if any) and reads who the learner is and whether they return. */
export function peekLaunch(win: Window = window): LaunchPeek {
  const found = findApi(win, packagedVersion());
  if (!found) return { api: null, opened: true, learnerId: null, language: null, suspendData: null };
  const api = new ScormApi(found.version, found.api);
  if (!api.init().ok) return { api, opened: false, learnerId: null, language: null, suspendData: null };
  const el = PEEK_ELEMENTS[api.version];
  // As the adapter does (writer.ts load): a first attempt has no suspend data to read, and
  // a 2004 LMS answers an error for reading one never set.
  const suspendData = api.read(el.entry) !== 'ab-initio' ? api.read(el.suspendData) || null : null;
  return { api, opened: true, learnerId: api.read(el.learnerId) || null, language: api.read(el.language) || null, suspendData };
}

/**
 * The journey the adapter will restore, when the launch and this browser tell it without the
 * adapter: without an LMS, the one kept in this browser; with one, the LMS's, unless this
 * browser keeps work of the course the LMS may not have (then `known` is false). A writer's
 * claim and its copy of the journey are left aside: they matter only to a tab taking over.
 */
export function launchJourney(
  courseId: string,
  peek: LaunchPeek,
  store: Pick<Storage, 'length' | 'key' | 'getItem'> | null = safeLocalStorage(),
): { known: true; journey: string | null } | { known: false } {
  if (!peek.api) {
    try {
      return { known: true, journey: store?.getItem(`${LOCAL_KEY_PREFIX}${courseId}`) || null };
    } catch {
      return { known: false };
    }
  }
  if (!store) return { known: true, journey: peek.suspendData };
  const prefixes = [`${LOCAL_KEY_PREFIX}${courseId}`, `${STORE_PREFIX}${courseId}:`, `${LEGACY_PREFIX}${courseId}:`];
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    if (k && k !== `${STORE_PREFIX}${courseId}:last-learner` && prefixes.some((p) => k.startsWith(p))) return { known: false };
  }
  return { known: true, journey: peek.suspendData };
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
