/**
 * Finds every learner-visible string in a YAML source or locale JSON file, with an id that
 * stays the same when items are reordered: the YAML path, naming list items by their `id`
 * (`nodes.card.options.keep-card.text`) and steps by kind and id (`steps.page:welcome.title`).
 * Ids are XLIFF NMTOKENs: letters, digits, `.`, `-`, `_`, `:`.
 */
import { isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { Lang } from '../../engine/definition.ts';

/** One bilingual `{ fr, en }` map (YAML) or one string leaf (JSON), by id. */
export interface Spot {
  id: string;
  /** The map holding the languages (YAML), or the leaf's parent object (JSON). */
  map: YAMLMap;
  /** Data path to `map` (YAML) or to the leaf (JSON). */
  path: (string | number)[];
}

const LANGS = ['fr', 'en'];

/** Any character outside NMTOKEN becomes `_xHH_`, so every key gives a valid, stable id. */
export const idPart = (s: string) => s.replace(/[^A-Za-z0-9._:-]/g, (c) => `_x${c.codePointAt(0)!.toString(16)}_`);

const keyOf = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : '');

/** The name of a list item: its id, or `kind:id` for a one-key item such as `- page: {id: …}`. */
function itemName(item: unknown, index: number): string {
  if (isMap(item)) {
    const id = item.get('id');
    if (typeof id === 'string' || typeof id === 'number') return idPart(String(id));
    if (item.items.length === 1) {
      const inner = item.items[0].value;
      const innerId = isMap(inner) ? inner.get('id') : undefined;
      if (typeof innerId === 'string') return `${idPart(keyOf(item.items[0]))}:${idPart(innerId)}`;
    }
  }
  return `_${index}`;
}

/** Whether a map is a bilingual text: only `fr` / `en` keys, each a string (or empty). */
export function isBilingual(m: YAMLMap): boolean {
  return m.items.length > 0 && m.items.every((p) => LANGS.includes(keyOf(p)) && (p.value === null || (isScalar(p.value) && (typeof p.value.value === 'string' || p.value.value === null))));
}

export function yamlSpots(doc: Document): Spot[] {
  const out: Spot[] = [];
  const visit = (node: unknown, names: string[], path: (string | number)[]) => {
    if (isMap(node)) {
      if (isBilingual(node)) return void out.push({ id: names.join('.'), map: node, path });
      for (const p of node.items) visit(p.value, [...names, idPart(keyOf(p))], [...path, keyOf(p)]);
    } else if (isSeq(node)) {
      node.items.forEach((it, i) => {
        const name = itemName(it, i);
        // `- page: {id: x, …}` is named `page:x`; its inner key is not repeated in the id.
        if (name.includes(':') && isMap(it)) visit(it.items[0].value, [...names, name], [...path, i, keyOf(it.items[0])]);
        else visit(it, [...names, name], [...path, i]);
      });
    }
  };
  visit(doc.contents, [], []);
  return out;
}

/** String leaves of a locale JSON file (parsed as YAML, which JSON is), by key path. */
export function jsonSpots(doc: Document): Spot[] {
  const out: Spot[] = [];
  const visit = (node: unknown, names: string[], path: string[]) => {
    if (!isMap(node)) return;
    for (const p of node.items) {
      const k = keyOf(p);
      if (isScalar(p.value) && typeof p.value.value === 'string') out.push({ id: [...names, idPart(k)].join('.'), map: node, path: [...path, k] });
      else visit(p.value, [...names, idPart(k)], [...path, k]);
    }
  };
  visit(doc.contents, [], []);
  return out;
}

/** The pair of a language in a bilingual map. */
export const langPair = (m: YAMLMap, lang: Lang) => m.items.find((p) => keyOf(p) === lang) as Pair<YamlNode, YamlNode | null> | undefined;

/** A scalar's string value ('' for an empty or null value). */
export const textOf = (n: unknown) => (isScalar(n) && n.value !== null && n.value !== undefined ? String(n.value) : '');
