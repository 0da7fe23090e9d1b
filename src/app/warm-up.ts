/**
 * What the full app will ask for first, asked for as soon as the first screen is painted so
 * it arrives beside the full app's code rather than after it: the LMS's SCORM dialect (only
 * the one its API speaks) and, for a learner resuming in a module, that module's text. The
 * browser keeps one copy of each module, so the full app's own requests find them there.
 */
import textParts from 'virtual:content-parts';
import { loadDialect } from '../lms/dialect-load.ts';
import type { FirstScreenApp, Prelaunch } from './first-screen.ts';

export function warmUp(pre: Prelaunch | null, first: FirstScreenApp | null): void {
  const ignore = () => {};
  if (pre?.api) loadDialect(pre.api.version).catch(ignore);
  const module = first?.resumeModule;
  if (first && module) textParts[first.lang]?.modules[module]?.().catch(ignore);
}
