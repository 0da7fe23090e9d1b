/**
 * scorm-again as the LMS in Node, for the cohort generator (report tests and `npm run bench`):
 * an API whose commits always succeed, an adapter over it on a hand-moved clock, and the CMI
 * read back as plain JSON. Node only: not part of the learner bundle.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { dialectOf } from '../../lms/dialect-of.ts';
import type { CourseDefinition } from '../../engine/definition.ts';
import { ScormAdapter } from '../../lms/scorm-adapter.ts';
import { ScormApi, type Api12, type Api2004 } from '../../lms/scorm-api.ts';
import type { ScormVersion } from '../../lms/vocabulary.ts';

export type LmsApi = InstanceType<typeof Scorm12API> | InstanceType<typeof Scorm2004API>;

export { ManualTimers } from '../../lms/dev/manual-timers.ts';
import { ManualTimers } from '../../lms/dev/manual-timers.ts';

/** scorm-again as the LMS; every commit reaches a server that accepts it. */
export function scormAgain(version: ScormVersion): { api: LmsApi } {
  const httpService = { processHttpRequest: () => ({ result: 'true', errorCode: 0 }), updateSettings() {} };
  const settings = { lmsCommitUrl: '/commit', httpService, logLevel: 5 as const };
  return { api: version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings) };
}

/** The course's SCORM adapter over `api`, on a hand-moved clock. */
export function adapterFor(version: ScormVersion, api: LmsApi, def: CourseDefinition) {
  const timers = new ManualTimers();
  const scormApi = new ScormApi(version, api as unknown as Api12 & Api2004, () => {});
  const adapter = new ScormAdapter(scormApi, def, { dialect: dialectOf(version), timers, log: () => {} });
  return { adapter, timers };
}

/** The CMI as scorm-again holds it, as plain JSON. */
export function cmiOf(api: LmsApi): Record<string, any> {
  return JSON.parse(JSON.stringify(api.renderCMIToJSONObject())).cmi;
}

/** Interactions / objectives in index order. */
export const list = (o: Record<string, any> | undefined): any[] =>
  Object.keys(o ?? {}).filter((k) => /^\d+$/.test(k)).sort((a, b) => +a - +b).map((k) => o![k]);
