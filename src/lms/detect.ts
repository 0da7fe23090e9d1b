/**
 * Picks the adapter for this launch: a SCORM LMS when one can be found around this window
 * (discovery.ts), else the browser alone with a discreet notice. Never waits: an LMS that
 * offers no API by the time the course starts is treated as absent.
 */
import type { CourseDefinition } from '../engine/definition.ts';
import type { LmsAdapter } from './adapter.ts';
import { findApi } from './discovery.ts';
import { LocalAdapter } from './local.ts';
import { ScormAdapter } from './scorm-adapter.ts';
import { ScormApi } from './scorm-api.ts';
import type { ScormVersion } from './vocabulary.ts';

/** The standard a package was built for (`<meta name="course-scorm">`, written by the packager). */
export function packagedVersion(doc: Pick<Document, 'querySelector'> | undefined = globalThis.document): ScormVersion | null {
  const v = doc?.querySelector('meta[name="course-scorm"]')?.getAttribute('content');
  return v === '1.2' || v === '2004' ? v : null;
}

/**
 * @param presetTrack a track fixed by the package (src/app/launch.ts `presetTrack`), so the
 *   adapter replays saved journeys as the course does.
 */
export function detectAdapter(course: CourseDefinition | string, win: Window | undefined = globalThis.window, presetTrack: string | null = null): LmsAdapter {
  if (typeof course === 'string') return new LocalAdapter(course);
  const found = win ? findApi(win, packagedVersion()) : null;
  if (!found) return new LocalAdapter(course.id);
  return new ScormAdapter(new ScormApi(found.version, found.api), course, { window: win, presetTrack });
}
