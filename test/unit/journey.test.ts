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
    const tokens = events.map(tokenOf);
    const text = encodeJourney({ content: '1.2.3', lang: 'en', seed: 123456, tokens });
    expect(text).toMatch(/^J1~1\.2\.3~en~2n9c~s/);
    expect(text).toContain('3np'); // runs of "next" are counted, not repeated
    const back = decodeJourney(text);
    expect(back.ok && back.journey.tokens).toEqual(tokens);
    const ids = { tracks: ['standard', 'minors'], programmes: ['youth'], options: ['keep-card', 'card', 'cookies'] };
    expect((back.ok ? back.journey.tokens : []).map((t: Token) => eventOf(t, ids))).toEqual(events);
  });

  it('uses two characters per id, stable across runs', () => {
    expect(saveKey('keep-card')).toMatch(/^[0-9a-z]{2}$/);
    expect(saveKey('keep-card')).toBe(saveKey('keep-card'));
    expect(saveKey('keep-card')).not.toBe(saveKey('keep-cards'));
  });

  it('refuses corrupt or foreign texts without throwing', () => {
    for (const bad of [null, undefined, 42, '', 'hello', 'J2~1~fr~1~s', 'J1~1~xx~1~s', 'J1~1~fr~!!~s', 'J1~1~fr~1~q', 'J1~1~fr~1~cz', 'J1~1~fr~1~a12', 'J1~1~fr~1~99999999n']) {
      expect(decodeJourney(bad).ok, String(bad)).toBe(false);
    }
  });

  it('resolves a key only to an id that can be chosen where the learner stands', () => {
    expect(eventOf({ t: 'c', key: saveKey('gone') }, { tracks: [], programmes: [], options: ['keep-card'] })).toBeNull();
  });
});
