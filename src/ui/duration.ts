/**
 * Course length for the welcome screen: the shortest and longest path over the tracks and
 * programmes (before the learner has chosen them), in the learner's language. The figures
 * are the reading computation compiled into the definition (src/authoring/reading.ts), the
 * same one `npm run bench -- reading` prints.
 */
import type { CourseDefinition } from '../engine/definition.ts';

export function courseMinutes(def: Pick<CourseDefinition, 'reading'>, lang: string): { min: number; max: number } | null {
  const totals = (def.reading ?? []).filter((r) => r.lang === lang).map((r) => r.minutes);
  if (!totals.length) return null;
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
