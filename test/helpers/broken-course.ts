/**
 * The sample course with a knowledge check whose answer key cannot be read: answering it
 * makes a machine action throw, as a content or engine bug would in the field.
 */
import type { CourseDefinition } from '../../src/engine/definition.ts';

export const BROKEN_ITEM = 'cash-for-coffee';

export function withBrokenCheck(def: CourseDefinition): CourseDefinition {
  const broken = structuredClone(def);
  for (const o of broken.items[BROKEN_ITEM].forms[0].options) {
    Object.defineProperty(o, 'correct', {
      get() {
        throw new Error('answer key unavailable');
      },
    });
  }
  return broken;
}
