/**
 * The safe markdown subset trainers write, parsed at build time into plain data
 * (`Block[]`). The interface renders that data with elements, never as raw HTML, so a
 * source file cannot inject markup or script.
 *
 * Supported: paragraphs, `### heading`, `- item` / `1. item` lists, `> note`, **bold**, *italic*.
 */
import type { Block, Inline } from '../engine/definition.ts';

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /\*\*(.+?)\*\*|(?<![*\w])[*_](?!\s)(.+?)(?<!\s)[*_](?![*\w])/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index! > last) out.push(text.slice(last, m.index));
    out.push(m[1] !== undefined ? { b: m[1] } : { i: m[2] });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { t: 'ul' | 'ol'; items: string[] } | null = null;
  let note: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ t: 'p', c: parseInline(para.join(' ')) });
    if (list) blocks.push({ t: list.t, items: list.items.map(parseInline) });
    if (note.length) blocks.push({ t: 'note', c: parseInline(note.join(' ')) });
    para = [];
    list = null;
    note = [];
  };
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    const ul = /^[-*]\s+(.*)$/.exec(line);
    const ol = /^\d+[.)]\s+(.*)$/.exec(line);
    if (!line) flush();
    else if (line.startsWith('#')) {
      flush();
      blocks.push({ t: 'h', c: parseInline(line.replace(/^#+\s*/, '')) });
    } else if (line.startsWith('>')) {
      if (!note.length) flush();
      note.push(line.replace(/^>\s?/, ''));
    } else if (ul || ol) {
      const t = ul ? 'ul' : 'ol';
      if (!list || list.t !== t) {
        flush();
        list = { t, items: [] };
      }
      list.items.push((ul ?? ol)![1]);
    } else if (list && raw.startsWith(' ')) list.items[list.items.length - 1] += ' ' + line;
    else {
      if (list || note.length) flush();
      para.push(line);
    }
  }
  flush();
  return blocks;
}
