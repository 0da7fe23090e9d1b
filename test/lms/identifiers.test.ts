import { describe, expect, test } from 'vitest';
import { choiceId, idPart, ids, isPortableId, makeId } from '../../src/lms/identifiers.ts';
import { response12 } from '../../src/lms/dialect-12.ts';
import { response2004 } from '../../src/lms/dialect-2004.ts';
import type { InteractionRecord } from '../../src/lms/records.ts';
import { CHOICE_IDENTIFIER } from '../../src/lms/vocabulary.ts';

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

  test('2004 choice ids: letters, digits, _ and . only (Moodle refused too-close with 406), never two alike', () => {
    expect(choiceId('too-close')).toBe('too_close');
    const odd = ['a-b', 'a_b', 'a.b', 'a b', 'é', 'a-b-', '-', '_', '.', 'x'.repeat(40)];
    const written = odd.map(choiceId);
    for (const w of written) expect(w).toMatch(CHOICE_IDENTIFIER);
    expect(new Set(written).size).toBe(odd.length);
  });

  test('responses and patterns: 2004 in the choice-id rule, 1.2 single characters, interaction ids unchanged', () => {
    const r: InteractionRecord = {
      id: ids.decision('smoke-break', 'dp1'), type: 'choice', options: ['too-close', 'step-back', 'ok'], response: ['too-close', 'ok'], correct: ['step-back'],
      result: 'incorrect', objectives: [], at: 0, latencyMs: 0, description: '', lang: '',
    };
    expect(response2004(r, r.response)).toBe('too_close[,]ok');
    expect(response2004(r, r.correct!)).toBe('step_back');
    expect(response2004(r, ['x'.repeat(251)])).toBeNull();
    expect(response12(r, r.response)).toBe('a,c');
    expect(makeId(r.id, 250)).toBe('scn_smoke-break_dp1');
  });
});
