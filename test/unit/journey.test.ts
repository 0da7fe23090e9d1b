import { describe, expect, it } from 'vitest';
import { decodeJourney, encodeJourney, eventOf, saveKey, tokenOf, type Token } from '../../src/engine/journey.ts';
import type { LearnerEvent } from '../../src/engine/events.ts';

describe('journey log', () => {
  it('round-trips every kind of event', () => {
    const events: LearnerEvent[] = [
      { type: 'course.start' }, { type: 'track.select', track: 'minors' }, { type: 'programme.select', programme: 'youth' },
      { type: 'nav.next' }, { type: 'nav.next' }, { type: 'nav.next' }, { type: 'nav.back' }, { type: 'choice.select', option: 'keep-card' },
      { type: 'item.answer', options: ['card', 'cookies'] }, { type: 'assessment.retry' }, { type: 'attestation.confirm' },
    ];
    const tokens = events.map((e) => tokenOf(e, e.type === 'item.answer' ? 'gift-item' : null));
    // A run records only the screen it lands on: its last step.
    tokens[5] = { t: 'n', at: saveKey('page:p3') };
    tokens[6] = { t: 'p', at: saveKey('page:p2') };
    const text = encodeJourney({ content: '1.2.3', structure: 'abc12', lang: 'en', seed: 123456, tokens });
    expect(text).toMatch(/^J2~1\.2\.3~abc12~en~2n9c~s/);
    // Runs of "next" are counted, not repeated, and carry their checkpoint.
    expect(text).toContain(`3n${saveKey('page:p3')}p${saveKey('page:p2')}`);
    expect(text).toContain(`a${saveKey('gift-item')}${saveKey('card')}${saveKey('cookies')}.`);
    const back = decodeJourney(text);
    expect(back.ok && back.journey.tokens).toEqual(tokens);
    expect(back.ok && back.journey.structure).toBe('abc12');
    const ids = { tracks: ['standard', 'minors'], programmes: ['youth'], options: ['keep-card', 'card', 'cookies'] };
    expect((back.ok ? back.journey.tokens : []).map((t: Token) => eventOf(t, ids))).toEqual(events);
  });

  it('still reads the earlier form (J1): no structure, checkpoints or question keys', () => {
    const old = decodeJourney('J1~0.1.0~fr~1~st4tgda3npcddaa0ff.rf');
    expect(old.ok).toBe(true);
    if (!old.ok) return;
    expect(old.journey).toMatchObject({ format: 1, content: '0.1.0', lang: 'fr', seed: 1 });
    expect(old.journey.structure).toBeUndefined();
    expect(old.journey.tokens.map((t) => t.t).join('')).toBe('stgnnnpcarf');
    expect(old.journey.tokens.some((t) => 'at' in t || 'item' in t)).toBe(false);
  });

  it('uses two characters per id, stable across runs', () => {
    expect(saveKey('keep-card')).toMatch(/^[0-9a-z]{2}$/);
    expect(saveKey('keep-card')).toBe(saveKey('keep-card'));
    expect(saveKey('keep-card')).not.toBe(saveKey('keep-cards'));
  });

  it('refuses corrupt or foreign texts without throwing', () => {
    for (const bad of [null, undefined, 42, '', 'hello', 'J3~1~x~fr~1~s', 'J2~1~fr~1~s', 'J2~1~x~fr~1~n', 'J2~1~x~fr~1~a0.', 'J2~1~X!~fr~1~s', 'J1~1~xx~1~s', 'J1~1~fr~!!~s', 'J1~1~fr~1~q', 'J1~1~fr~1~cz', 'J1~1~fr~1~a12', 'J1~1~fr~1~99999999n']) {
      expect(decodeJourney(bad).ok, String(bad)).toBe(false);
    }
  });

  it('resolves a key only to an id that can be chosen where the learner stands', () => {
    expect(eventOf({ t: 'c', key: saveKey('gone') }, { tracks: [], programmes: [], options: ['keep-card'] })).toBeNull();
  });
});
