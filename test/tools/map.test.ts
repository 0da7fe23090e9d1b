// @vitest-environment jsdom
/**
 * Scenario maps: the model (nodes by type, options best or not), a layout a person can
 * read on the 30-node fixture (no box over another, no label over a box, wrapped text),
 * a standalone SVG (well-formed, nothing fetched, no script), and `npm run map`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scenarioMap } from '../../src/tools/map/scenario-graph.ts';
import { layoutMap, NODE_CHARS, LABEL_CHARS } from '../../src/tools/map/layout.ts';
import { scenarioSvg } from '../../src/tools/map/index.ts';
import { cleanTemps, compiled, courses, LARGE, runCli, SAMPLE } from './helpers.ts';

afterAll(cleanTemps);

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;

function parseSvg(svg: string) {
  // jsdom's XML parser (this file runs in the jsdom environment): a malformed SVG gives <parsererror>.
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe('scenario map', () => {
  it('models nodes by type, options as arrows marked best or not, and the scenario scope', () => {
    const c = compiled(SAMPLE)!;
    const m = scenarioMap(c.definition, c.content.en, 'birthday-envelope');
    expect(m.nodes.map((n) => `${n.id}:${n.kind}`)).toEqual([
      'intro:situation', 'card:decision', 'card-consequence:consequence', 'jam:decision',
      'jam-consequence:consequence', 'will:decision', 'will-consequence:consequence', 'debrief:ending',
    ]);
    expect(m.nodes.find((n) => n.start)?.id).toBe('intro');
    const options = m.edges.filter((e) => e.option);
    expect(options).toHaveLength(9);
    expect(options.filter((e) => e.option!.best).map((e) => e.option!.id)).toEqual(['keep-card', 'accept-log', 'decline-report']);
    expect(options.find((e) => e.option!.id === 'keep-card')).toMatchObject({ from: 'card', to: 'jam', option: { flag: 'declined-cash' } });
    expect(m.tracks).toBeNull();
    expect(scenarioMap(c.definition, c.content.fr, 'late-night-dm')).toMatchObject({ tracks: ['minors'], title: 'Le message privé de minuit' });
  });

  it('lays out the 30-node scenario readably', () => {
    const c = compiled(LARGE)!;
    const map = scenarioMap(c.definition, c.content.fr, 'long-evening');
    expect(map.nodes).toHaveLength(30);
    const lay = layoutMap(map);
    for (const [i, a] of lay.nodes.entries()) {
      for (const b of lay.nodes.slice(i + 1)) expect(overlap(a, b), `${a.id} over ${b.id}`).toBe(false);
      for (const e of lay.edges) if (e.label) expect(overlap(a, e.label), `label ${e.option!.id} over ${a.id}`).toBe(false);
      expect(a.lines.length).toBeGreaterThan(0);
      for (const l of a.lines) expect(l.length).toBeLessThanOrEqual(NODE_CHARS + 1);
    }
    const labels = lay.edges.filter((e) => e.label);
    for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) expect(overlap(a.label!, b.label!), `${a.option!.id} over ${b.option!.id}`).toBe(false);
    for (const e of labels) for (const l of e.label!.lines.slice(1)) expect(l.length).toBeLessThanOrEqual(LABEL_CHARS + 1);
    for (const e of lay.edges) expect(e.points.length, `${e.from}→${e.to}`).toBeGreaterThan(1);
  });

  it('draws a standalone, well-formed SVG for every scenario of every course', () => {
    for (const { c } of courses()) {
      for (const id of Object.keys(c.definition.scenarios)) {
        for (const lang of c.definition.languages) {
          const svg = scenarioSvg(c.definition, c.content[lang], id);
          const doc = parseSvg(svg);
          const sc = c.definition.scenarios[id];
          expect(doc.querySelectorAll('[data-node]')).toHaveLength(Object.keys(sc.nodes).length);
          const decisions = Object.values(sc.nodes).filter((n) => n.kind === 'decision');
          expect(doc.querySelectorAll('g.option.best')).toHaveLength(decisions.length);
          expect(doc.querySelectorAll('path.edge')).toHaveLength(doc.querySelectorAll('g.option').length + Object.values(sc.nodes).filter((n) => 'next' in n).length);
          // Nothing to run, nothing fetched: the file opens anywhere, offline.
          expect(svg).not.toMatch(/<script|<image|<foreignObject|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
          expect(doc.querySelector('title')?.textContent).toContain(id);
        }
      }
    }
  });

  it('marks a track-only scenario and links nodes and options when asked', () => {
    const c = compiled(LARGE)!;
    const svg = scenarioSvg(c.definition, c.content.en, 'long-evening', { href: (node, option) => `?scenario=long-evening&node=${node}${option ? `&option=${option}` : ''}` });
    const doc = parseSvg(svg);
    expect(doc.querySelector('.scope')?.textContent).toBe('MINORS TRACK ONLY');
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('?scenario=long-evening&node=d4&option=hand-over');
    // One link per node and one per option (8 decisions of 3 options).
    expect(hrefs).toHaveLength(30 + 24);
    const sample = compiled(SAMPLE)!;
    expect(scenarioSvg(sample.definition, sample.content.en, 'birthday-envelope')).toContain('For every track');
  });

  it('exports every map with `npm run map`', () => {
    const out = mkdtempSync(join(tmpdir(), 'maps-'));
    const r = runCli('src/cli/map.ts', ['--root', LARGE, '--out', out]);
    expect(r.code, r.out).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['index.html', 'long-evening.en.svg', 'long-evening.fr.svg']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('href="long-evening.fr.svg"');
    parseSvg(readFileSync(join(out, 'long-evening.en.svg'), 'utf8'));
    const one = runCli('src/cli/map.ts', ['--root', SAMPLE, '--out', join(out, 'one'), '--lang', 'fr', 'late-night-dm']);
    expect(one.code, one.out).toBe(0);
    expect(existsSync(join(out, 'one', 'late-night-dm.fr.svg')) && !existsSync(join(out, 'one', 'late-night-dm.en.svg'))).toBe(true);
    const bad = runCli('src/cli/map.ts', ['--root', SAMPLE, '--out', join(out, 'bad'), 'no-such']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('unknown scenario "no-such"');
  });
});
