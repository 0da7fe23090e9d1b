/**
 * The translation units of a course (Node only): every learner-visible string of modules/,
 * scenarios/ (bilingual `{ fr, en }` maps) and of the interface locale files (locales/<lang>/
 * *.json, the same key in each language's file), with its source text, current target text
 * and line, grouped by the file an XLIFF `<file>` element stands for.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Lang } from '../../engine/definition.ts';
import { idPart, jsonSpots, langPair, textOf, yamlSpots } from './walk.ts';

export interface Unit {
  id: string;
  source: string;
  /** null: the target language is missing altogether (no key). */
  target: string | null;
  line: number;
  /** Locale files: the key path (`["scenario", "best"]`). */
  keys?: string[];
}

export interface UnitFile {
  /** XLIFF file id: the path with `/` as `:` (`scenarios:birthday-envelope.yaml`). */
  id: string;
  kind: 'yaml' | 'json';
  /** Path from the course root of the file holding the source text… */
  original: string;
  /** …and of the file the translation goes into (the same file for YAML). */
  targetFile: string;
  units: Unit[];
}

export interface Direction { source: Lang; target: Lang }

/** Where the sources are: the course root (modules/, scenarios/) and the locale folder. */
export interface SourceRoots { root: string; locales: string }

const list = (dir: string, re: RegExp) => (existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f)).sort() : []);

export function parseWithLines(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, keepSourceTokens: true }), lines };
}

/** Trailing line breaks carry no meaning for a translator; they are put back on import. */
export const trimText = (s: string) => s.replace(/\s+$/, '');

/** A short, stable fingerprint of a text, kept in the XLIFF to spot sources changed since export. */
export const textHash = (s: string) => createHash('sha256').update(trimText(s)).digest('hex').slice(0, 16);

export function collectUnits(roots: SourceRoots, dir: Direction): UnitFile[] {
  const files: UnitFile[] = [];
  for (const folder of ['modules', 'scenarios']) {
    for (const f of list(join(roots.root, folder), /\.ya?ml$/)) {
      const original = `${folder}/${f}`;
      const { doc, lines } = parseWithLines(readFileSync(join(roots.root, original), 'utf8'));
      if (doc.errors.length) throw new Error(`${original}:${lines.linePos(doc.errors[0].pos[0]).line}: ${doc.errors[0].message.split('\n')[0]} (fix it with \`npm run check\` first)`);
      const units = yamlSpots(doc).map((s) => {
        const src = langPair(s.map, dir.source);
        const trg = langPair(s.map, dir.target);
        const at = (src?.value ?? src?.key ?? s.map) as { range?: [number, number, number] };
        return { id: s.id, source: textOf(src?.value), target: trg ? textOf(trg.value) : null, line: lines.linePos(at.range?.[0] ?? 0).line };
      });
      if (units.length) files.push({ id: idPart(original.replace(/\//g, ':')), kind: 'yaml', original, targetFile: original, units });
    }
  }
  for (const f of list(join(roots.locales, dir.source), /\.json$/)) {
    const { doc, lines } = parseWithLines(readFileSync(join(roots.locales, dir.source, f), 'utf8'));
    const targetPath = join(roots.locales, dir.target, f);
    const target = existsSync(targetPath) ? (parseDocument(readFileSync(targetPath, 'utf8')).toJS() as unknown) : {};
    const units = jsonSpots(doc).map((s) => {
      const v = s.map.get(s.path[s.path.length - 1], true);
      const t = s.path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k as string] : undefined), target);
      return { id: s.id, source: textOf(v), target: typeof t === 'string' ? t : null, line: lines.linePos((v as { range?: number[] })?.range?.[0] ?? 0).line, keys: s.path as string[] };
    });
    files.push({ id: idPart(`locales:${f}`), kind: 'json', original: `locales/${dir.source}/${f}`, targetFile: `locales/${dir.target}/${f}`, units });
  }
  return files;
}
