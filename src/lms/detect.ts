/**
 * Picks the adapter for this launch: a SCORM LMS when one can be found around this window
 * (discovery.ts), else the browser alone with a discreet notice. Never waits for an LMS: one
 * that offers no API by the time the course starts is treated as absent. Only the dialect of
 * the version found is loaded (a 1.2 launch never requests the 2004 one, and the reverse).
 */
import type { CourseDefinition } from '../engine/definition.ts';
import type { LmsAdapter } from './adapter.ts';
import { loadDialect } from './dialect-load.ts';
import { findApi, packagedVersion } from './discovery.ts';
import { LocalAdapter } from './local.ts';
import { ScormAdapter } from './scorm-adapter.ts';
import { ScormApi } from './scorm-api.ts';
import type { ScormVersion } from './vocabulary.ts';

export { packagedVersion } from './discovery.ts';
export { loadDialect } from './dialect-load.ts';

/** The LMS's API, found and wrapped (not yet initialized); null without an LMS. */
export function findScormApi(win: Window | undefined = globalThis.window): ScormApi | null {
  const found = win ? findApi(win, packagedVersion()) : null;
  return found ? new ScormApi(found.version, found.api) : null;
}

/**
 * @param presetTrack a track fixed by the package (src/app/launch.ts `presetTrack`).
 * @param api the LMS's API when start-up already found (and opened) it, so that it is
 *   neither looked for nor initialized twice.
 */
export async function detectAdapter(course: CourseDefinition | string, win: Window | undefined = globalThis.window, presetTrack: string | null = null, api?: ScormApi | null): Promise<LmsAdapter> {
  if (typeof course === 'string') return new LocalAdapter(course);
  const scorm = api === undefined ? findScormApi(win) : api;
  if (!scorm) return new LocalAdapter(course.id);
  return new ScormAdapter(scorm, course, { dialect: await loadDialect(scorm.version), window: win, presetTrack });
}
