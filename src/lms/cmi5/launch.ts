/**
 * The cmi5 launch contract, on the AU side: the five launch parameters, the one-time token
 * from the fetch URL, LMS.LaunchData (State resource) and the learner preferences (agent
 * profile). The LRS client is @xapi/xapi with a fetch transport that survives page unload
 * (`keepalive`), so the last statements leave even when the tab closes.
 */
import XAPI from '@xapi/xapi';
import { LrsError, type LaunchParams } from './params.ts';

export { fetchToken, launchParams, LrsError, type LaunchParams } from './params.ts';

/** @xapi/xapi's transport signature (its `adapter` option). */
type Transport = (r: { url: string; method: string; headers?: Record<string, string>; data?: unknown }) => Promise<{ data: never; headers: Record<string, string>; status: number }>;

/** @xapi/xapi's transport: fetch with keepalive, and the HTTP status kept on failures. */
export const keepaliveFetch: Transport = async ({ url, method, data, headers = {} }) => {
  const body = headers['Content-Type'] === 'application/json' && typeof data !== 'string' ? JSON.stringify(data) : (data as BodyInit | undefined);
  let res: Response;
  try {
    // keepalive caps bodies at 64 KB; statements and journeys are far smaller.
    res = await fetch(url, { method, body, headers, keepalive: true });
  } catch (e) {
    throw new LrsError(0, String(e));
  }
  const text = await res.text();
  if (!res.ok) throw new LrsError(res.status, text);
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* a plain document */
  }
  return { data: parsed as never, headers: Object.fromEntries(res.headers.entries()), status: res.status };
};

/** What LMS.LaunchData says (cmi5 §10). */
export interface Cmi5LaunchData {
  contextTemplate: Record<string, unknown>;
  launchMode: 'Normal' | 'Browse' | 'Review';
  moveOn: string;
  masteryScore: number | null;
  returnURL: string | null;
  launchParameters: string | null;
}

/** A client for the launch's LRS, authorised with the token. */
export function lrsClient(endpoint: string, token: string): XAPI {
  return new XAPI({ endpoint, auth: `Basic ${token}`, adapter: keepaliveFetch as never });
}

/** Reads LMS.LaunchData; the AU must not start without it. */
export async function readLaunchData(xapi: XAPI, p: LaunchParams): Promise<Cmi5LaunchData> {
  const { data } = await xapi.getState({ agent: p.actor as never, activityId: p.activityId, registration: p.registration, stateId: 'LMS.LaunchData' });
  const d = (typeof data === 'string' ? JSON.parse(data) : data) as Record<string, unknown>;
  if (!d || typeof d.contextTemplate !== 'object') throw new LrsError(0, 'LMS.LaunchData has no contextTemplate');
  const mode = d.launchMode === 'Browse' || d.launchMode === 'Review' ? d.launchMode : 'Normal';
  return {
    contextTemplate: d.contextTemplate as Record<string, unknown>,
    launchMode: mode,
    moveOn: typeof d.moveOn === 'string' ? d.moveOn : 'NotApplicable',
    masteryScore: typeof d.masteryScore === 'number' ? d.masteryScore : null,
    returnURL: typeof d.returnURL === 'string' ? d.returnURL : null,
    launchParameters: typeof d.launchParameters === 'string' ? d.launchParameters : null,
  };
}

/** The learner's first language preference (cmi5LearnerPreferences), or null. */
export async function readLanguage(xapi: XAPI, p: LaunchParams): Promise<string | null> {
  try {
    const { data } = await xapi.getAgentProfile({ agent: p.actor as never, profileId: 'cmi5LearnerPreferences' });
    const d = (typeof data === 'string' ? JSON.parse(data) : data) as { languagePreference?: string };
    return d?.languagePreference?.split(',')[0]?.trim() || null;
  } catch {
    return null; // no profile (404) is the common case
  }
}
