/**
 * Where the author preview plugs into start-up. Only the dev server's plugin
 * (src/tools/preview/dev-plugin.ts) loads the code that plugs in, from a script of its own
 * placed before the course's: the app never imports preview code, and no build carries it.
 */
import type { Lang } from '../engine/definition.ts';
import type { CourseSession, RestoreOutcome } from '../engine/session.ts';

export interface PreviewHook {
  /** A tool page (the scenario maps) took the place of the course: start nothing else. */
  page: boolean;
  /** The language asked for in the address, if any. */
  lang?: Lang;
  /** Opens a fresh session at the linked screen; null when the address links nowhere. */
  jump(session: CourseSession): RestoreOutcome | null;
  /** Shows the preview bar once the course is on screen. */
  attach(session: CourseSession): void;
}

let plugged: Promise<PreviewHook> | null = null;

/** Called by the dev server's preview script, before start-up reads it. */
export function plugPreview(hook: Promise<PreviewHook>): void {
  plugged = hook;
}

/** The preview plugged in for this page, if any (never in a learner's build). */
export function pluggedPreview(): Promise<PreviewHook> | null {
  return plugged;
}
