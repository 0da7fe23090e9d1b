/**
 * Writes translations into a YAML source without changing anything else: the file is
 * parsed to its concrete syntax tree (every space and comment kept), each target scalar is
 * edited in place with the `yaml` package's CST API (keeping its quoting or block style),
 * and the tree is printed back. A missing target key is inserted beside its source.
 */
import { CST, Composer, Parser, isScalar, type Document, type Scalar } from 'yaml';
import type { Lang } from '../../engine/definition.ts';
import { langPair, yamlSpots, type Spot } from './walk.ts';
import { trimText } from './units.ts';

type Edits = Map<string, string>;

function compose(text: string) {
  const tokens = Array.from(new Parser().parse(text));
  const docs = Array.from(new Composer({ keepSourceTokens: true }).compose(tokens)) as Document[];
  if (docs.length !== 1 || docs[0].errors.length) throw new Error('the file does not parse as one YAML document');
  return { tokens, doc: docs[0] };
}

/** A multi-line text in block context reads best as a literal block (`|`), ending with one line break. */
function styled(value: string, node: Scalar, inFlow: boolean): { value: string; type?: Scalar.Type } {
  const text = trimText(value);
  const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  if (!inFlow && (block || text.includes('\n'))) return { value: `${text}\n`, type: 'BLOCK_LITERAL' };
  if (node.type === 'PLAIN' || node.type === undefined) return { value: text, type: 'QUOTE_DOUBLE' };
  return { value: text };
}

export function applyYaml(text: string, edits: Edits, target: Lang): string {
  const { tokens, doc } = compose(text);
  const spots = new Map(yamlSpots(doc).map((s) => [s.id, s]));
  const missing: [Spot, string][] = [];
  for (const [id, value] of edits) {
    const spot = spots.get(id);
    if (!spot) throw new Error(`no text "${id}" in this file`);
    const pair = langPair(spot.map, target);
    const node = pair?.value;
    if (!pair) {
      missing.push([spot, value]);
      continue;
    }
    if (!isScalar(node) || !node.srcToken) throw new Error(`"${id}.${target}" is not a plain text value`);
    const inFlow = !!spot.map.flow;
    const s = styled(value, node, inFlow);
    // Keep the quoting style of a short text; a plain scalar is quoted so no text can change its type.
    CST.setScalarValue(node.srcToken, s.value, { afterKey: true, inFlow, type: s.type });
  }
  let out = tokens.map((t) => CST.stringify(t)).join('');
  if (missing.length) out = insertMissing(out, missing.map(([s, v]) => [s.id, v]), target);
  return out;
}

/** Adds `<target>: "text"` after the last key of each bilingual map that lacks it. */
function insertMissing(text: string, items: [string, string][], target: Lang): string {
  const { doc } = compose(text);
  const spots = new Map(yamlSpots(doc).map((s) => [s.id, s]));
  const inserts: { at: number; text: string }[] = [];
  for (const [id, value] of items) {
    const m = spots.get(id)!.map;
    const last = m.items[m.items.length - 1];
    const lastValue = last.value as Scalar;
    if (m.flow) {
      inserts.push({ at: lastValue.range![1], text: `, ${target}: ${JSON.stringify(trimText(value))}` });
    } else {
      const keyStart = (last.key as Scalar).range![0];
      const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
      const indent = text.slice(lineStart, keyStart);
      let at = lastValue.range![1];
      if (text[at - 1] !== '\n') at = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1;
      inserts.push({ at, text: `${at === text.length && !text.endsWith('\n') ? '\n' : ''}${indent}${target}: ${JSON.stringify(trimText(value))}\n` });
    }
  }
  for (const ins of inserts.sort((a, b) => b.at - a.at)) text = text.slice(0, ins.at) + ins.text + text.slice(ins.at);
  return text;
}
