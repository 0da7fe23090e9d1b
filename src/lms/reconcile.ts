/**
 * Which journey to resume when the LMS and this browser disagree: the one that extends the
 * other (same learner's seed, the other's events first) wins. Two journeys that went apart
 * (the learner carried on from an older point elsewhere) cannot be merged: the caller keeps
 * the one further along and puts the other aside.
 */
import { decodeJourney } from '../engine/journey.ts';

/** Whether `longer` is `shorter` plus zero or more events. An empty journey is extended by any. */
export function extendsJourney(longer: string | null, shorter: string | null): boolean {
  if (!shorter) return true;
  if (!longer) return false;
  if (longer === shorter) return true;
  const a = decodeJourney(longer);
  const b = decodeJourney(shorter);
  if (!a.ok || !b.ok || a.journey.seed !== b.journey.seed || a.journey.tokens.length < b.journey.tokens.length) return false;
  return b.journey.tokens.every((t, i) => JSON.stringify(t) === JSON.stringify(a.journey.tokens[i]));
}

export type Verdict = 'lms' | 'browser' | 'apart';

/**
 * `browser`: the browser's journey extends the LMS's (work the LMS never confirmed);
 * `lms`: the LMS holds it all already; `apart`: neither contains the other.
 */
export function reconcile(lms: string | null, browser: string | null): Verdict {
  if (browser && browser !== lms && extendsJourney(browser, lms)) return 'browser';
  if (extendsJourney(lms, browser)) return 'lms';
  return 'apart';
}

/** How many learner events a journey holds (0 when empty or unreadable): how far along it is. */
export function eventCount(journey: string | null): number {
  const d = decodeJourney(journey);
  return d.ok ? d.journey.tokens.length : 0;
}
