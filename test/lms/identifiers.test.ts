import { describe, expect, test } from 'vitest';
import { idPart, ids, isPortableId, makeId } from '../../src/lms/identifiers.ts';

describe('identifiers', () => {
  test('course ids pass through; parts are joined with _', () => {
    expect(makeId(ids.decision('birthday-envelope', 'card'), 255)).toBe('scn_birthday-envelope_card');
    expect(makeId(ids.assessment('will-gift-b'), 250)).toBe('asm_will-gift-b');
    expect(makeId(ids.module('m4-gifts-money-property'), 255)).toBe('mod_m4-gifts-money-property');
  });

  test('anything outside letters, digits and - becomes -, so 1.2 and 2004 LMSs accept it', () => {
    expect(idPart('a b.c/d:é')).toBe('a-b-c-d');
    expect(idPart('...')).toBe('x');
    for (const raw of ['LO 7', 'objectif.é', 'x'.repeat(300), 'a_b']) {
      const id = makeId(['obj', raw], 255);
      expect(isPortableId(id, 255)).toBe(true);
    }
  });

  test('a long id is shortened to the limit and stays unique', () => {
    const a = makeId(['scn', 'x'.repeat(300), 'one'], 250);
    const b = makeId(['scn', 'x'.repeat(300), 'two'], 250);
    expect(a.length).toBeLessThanOrEqual(250);
    expect(b.length).toBeLessThanOrEqual(250);
    expect(a).not.toBe(b);
    expect(makeId(['scn', 'x'.repeat(300), 'one'], 250)).toBe(a);
  });
});
