import type { LmsAdapter } from './adapter.ts';
import { LocalAdapter } from './local.ts';

/** Picks the adapter for this launch. (SCORM discovery is added by the LMS layer.) */
export function detectAdapter(courseId: string): LmsAdapter {
  return new LocalAdapter(courseId);
}
