/**
 * Reads a tab- or comma-separated export with csv-parse (maintained, streaming-capable, and
 * it handles quotes, doubled quotes, BOMs and ragged rows). LMS downloads can start with
 * junk before the header (Moodle 4.4 prints PHP warnings into its objectives download), so
 * the header is found by a predicate and everything before it is skipped, and reported.
 */
import { parse } from 'csv-parse/sync';

export interface Row {
  /** 1-based line where the row starts. */
  line: number;
  cells: string[];
}

export interface Table {
  delimiter: '\t' | ',' | ';';
  header: string[];
  headerLine: number;
  rows: Row[];
  /** Lines skipped before the header (not blank), e.g. server warnings. */
  skipped: number;
}

/** The delimiter of a header line: the one that splits it into the most cells. */
function delimiterOf(line: string): '\t' | ',' | ';' {
  const count = (d: string) => line.split(d).length;
  const tabs = count('\t');
  if (tabs > 1) return '\t';
  return count(';') > count(',') ? ';' : ',';
}

/**
 * The table below the first line `isHeader` accepts (its cells, split on that line's
 * delimiter and unquoted), or null when no line is a header.
 */
export function readTable(text: string, isHeader: (cells: string[]) => boolean): Table | null {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r?\n/);
  let at = -1;
  let delimiter: Table['delimiter'] = '\t';
  for (let i = 0; i < lines.length && i < 500; i++) {
    if (!lines[i].trim()) continue;
    const d = delimiterOf(lines[i]);
    const cells = lines[i].split(d).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (isHeader(cells)) {
      at = i;
      delimiter = d;
      break;
    }
  }
  if (at < 0) return null;
  const skipped = lines.slice(0, at).filter((l) => l.trim()).length;
  const records = parse(lines.slice(at).join('\n'), {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...rest] = records;
  // info.lines is the line where the record ends; a record starts there unless a quoted cell spans lines.
  const rows = rest.map((r) => ({ line: at + r.info.lines, cells: r.record }));
  return { delimiter, header: head.record.map((h) => h.trim()), headerLine: at + 1, rows, skipped };
}
