/**
 * Language tags to course languages, shared by the LMS layer (LMS preferences) and the app
 * (language choice at launch). Pure: no i18next, no DOM.
 */
import type { Lang } from './definition.ts';

/** Maps a language tag ("fr-CA", "en_US", "FRE") to a course language, if any. */
export function toCourseLang(tag: string | null | undefined, available: readonly Lang[]): Lang | null {
  if (!tag) return null;
  const t = tag.trim().toLowerCase();
  const base = t.startsWith('fr') ? 'fr' : t.startsWith('en') ? 'en' : null;
  return base && available.includes(base) ? base : null;
}

/** LMS preference, else the browser's languages, else French. */
export function chooseLanguage(lmsPreference: string | null, browser: readonly string[], available: readonly Lang[]): Lang {
  return (
    toCourseLang(lmsPreference, available) ??
    browser.map((b) => toCourseLang(b, available)).find((l): l is Lang => !!l) ??
    (available.includes('fr') ? 'fr' : available[0])
  );
}
