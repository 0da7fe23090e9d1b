/**
 * Writes translations into a locale JSON file without changing anything else: each string
 * is replaced where it stands (its exact character range), and a missing key is inserted
 * after its nearest preceding sibling in the source file's order, matching the file's layout.
 */
import { isMap, isScalar, parseDocument, type Pair, type Scalar, type YAMLMap } from 'yaml';

export interface JsonEdit {
  /** Key path, e.g. ["scenario", "best"]. */
  path: string[];
  value: string;
}

/** The keys of the source-language object at a path, in order: where a new key belongs. */
export type KeyOrder = (parent: string[]) => string[];

const keyOf = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : '');

export function applyJson(text: string, edits: JsonEdit[], order: KeyOrder): string {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`not valid JSON: ${doc.errors[0].message.split('\n')[0]}`);
  const splices: { from: number; to: number; text: string; n?: number }[] = [];
  for (const e of edits) {
    let node: unknown = doc.contents;
    let i = 0;
    for (; i < e.path.length - 1 && isMap(node); i++) {
      const next = (node as YAMLMap).items.find((p) => keyOf(p) === e.path[i])?.value;
      if (!isMap(next)) break;
      node = next;
    }
    if (!isMap(node)) throw new Error(`"${e.path.join('.')}": the file has no object there`);
    const map = node as YAMLMap;
    const rest = e.path.slice(i);
    const existing = rest.length === 1 ? map.items.find((p) => keyOf(p) === rest[0]) : undefined;
    if (existing) {
      const v = existing.value as Scalar;
      if (!isScalar(v) || typeof v.value !== 'string') throw new Error(`"${e.path.join('.')}" is not a text`);
      splices.push({ from: v.range![0], to: v.range![1], text: JSON.stringify(e.value) });
    } else {
      splices.push(insertion(text, map, rest, e.value, order(e.path.slice(0, i))));
    }
  }
  // From the end, so earlier offsets stay valid; two keys added at one place keep their order.
  splices.forEach((s, n) => (s.n = n));
  for (const s of splices.sort((a, b) => b.from - a.from || b.n! - a.n!)) text = text.slice(0, s.from) + s.text + text.slice(s.to);
  return text;
}

/** `"key": value` (or nested objects for a longer path) placed among the object's pairs. */
function insertion(text: string, map: YAMLMap, rest: string[], value: string, siblings: string[]) {
  let json = JSON.stringify(value);
  for (let k = rest.length - 1; k > 0; k--) json = `{ ${JSON.stringify(rest[k])}: ${json} }`;
  const pair = `${JSON.stringify(rest[0])}: ${json}`;
  const open = map.range![0];
  if (!map.items.length) return { from: open + 1, to: map.range![1] - 1, text: ` ${pair} ` };
  const firstKey = (map.items[0].key as Scalar).range![0];
  const lead = text.slice(open + 1, firstKey);
  const sep = lead.includes('\n') ? `,\n${lead.slice(lead.lastIndexOf('\n') + 1)}` : ', ';
  // After the nearest earlier sibling (in source order) the target already has, else first.
  const before = siblings.slice(0, Math.max(0, siblings.indexOf(rest[0]))).reverse();
  const after = before.map((k) => map.items.find((p) => keyOf(p) === k)).find(Boolean);
  if (!after) return { from: firstKey, to: firstKey, text: `${pair}${sep}` };
  const end = (after.value as Scalar).range![1];
  return { from: end, to: end, text: `${sep}${pair}` };
}
