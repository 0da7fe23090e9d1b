/**
 * What the adapter works out at launch from what the LMS holds: the learner's display name,
 * track, and the answers of an assessment attempt under way (replayed from the journey).
 */
import type { CourseDefinition } from '../engine/definition.ts';
import { decodeJourney, saveKey } from '../engine/journey.ts';
import type { CourseContext } from '../engine/machine.ts';
import { CourseSession } from '../engine/session.ts';

/** "Last, First" (the SCORM convention) → "First Last". */
export function displayName(name: string): string | null {
  const n = name.trim();
  if (!n) return null;
  const [last, first] = n.split(',').map((s) => s.trim());
  return first ? `${first} ${last}` : n;
}

/** Assessment answers of the attempt under way in a saved journey (none outside the assessment). */
export function answersSoFar(def: CourseDefinition, journey: string | null, presetTrack: string | null): { item: string; correct: boolean }[] {
  const d = decodeJourney(journey);
  if (!d.ok || !d.journey.tokens.some((t) => t.t === 'a')) return [];
  const s = new CourseSession(def, { lang: d.journey.lang, seed: d.journey.seed, presetTrack });
  s.restore(journey);
  return s.snapshot.matches('assessment') ? (s.snapshot.context as CourseContext).answers : [];
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
