/** Text helpers for the maps: plain text of a content key, word wrapping, XML escaping. */
import type { Block, ContentStrings, Inline } from '../../engine/definition.ts';

const inlineText = (i: Inline) => (typeof i === 'string' ? i : 'b' in i ? i.b : i.i);

/**
 * A content key's text, flattened to one line. Tokens stay as `{{NAME}}`: an author reading
 * the map wants to see where a configured value goes, not one programme's value.
 */
export function plainText(strings: ContentStrings, key: string | undefined): string {
  if (!key) return '';
  const v = strings.text[key];
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return (v as Block[])
    .map((b) => ('c' in b ? b.c.map(inlineText).join('') : b.items.map((it) => `• ${it.map(inlineText).join('')}`).join(' ')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Wraps text into at most `maxLines` lines of `width` characters, ending with "…" when cut.
 * Widths are counted in characters: SVG has no text measurement outside a browser, and the
 * boxes leave room for the widest common letters.
 */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let w of words) {
    while (w.length > width) {
      if (line) lines.push(line), (line = '');
      lines.push(w.slice(0, width - 1) + '-');
      w = w.slice(width - 1);
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ' ' + w;
    else lines.push(line), (line = w);
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1];
  kept[maxLines - 1] = (last.length >= width ? last.slice(0, width - 1) : last) + '…';
  return kept;
}

export const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
