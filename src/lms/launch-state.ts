/**
 * What the adapter works out at launch from what the LMS holds: the learner's display name
 * and track. The answers of an attempt under way come from the app (LmsAdapter.restored):
 * replaying a journey is the app's work, not the LMS layer's.
 */
import type { CourseDefinition } from '../engine/definition.ts';
import { decodeJourney, saveKey } from '../engine/journey.ts';

/** "Last, First" (the SCORM convention) → "First Last". */
export function displayName(name: string): string | null {
  const n = name.trim();
  if (!n) return null;
  const [last, first] = n.split(',').map((s) => s.trim());
  return first ? `${first} ${last}` : n;
}

/** The learner's track: from the saved journey, else from a track objective already recorded. */
export function trackOf(def: CourseDefinition, journey: string | null, objectiveIds: string[]): string | null {
  const d = decodeJourney(journey);
  if (d.ok) {
    const keys = d.journey.tokens.filter((t) => t.t === 't').map((t) => ('key' in t ? t.key : ''));
    const id = def.tracks.find((t) => t.id && saveKey(t.id) === keys[keys.length - 1])?.id;
    if (id) return id;
  }
  const fromObjective = objectiveIds.filter((o) => o.startsWith('trk_')).pop()?.slice(4);
  return def.tracks.find((t) => t.id === fromObjective)?.id ?? null;
}
