/** One problem found in the sources, pointing at a file, line and column (1-based). */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

/** `path:line:col  message  (hint)`: the form editors and terminals turn into links. */
export function formatDiagnostic(d: Diagnostic): string {
  const tag = d.severity === 'warning' ? 'warning: ' : '';
  return `${d.file}:${d.line}:${d.col}  ${tag}${d.message}${d.hint ? `  (${d.hint})` : ''}`;
}

export const hasErrors = (ds: Diagnostic[]) => ds.some((d) => d.severity === 'error');

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.slice().sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}
