/**
 * Writes every scenario map of a compiled course as standalone SVG files, one per scenario
 * and language, plus an index page that links them. Node only (used by `npm run map`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Compiled } from '../../authoring/compile.ts';
import type { Lang } from '../../engine/definition.ts';
import { scenarioSvg } from './index.ts';
import { escapeXml as x } from './text.ts';

export interface ExportedMap { scenario: string; lang: Lang; file: string; bytes: number }

export function exportMaps(c: Compiled, outDir: string, opts: { langs?: Lang[]; scenarios?: string[] } = {}): ExportedMap[] {
  const { definition: def } = c;
  const langs = opts.langs ?? def.languages;
  const ids = opts.scenarios?.length ? opts.scenarios : Object.keys(def.scenarios).sort();
  for (const id of ids) if (!def.scenarios[id]) throw new Error(`unknown scenario "${id}" (scenarios: ${Object.keys(def.scenarios).join(', ')})`);
  mkdirSync(outDir, { recursive: true });
  const out: ExportedMap[] = [];
  for (const id of ids) {
    for (const lang of langs) {
      const svg = scenarioSvg(def, c.content[lang], id);
      const file = `${id}.${lang}.svg`;
      writeFileSync(join(outDir, file), svg + '\n');
      out.push({ scenario: id, lang, file, bytes: Buffer.byteLength(svg) });
    }
  }
  writeFileSync(join(outDir, 'index.html'), indexPage(c, out));
  return out;
}

function indexPage(c: Compiled, maps: ExportedMap[]): string {
  const def = c.definition;
  const rows = [...new Set(maps.map((m) => m.scenario))].map((id) => {
    const sc = def.scenarios[id];
    const scope = sc.tracks ? ` <strong>(${x(sc.tracks.join(', '))} track only)</strong>` : '';
    const links = maps.filter((m) => m.scenario === id).map((m) => `<a href="${x(m.file)}">${m.lang}</a>`).join(' · ');
    return `<li><code>${x(id)}</code> ${x(String(c.content[def.languages[0]].text[sc.title] ?? id))}${scope}: ${links}</li>`;
  });
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Scenario maps</title><link rel="icon" href="data:,"></head>\n<body style="font-family: system-ui, sans-serif"><h1>Scenario maps</h1><p>${x(def.id)} ${x(def.version)}</p><ul>\n${rows.join('\n')}\n</ul></body></html>\n`;
}
