/** Bilingual problem messages: every "could not read" the report lists says file and row. */
import type { Origin, Problem } from './model.ts';

export function problem(origin: Partial<Origin> | undefined, fr: string, en: string): Problem {
  return { ...(origin ?? {}), message: { fr, en } };
}

/** `file:line  message`, the form trainers already know from `npm run check`. */
export function formatProblem(p: Problem, lang: 'fr' | 'en'): string {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ''}  ` : '';
  return where + p.message[lang];
}
