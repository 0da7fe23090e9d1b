/**
 * Writes XLIFF 2.0 (OASIS): one `<file>` per source file, one `<unit>` per string with its
 * source, its current target (state `initial` when there is none yet), and notes giving the
 * place in the source and fingerprints of the source and target at export time.
 * Segmentation is locked (`canResegment="no"`): each unit must come back as one segment.
 */
import type { Direction, UnitFile } from './units.ts';
import { textHash, trimText } from './units.ts';
import { splitTokens } from './tokens.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry at all: none are expected in course text.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const ph = (id: string, token: string) => `<ph id="${id}" equiv="${esc(token)}" disp="${esc(token)}"/>`;

/**
 * Source and target with each token as `<ph>`. XLIFF links a code in the target to the one
 * in the source by id, so the k-th {{X}} of the target reuses the id of the k-th {{X}} of
 * the source; a token only in the target gets a new id.
 */
function inlinePair(source: string, target: string | null): { source: string; target: string | null } {
  let next = 0;
  const idsOf = new Map<string, string[]>();
  const src = splitTokens(trimText(source))
    .map((p) => {
      if (typeof p === 'string') return esc(p);
      const id = String(++next);
      idsOf.set(p.token, [...(idsOf.get(p.token) ?? []), id]);
      return ph(id, p.token);
    })
    .join('');
  if (target === null) return { source: src, target: null };
  const seen = new Map<string, number>();
  const trg = splitTokens(trimText(target))
    .map((p) => {
      if (typeof p === 'string') return esc(p);
      const k = seen.get(p.token) ?? 0;
      seen.set(p.token, k + 1);
      return ph(idsOf.get(p.token)?.[k] ?? String(++next), p.token);
    })
    .join('');
  return { source: src, target: trg };
}

export function writeXliff(files: UnitFile[], dir: Direction, meta: { course: string; version: string }): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- ${esc(meta.course)} ${esc(meta.version)}: every learner-visible string, ${dir.source} → ${dir.target}. Keep ids and <ph/> placeholders as they are. -->`,
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${dir.source}" trgLang="${dir.target}">`,
  ];
  for (const f of files) {
    out.push(`  <file id="${esc(f.id)}" original="${esc(f.original)}" canResegment="no">`);
    for (const u of f.units) {
      const hasTarget = u.target !== null && trimText(u.target) !== '';
      const text = inlinePair(u.source, hasTarget ? u.target : null);
      const notes = [
        `<note category="location">location: ${esc(`${f.original}:${u.line}`)}</note>`,
        `<note category="source-hash">source-hash: ${textHash(u.source)}</note>`,
        `<note category="target-hash">target-hash: ${textHash(u.target ?? '')}</note>`,
      ];
      out.push(
        `    <unit id="${esc(u.id)}">`,
        `      <notes>${notes.join('')}</notes>`,
        `      <segment state="${hasTarget ? 'translated' : 'initial'}">`,
        `        <source xml:space="preserve">${text.source}</source>`,
        ...(text.target !== null ? [`        <target xml:space="preserve">${text.target}</target>`] : []),
        '      </segment>',
        '    </unit>',
      );
    }
    out.push('  </file>');
  }
  out.push('</xliff>', '');
  return out.join('\n');
}
