/**
 * Reads a translated XLIFF 2.0 file back (the `xliff` package parses the XML) into plain
 * units: text with `{{TOKENS}}` restored from the `<ph/>` placeholders, and the fingerprints
 * the export left in the notes. Files a tool has re-segmented are refused: a unit is one
 * string of the course and must come back whole.
 */
import xliff2js, { type InlineValue, type Value, type XliffUnit } from 'xliff/xliff2js';

export interface ReadUnit {
  id: string;
  source: string;
  /** null: no target, or an empty one. */
  target: string | null;
  sourceHash: string | null;
  targetHash: string | null;
}

export interface ReadXliff {
  source: string;
  target: string;
  files: Map<string, Map<string, ReadUnit>>;
}

export class XliffError extends Error {}

/** Units with more than one `<segment>`: counted on the text, since the parser keeps only the last one. */
function splitUnits(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<unit\b[^>]*?\bid="([^"]*)"[^>]*>([\s\S]*?)<\/unit>/g)) {
    if ((m[2].match(/<segment\b/g) ?? []).length > 1) out.push(m[1]);
  }
  return out;
}

/**
 * The parser drops a text's last line break when an element follows it (it takes it for
 * indentation), so "paragraph.\n\n{{TOKEN}} …" would come back with one break. A mark after
 * such a break keeps it a text's inner character; `flatten` takes the mark out again.
 */
const KEEP = '\uE000';
const keepBreaks = (xml: string) => xml.replace(/(\n[ \t]*)(<(?:ph|pc|sc|ec|mrk|sm|em)\b|<\/(?:source|target)>)/g, `$1${KEEP}$2`);
const unmark = (s: string) => s.split(KEEP).join('');

/** Flattens a source or target value: text as is, placeholders back to their token. */
function flatten(v: Value, sourceTokens: Map<string, string>): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return unmark(v);
  return v.map((part: InlineValue) => inlinePart(part, sourceTokens)).join('');
}

function inlinePart(part: InlineValue, sourceTokens: Map<string, string>): string {
  if (typeof part === 'string') return unmark(part);
  const [kind, attrs] = Object.entries(part)[0] as [string, Record<string, unknown>];
  // A placeholder names its token in `equiv`; failing that, by the id it shares with the source.
  if (kind === 'Standalone') return String(attrs.equiv ?? sourceTokens.get(String(attrs.id)) ?? attrs.disp ?? '');
  // Any other inline code a tool added (a span, a marker) keeps only its text.
  const contents = attrs.contents as Value;
  return contents === undefined ? '' : flatten(contents, sourceTokens);
}

function sourceTokenIds(v: Value): Map<string, string> {
  const ids = new Map<string, string>();
  if (Array.isArray(v)) for (const p of v) if (typeof p !== 'string' && p.Standalone) ids.set(String(p.Standalone.id), String(p.Standalone.equiv ?? ''));
  return ids;
}

function noteValue(u: XliffUnit, name: string): string | null {
  const notes = (Array.isArray(u.note) && !u.note.some((n) => typeof n !== 'string') ? u.note : [u.note]) as Value[];
  for (const n of notes) {
    const text = typeof n === 'string' ? n : Array.isArray(n) ? n.filter((x): x is string => typeof x === 'string').join('') : '';
    const m = new RegExp(`^\\s*${name}:\\s*(\\S+)`).exec(text);
    if (m) return m[1];
  }
  return null;
}

export async function readXliff(xml: string): Promise<ReadXliff> {
  if (!/<xliff\b[^>]*\bversion="2\.[012]"/.test(xml)) throw new XliffError('this is not an XLIFF 2 file (the export writes XLIFF 2.0; keep that version when saving from the translation tool)');
  const split = splitUnits(xml);
  if (split.length) {
    throw new XliffError(
      `${split.length} unit(s) were split into several segments by the translation tool (${split.slice(0, 5).join(', ')}${split.length > 5 ? ', …' : ''}). ` +
        'Each unit is one string of the course: join the segments in the tool, or re-export and keep segmentation locked.',
    );
  }
  let js;
  try {
    js = await xliff2js(keepBreaks(xml));
  } catch (e) {
    throw new XliffError(`the file is not well-formed XML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (!js.resources || !js.sourceLanguage || !js.targetLanguage) throw new XliffError('the file has no srcLang/trgLang or no <file> element');
  const files = new Map<string, Map<string, ReadUnit>>();
  for (const [fileId, units] of Object.entries(js.resources)) {
    const map = new Map<string, ReadUnit>();
    const add = (id: string, u: XliffUnit) => {
      if (u.groupUnits) return Object.entries(u.groupUnits).forEach(([k, g]) => add(k, g));
      const tokens = sourceTokenIds(u.source);
      const target = flatten(u.target, tokens);
      map.set(id, { id, source: flatten(u.source, tokens), target: target.trim() ? target : null, sourceHash: noteValue(u, 'source-hash'), targetHash: noteValue(u, 'target-hash') });
    };
    for (const [id, u] of Object.entries(units)) add(id, u);
    files.set(fileId, map);
  }
  return { source: js.sourceLanguage, target: js.targetLanguage, files };
}
