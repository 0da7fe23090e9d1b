import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/authoring/load.ts';
import { drawAttempt } from '../../src/engine/draw.ts';
import { scoreAttempt } from '../../src/engine/scoring.ts';

const def = buildCourse('.').compiled!.definition;

describe('assessment draw (shipped course)', () => {
  it('follows the rules of each section: size, all critical items, at least N per module, no duplicates', () => {
    for (const track of ['standard', 'minors']) {
      for (let seed = 1; seed <= 20; seed++) {
        const drawn = drawAttempt(def, track, seed, 1);
        const ids = drawn.map((d) => d.item);
        expect(new Set(ids).size).toBe(ids.length);
        for (const section of def.assessment.sections.filter((s) => !s.tracks || s.tracks.includes(track))) {
          const mine = drawn.filter((d) => d.section === section.id).map((d) => def.items[d.item]);
          expect(mine).toHaveLength(section.draw);
          const pool = Object.values(def.items).filter((i) => section.modules.includes(i.module) && !i.checkOnly);
          for (const c of pool.filter((i) => i.critical)) expect(mine.map((i) => i.id)).toContain(c.id);
          for (const m of section.modules) if (pool.some((i) => i.module === m)) expect(mine.filter((i) => i.module === m).length).toBeGreaterThanOrEqual(Math.min(section.minPerModule, pool.filter((i) => i.module === m).length));
          expect(mine.some((i) => i.checkOnly)).toBe(false);
        }
        if (track === 'standard') expect(drawn.every((d) => d.section !== 'minors')).toBe(true);
      }
    }
  });

  it('is the same for the same seed and attempt, and differs across attempts', () => {
    expect(drawAttempt(def, 'minors', 9, 1)).toEqual(drawAttempt(def, 'minors', 9, 1));
    expect(drawAttempt(def, 'minors', 9, 2).map((d) => d.item)).not.toEqual(drawAttempt(def, 'minors', 9, 1).map((d) => d.item));
  });

  it('asks a parallel variant of a critical item on the next attempt', () => {
    const first = drawAttempt(def, 'standard', 4, 1).find((d) => d.item === 'q11')!;
    const second = drawAttempt(def, 'standard', 4, 2).find((d) => d.item === 'q11')!;
    expect(def.items.q11.forms[first.form].id).not.toBe(def.items.q11.forms[second.form].id);
  });
});

describe('scoring', () => {
  const drawn = drawAttempt(def, 'standard', 3, 1);
  const right = drawn.map((d) => ({ item: d.item, correct: true }));

  it('passes with every answer right', () => {
    const r = scoreAttempt(def, drawn, right);
    expect(r).toMatchObject({ passed: true, score: 100, review: [] });
  });

  it('passes at the passing score when no critical item is missed', () => {
    const misses = drawn.filter((d) => !def.items[d.item].critical).slice(0, 4).map((d) => d.item);
    const r = scoreAttempt(def, drawn, right.map((a) => (misses.includes(a.item) ? { ...a, correct: false } : a)));
    expect(r.score).toBe(80);
    expect(r.passed).toBe(true);
    expect(r.review.length).toBeGreaterThan(0);
  });

  it('fails below the passing score, and fails on one critical miss even at 95 %', () => {
    const five = drawn.filter((d) => !def.items[d.item].critical).slice(0, 5).map((d) => d.item);
    expect(scoreAttempt(def, drawn, right.map((a) => (five.includes(a.item) ? { ...a, correct: false } : a))).passed).toBe(false);
    const r = scoreAttempt(def, drawn, right.map((a) => (a.item === 'q22' ? { ...a, correct: false } : a)));
    expect(r.score).toBe(95);
    expect(r.passed).toBe(false);
    expect(r.sections[0].criticalMissed).toEqual(['q22']);
  });
});
