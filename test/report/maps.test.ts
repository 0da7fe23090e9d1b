/**
 * The scenario maps in the report: the French map is the English one with its fixed words
 * translated: well-formed (the translation never eats markup), and each map's arrows point at
 * markers of its own (ids unique in the page, where both languages' maps sit side by side).
 */
import { describe, expect, it } from 'vitest';
import { exportFile, report } from './helpers.ts';

const r = report(['scorm12-interactions.tsv'].map(exportFile));
const figures = [...r.html.matchAll(/<div class="l-fr" lang="fr">(<svg[\s\S]*?<\/svg>)<\/div><div class="l-en" lang="en">(<svg[\s\S]*?<\/svg>)<\/div>/g)].map((m) => ({ fr: m[1], en: m[2] }));
/** Whether every tag that opens closes, in order (a self-closing tag counts as both). */
function balanced(svg: string): string | null {
  const stack: string[] = [];
  for (const [, close, name, self] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (self) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) return `</${name}> closes nothing open`;
  }
  return stack.length ? `<${stack.at(-1)}> never closed` : null;
}
const texts = (svg: string) => [...svg.matchAll(/>([^<]*)</g)].map((m) => m[1]).filter((x) => x.trim());

describe('scenario maps in the report', () => {
  it('has a French and an English map for each scenario played', () => {
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.length).toBe(r.figures.scenarios.filter((s) => s.decisions.some((d) => d.choices)).length);
  });

  it('keeps the French map well-formed, as the English one, with no markup left in its text', () => {
    for (const f of figures) {
      expect(balanced(f.en)).toBeNull();
      expect(balanced(f.fr)).toBeNull();
      expect(texts(f.fr).filter((x) => /tspan|font-family=|\/text/.test(x))).toEqual([]);
    }
    const fr = texts(figures.map((f) => f.fr).join(''));
    expect(fr).toContain('CONSÉQUENCE ');
    expect(fr).toContain('meilleure option');
    expect(fr).not.toContain('CONSEQUENCE ');
  });

  it('gives every marker an id of its own, and each map uses only its own markers', () => {
    const ids = [...r.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const f of [...figures.map((x) => x.fr), ...figures.map((x) => x.en)]) {
      const own = new Set([...f.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
      const used = [...f.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]);
      expect(used.length).toBeGreaterThan(0);
      expect(used.filter((u) => !own.has(u))).toEqual([]);
    }
  });
});
