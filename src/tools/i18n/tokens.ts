/**
 * Configuration tokens (`{{SUPERVISOR_TITLE}}`) travel through XLIFF as placeholders
 * (`<ph/>`), so translation tools show them as tags a translator cannot mistype or drop by
 * accident; a translation that still loses or adds one is refused on import.
 */
export type Part = string | { token: string };

const TOKEN = /\{\{\s*[A-Za-z0-9_]+\s*\}\}/g;

export function splitTokens(text: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index! > last) parts.push(text.slice(last, m.index));
    parts.push({ token: m[0] });
    last = m.index! + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The tokens of a text, sorted: two texts must carry the same ones. */
export const tokensOf = (text: string) => (text.match(TOKEN) ?? []).map((t) => t.replace(/\s+/g, '')).sort();

export function sameTokens(a: string, b: string): boolean {
  return tokensOf(a).join(' ') === tokensOf(b).join(' ');
}
