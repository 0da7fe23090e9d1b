/**
 * The LMS side of a cmi5 launch, against the local LRS: a registration, LMS.LaunchData for
 * the AU (context template with the session id and the publisher id, launch mode, moveOn,
 * mastery score), the learner preferences, a fetch URL, and the AU's launch URL with the
 * five launch parameters. Used by the preview's cmi5 mode and the browser tests. Node only.
 */
import { randomUUID } from 'node:crypto';
import type { Lrs } from './lrs.ts';

export interface Cmi5LaunchOptions {
  /** The AU's launch URL (index.html of the unpacked package). */
  auUrl: string;
  /** The AU id from cmi5.xml (publisher id). */
  auId: string;
  /** The LMS's activity id for the AU (the publisher id by default). */
  activityId?: string;
  actor?: Record<string, unknown>;
  /** Reuse a registration (a relaunch of the same enrolment). */
  registration?: string;
  moveOn?: string;
  masteryScore?: number | null;
  launchMode?: 'Normal' | 'Browse' | 'Review';
  /** cmi5LearnerPreferences.languagePreference, e.g. "en-CA,fr-CA". */
  languagePreference?: string;
}

export interface Cmi5Launch {
  url: string;
  registration: string;
  sessionId: string;
  activityId: string;
  actor: Record<string, unknown>;
}

export const DEFAULT_ACTOR = { objectType: 'Agent', name: 'Alex Tremblay', account: { homePage: 'http://127.0.0.1', name: 'learner-7' } };

/** Prepares one launch (a new session) and returns its URL. */
export function launchCmi5(lrs: Lrs, o: Cmi5LaunchOptions): Cmi5Launch {
  const actor = o.actor ?? DEFAULT_ACTOR;
  const registration = o.registration ?? randomUUID();
  const sessionId = randomUUID();
  const activityId = o.activityId ?? o.auId;
  const launchData: Record<string, unknown> = {
    contextTemplate: {
      contextActivities: { grouping: [{ objectType: 'Activity', id: o.auId }] },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': sessionId },
    },
    launchMode: o.launchMode ?? 'Normal',
    moveOn: o.moveOn ?? 'CompletedAndPassed',
  };
  if (o.masteryScore !== null && o.masteryScore !== undefined) launchData.masteryScore = o.masteryScore;
  lrs.setState(activityId, actor, registration, 'LMS.LaunchData', launchData);
  if (o.languagePreference) lrs.setProfile(actor, 'cmi5LearnerPreferences', { languagePreference: o.languagePreference, audioPreference: 'on' });
  const q = new URLSearchParams({ endpoint: lrs.endpoint, fetch: lrs.issueFetchUrl(), actor: JSON.stringify(actor), registration, activityId });
  return { url: `${o.auUrl}?${q}`, registration, sessionId, activityId, actor };
}
