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

/** "45 min", "2 h 40" (fr) / "2 h 40 min" (en), rounded to 5 minutes. */
export function formatDuration(minutes: number, lang: string): string {
  const total = Math.max(5, Math.round(minutes / 5) * 5);
  const h = Math.floor(total / 60);
  const m = total % 60;
  const nb = '\u00a0';
  if (!h) return `${m}${nb}min`;
  if (!m) return `${h}${nb}h`;
  return lang === 'fr' ? `${h}${nb}h${nb}${String(m).padStart(2, '0')}` : `${h}${nb}h${nb}${m}${nb}min`;
}
