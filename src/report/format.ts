/** Numbers, shares, durations and dates as each language writes them. */
import type { Lang } from '../engine/definition.ts';

const nf = { fr: new Intl.NumberFormat('fr-CA', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-CA', { maximumFractionDigits: 2 }) };

/** A share as a whole percentage: "42 %" (fr) / "42%" (en). */
export const pct = (x: number | null, lang: Lang) => (x === null || !Number.isFinite(x) ? '–' : lang === 'fr' ? `${Math.round(x * 100)} %` : `${Math.round(x * 100)}%`);
export const num = (x: number | null, lang: Lang) => (x === null ? '–' : nf[lang].format(x));
export const dec2 = (x: number | null, lang: Lang) => (x === null ? '–' : (Math.round(x * 100) / 100).toFixed(2).replace('.', lang === 'fr' ? ',' : '.'));

/** "1 h 05 min" / "1 h 05 min"; minutes under an hour. */
export function duration(ms: number | null): string {
  if (ms === null || ms < 0) return '–';
  const min = Math.round(ms / 60000);
  return min < 60 ? `${min} min` : `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min`;
}

/** Naive UTC times (as the LMS wrote them) as "2026-12-04 20:54". */
export function when(t: number | null): string {
  if (t === null) return '–';
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ');
}
