/**
 * The cmi5 launch, the only entry of the cmi5 chunk (loaded by src/app/start.ts when the
 * page was launched with cmi5 parameters). Resolves everything asynchronous before the
 * course starts: token, LMS.LaunchData, learner preferences, the saved journey.
 */
import type { CourseDefinition } from '../../engine/definition.ts';
import { toCourseLang } from '../../engine/language.ts';
import { Cmi5Adapter, STATE_ID, type CourseState } from './cmi5-adapter.ts';
import { fetchToken, launchParams, lrsClient, readLanguage, readLaunchData } from './launch.ts';
import { learnerKey } from './params.ts';
import { CMI5_PENDING_PREFIX, LocalPendingStore } from './outbox.ts';
import type { Cmi5Read } from './peek.ts';

export { Cmi5Adapter } from './cmi5-adapter.ts';
export type { Texts } from './interactions.ts';

/** Whether this page was launched by a cmi5 LMS. */
export const isCmi5Launch = (search: string) => launchParams(search) !== null;

/** Reads the saved State document; an unreadable one is treated as absent, never guessed at. */
function asState(data: unknown): CourseState | null {
  try {
    const d = (typeof data === 'string' ? JSON.parse(data) : data) as CourseState | null;
    return d && d.v === 1 && (d.journey === null || typeof d.journey === 'string') ? { v: 1, journey: d.journey, passed: !!d.passed, completed: !!d.completed } : null;
  } catch {
    return null;
  }
}

/**
 * Opens the cmi5 session. Throws when the launch cannot go on (no token, no LaunchData):
 * the caller then keeps progress in the browser alone. `read`: what the first screen already
 * read (cmi5/peek.ts): the token (the fetch URL gives it once), the language preference and
 * the State document, not asked of the LRS again.
 */
export async function openCmi5(def: CourseDefinition, search: string, presetTrack: string | null, win: Window | null = globalThis.window ?? null, read?: Cmi5Read): Promise<Cmi5Adapter> {
  const params = launchParams(search);
  if (!params) throw new Error('not a cmi5 launch');
  const xapi = lrsClient(params.endpoint, read?.token ?? (await fetchToken(params.fetch)));
  const launchData = await readLaunchData(xapi, params);
  const [language, saved] = await Promise.all([
    read ? read.language : readLanguage(xapi, params),
    read && 'state' in read
      ? asState(read.state)
      : xapi
          .getState({ agent: params.actor as never, activityId: params.activityId, registration: params.registration, stateId: STATE_ID })
          .then((r) => asState(r.data))
          .catch(() => null), // 404 on a first launch; a failing LRS leaves the local copy to speak
  ]);
  const learnerId = learnerKey(params.actor);
  const store = new LocalPendingStore(`${CMI5_PENDING_PREFIX}${def.id}:${learnerId}:${params.registration}`);
  const name = typeof params.actor.name === 'string' ? params.actor.name : null;
  return new Cmi5Adapter({ def, params, launchData, xapi, store, saved, learnerName: name, learnerId, language: toCourseLang(language, def.languages), presetTrack, window: win });
}
