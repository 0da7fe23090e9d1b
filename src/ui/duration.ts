/**
 * Course length for the welcome screen, from each module's estimated minutes: the shortest
 * and longest path over the tracks (before the learner has chosen one).
 */
import type { CourseDefinition } from '../engine/definition.ts';
import { inScope } from '../engine/scope.ts';

export function courseMinutes(def: CourseDefinition): { min: number; max: number } | null {
  const totals = (def.tracks.length ? def.tracks.map((t) => t.id) : [null]).map((track) =>
    def.modules.filter((m) => inScope({ tracks: m.tracks, programmes: null }, track, null)).reduce((n, m) => n + (m.minutes ?? 0), 0),
  );
  const min = Math.min(...totals);
  const max = Math.max(...totals);
  return max > 0 ? { min, max } : null;
}
