/**
 * The first steps of a cmi5 launch that need nothing of the LRS client: the launch
 * parameters and the one-time token. Apart from launch.ts (and @xapi/xapi) so the first
 * screen can take them (peek.ts) before the cmi5 chunk arrives.
 */

/** The launch parameters the LMS appends to the AU's URL. */
export interface LaunchParams {
  endpoint: string;
  fetch: string;
  actor: Record<string, unknown>;
  registration: string;
  activityId: string;
}

/** The parameters of a cmi5 launch, or null when this page was not launched that way. */
export function launchParams(search: string): LaunchParams | null {
  const q = new URLSearchParams(search);
  const [endpoint, fetchUrl, actor, registration, activityId] = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'].map((k) => q.get(k));
  if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return null;
  try {
    const a = JSON.parse(actor) as Record<string, unknown>;
    return a && typeof a === 'object' ? { endpoint, fetch: fetchUrl, actor: a, registration, activityId } : null;
  } catch {
    return null;
  }
}

/** An LRS answer that is not a success; `status` 0 when the LRS could not be reached. */
export class LrsError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** POSTs to the fetch URL (once per launch, as the specification allows) for the auth token. */
export async function fetchToken(fetchUrl: string): Promise<string> {
  const res = await fetch(fetchUrl, { method: 'POST' });
  const body = (await res.json().catch(() => ({}))) as { 'auth-token'?: string; 'error-code'?: string; 'error-text'?: string };
  if (!res.ok || !body['auth-token']) throw new LrsError(res.status, `fetch URL gave no token (${body['error-code'] ?? res.status} ${body['error-text'] ?? ''})`);
  return body['auth-token'];
}


/** A stable key for the learner: the actor's account, else its mailbox. */
export function learnerKey(actor: Record<string, unknown>): string {
  const account = actor.account as { homePage?: string; name?: string } | undefined;
  return account?.name ? `${account.homePage ?? ''}|${account.name}` : String(actor.mbox ?? actor.mbox_sha1sum ?? actor.openid ?? 'anonymous');
}

