/**
 * The order in which options are shown. Scenario and quiz options are shuffled per learner
 * (seeded) so the position of an answer says nothing about it; quiz options are shuffled
 * again on every assessment attempt. The order depends only on the seed, the attempt and ids,
 * never on the language, so it survives a resume (the seed is saved) and a language switch.
 * True/false items keep True then False: a shuffled pair only confuses.
 */
import type { ItemDef, ItemFormDef, OptionDef, ScenarioDef } from './definition.ts';
import { rng, shuffle } from './draw.ts';

/** A small string hash (31-multiplier, 32 bits), mixed into the seed. */
export function hashId(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

export function decisionOrder(options: readonly OptionDef[], seed: number, sc: ScenarioDef, nodeId: string): OptionDef[] {
  return shuffle(options, rng(seed ^ hashId(nodeId + sc.id)));
}

/** `attempt` is 0 for knowledge checks (before any assessment), 1.. for assessment attempts. */
export function itemOrder(item: ItemDef, form: ItemFormDef, seed: number, attempt: number): ItemFormDef['options'] {
  const options = form.options;
  if (item.type === 'truefalse') {
    const rank = (id: string) => (id === 'true' ? 0 : id === 'false' ? 1 : 2);
    return options.slice().sort((a, b) => rank(a.id) - rank(b.id));
  }
  return shuffle(options, rng(seed ^ hashId(`${item.id}/${form.id}#${attempt}`)));
}
