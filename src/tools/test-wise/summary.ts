/**
 * Plays each test-wise strategy over many seeds per track and sums up: mean and maximum
 * score, how many passed, and the chance expectation (the mean, over the attempts, of what a
 * blind guess would score on the questions actually drawn).
 */
import type { ContentStrings, CourseDefinition, Lang } from '../../engine/definition.ts';
import { playAssessment } from './play.ts';
import { strategies } from './strategies.ts';

export interface GamingRow {
  track: string;
  strategy: string;
  seeds: number;
  mean: number;
  max: number;
  passed: number;
  /** Expected score (0–100) of a blind guess on the same questions. */
  chance: number;
  /** True/false questions only: share answered right (0–100), and the share whose key is False. */
  tfRight: number;
  tfFalseKeys: number;
}

export function gaming(def: CourseDefinition, content: Record<Lang, ContentStrings>, seeds: number, tracks = def.tracks.map((t) => t.id)): GamingRow[] {
  const rows: GamingRow[] = [];
  for (const track of tracks) {
    for (const [name, strategy] of Object.entries(strategies)) {
      const scores: number[] = [];
      let chance = 0;
      let passed = 0;
      let tf = 0;
      let tfRight = 0;
      let tfFalse = 0;
      for (let seed = 1; seed <= seeds; seed++) {
        const p = playAssessment(def, content, track, seed, strategy, seed % 2 ? 'en' : 'fr');
        scores.push(p.result.score);
        if (p.result.passed) passed++;
        chance += p.asked.reduce((n, a) => n + a.chance, 0) / p.asked.length;
        for (const a of p.asked.filter((x) => x.type === 'truefalse')) {
          tf++;
          if (a.correct) tfRight++;
          const form = def.items[a.item].forms.find((f) => f.id === a.form)!;
          if (form.options.find((o) => o.correct)?.id === 'false') tfFalse++;
        }
      }
      rows.push({
        track,
        strategy: name,
        seeds,
        mean: scores.reduce((a, b) => a + b, 0) / scores.length,
        max: Math.max(...scores),
        passed,
        chance: (chance / seeds) * 100,
        tfRight: tf ? (tfRight / tf) * 100 : 0,
        tfFalseKeys: tf ? (tfFalse / tf) * 100 : 0,
      });
    }
  }
  return rows;
}
