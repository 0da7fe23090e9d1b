/** Small HTML helpers: escaping and bilingual text (both languages in the page, one shown). */
import type { Words } from './strings.ts';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Both languages; CSS shows the one the switch chose. */
export const t = (w: Words) => `<span lang="fr" class="l-fr">${esc(w.fr)}</span><span lang="en" class="l-en">${esc(w.en)}</span>`;

/** Both languages from a function of the language (for formatted numbers). */
export const tl = (f: (lang: 'fr' | 'en') => string) => t({ fr: f('fr'), en: f('en') });
