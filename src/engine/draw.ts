import type { CourseDefinition } from './definition.ts';
import { sectionsFor } from './scope.ts';

/** Small seeded PRNG (mulberry32): the same seed gives the same draw, so replay is exact. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = list.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface DrawnItem {
  item: string;
  /** Index into the item's forms: parallel variants rotate with the attempt. */
  form: number;
  section: string;
}

/**
 * Draws one attempt: for each section of the track, every critical item, then at least
 * `minPerModule` from each module pool, then random items up to `draw`, shuffled.
 */
export function drawAttempt(def: CourseDefinition, track: string | null, seed: number, attempt: number): DrawnItem[] {
  const random = rng(seed * 31 + attempt);
  const drawn: DrawnItem[] = [];
  for (const section of sectionsFor(def, track)) {
    // An item drawn by an earlier section is not drawn again.
    const pool = Object.values(def.items).filter(
      (it) =>
        section.modules.includes(it.module) &&
        !it.checkOnly &&
        (!it.tracks || (track !== null && it.tracks.includes(track))) &&
        !drawn.some((d) => d.item === it.id),
    );
    const chosen = new Set(pool.filter((it) => it.critical).map((it) => it.id));
    for (const moduleId of section.modules) {
      const fromModule = shuffle(pool.filter((it) => it.module === moduleId && !chosen.has(it.id)), random);
      const have = pool.filter((it) => it.module === moduleId && chosen.has(it.id)).length;
      for (const it of fromModule.slice(0, Math.max(0, section.minPerModule - have))) chosen.add(it.id);
    }
    for (const it of shuffle(pool.filter((p) => !chosen.has(p.id)), random)) {
      if (chosen.size >= section.draw) break;
      chosen.add(it.id);
    }
    for (const id of shuffle([...chosen], random)) {
      drawn.push({ item: id, form: (attempt - 1) % def.items[id].forms.length, section: section.id });
    }
  }
  return drawn;
}
