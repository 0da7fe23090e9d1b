/**
 * YAML text → plain data, keeping a way back from any data path to its line and column, so
 * every later check can point at the exact place in the trainer's file.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from './diagnostic.ts';

export type DataPath = (string | number)[];

export interface ParsedFile {
  file: string;
  data: unknown;
  /**
   * Position of the value at `path` (or of its key with `key: true`), else of the nearest
   * parent. With `offset`, the position of that character inside a text value.
   */
  locate(path: DataPath, opts?: { key?: boolean; offset?: number }): { line: number; col: number };
  diagnostics: Diagnostic[];
}

const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'each key may appear once in the same block; remove or rename one',
  BAD_INDENT: 'check that this line is indented like its siblings (spaces, not tabs)',
  MISSING_CHAR: 'a quote or bracket is not closed',
  BLOCK_AS_IMPLICIT_KEY: 'a key is probably missing its colon, or a line is mis-indented',
  TAB_AS_INDENT: 'use spaces for indentation, not tabs',
  MULTILINE_IMPLICIT_KEY: 'a text containing ": " must be quoted',
};

export function parseYaml(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const diagnostics: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = at(e.pos[0]);
    const first = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return {
      file,
      ...pos,
      severity: doc.errors.includes(e as never) ? 'error' : 'warning',
      message: `YAML: ${first}`,
      hint: YAML_HINTS[e.code] ?? 'check the indentation and quoting around this line',
    };
  });

  function locate(path: DataPath, opts: { key?: boolean; offset?: number } = {}) {
    const pos = locateNode(path, opts);
    if (opts.offset === undefined || !pos.node || !isScalar(pos.node) || typeof pos.node.value !== 'string') return pos.at;
    const before = pos.node.value.slice(0, opts.offset);
    const lines = before.split('\n');
    const block = pos.node.type === 'BLOCK_LITERAL' || pos.node.type === 'BLOCK_FOLDED';
    // Block scalars start on the line after their indicator; their indentation is not in the value.
    if (block) {
      const indent = /^( *)\S/m.exec(text.slice(pos.node.range![0]).split('\n').slice(1).join('\n'))?.[1].length ?? 0;
      return { line: pos.at.line + lines.length, col: indent + lines[lines.length - 1].length + 1 };
    }
    const quoted = pos.node.type === 'QUOTE_DOUBLE' || pos.node.type === 'QUOTE_SINGLE' ? 1 : 0;
    return lines.length === 1 ? { line: pos.at.line, col: pos.at.col + quoted + before.length } : pos.at;
  }

  function locateNode(path: DataPath, opts: { key?: boolean }): { at: { line: number; col: number }; node: YamlNode | null } {
    let node: YamlNode | null = doc.contents as YamlNode | null;
    let best = node?.range ? node.range[0] : 0;
    for (let i = 0; i < path.length && node; i++) {
      const seg = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const last = i === path.length - 1;
        const keyNode = pair.key as YamlNode;
        if (last && opts.key && keyNode.range) return { at: at(keyNode.range[0]), node: null };
        best = keyNode.range ? keyNode.range[0] : best;
        node = pair.value as YamlNode | null;
        if (node?.range && !(last && opts.key)) best = node.range[0];
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg] as YamlNode | null;
        if (node?.range) best = node.range[0];
      } else break;
    }
    return { at: at(best), node };
  }

  const data = doc.errors.length ? null : doc.toJS({ maxAliasCount: 100 });
  return { file, data, locate, diagnostics };
}
