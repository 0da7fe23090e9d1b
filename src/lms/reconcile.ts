/**
 * Which journey to resume when the LMS and this browser disagree: the one that extends the
 * other (same learner's seed, the other's events first) wins. Two journeys that went apart
 * (the learner carried on from an older point elsewhere) cannot be merged: the caller keeps
 * the one further along and puts the other aside.
 */
import { decodeJourney, type Token } from '../engine/journey.ts';

/**
 * The same learner event. Checkpoints (`at`) are left out: a run of "next" carries the
 * screen it landed on at its end, so the journey that goes on has it on a later step. A
 * question key missing on one side (a journey of the earlier format) is not a difference.
 */
function sameEvent(a: Token, b: Token): boolean {
  if (a.t !== b.t) return false;
  if ('key' in a && 'key' in b && a.key !== b.key) return false;
  if ('keys' in a && 'keys' in b) {
    if (a.keys.join() !== b.keys.join()) return false;
    if (a.item && b.item && a.item !== b.item) return false;
  }
  return true;
}

/** Whether `longer` is `shorter` plus zero or more events. An empty journey is extended by any. */
export function extendsJourney(longer: string | null, shorter: string | null): boolean {
  if (!shorter) return true;
  if (!longer) return false;
  if (longer === shorter) return true;
  const a = decodeJourney(longer);
  const b = decodeJourney(shorter);
  if (!a.ok || !b.ok || a.journey.seed !== b.journey.seed || a.journey.tokens.length < b.journey.tokens.length) return false;
  return b.journey.tokens.every((t, i) => sameEvent(t, a.journey.tokens[i]));
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
