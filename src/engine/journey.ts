/**
 * The saved state: a compact, versioned log of the learner's events, replayed through the
 * same machine to restore. Far smaller than a persisted snapshot (SCORM 1.2 allows 4096
 * characters), and robust to content edits: ids are hashed to two-character keys, every step
 * whose landing depends on the course's layout (a run of "next" or "back", the start, the
 * track and programme that open the path) records the screen it landed on, and every answer
 * the question it answered, so a replay onto edited content finds the learner's place by id
 * and never credits an answer to another question (see replay.ts).
 *
 * Text form (J2): `J2~<content version>~<structure>~<lang>~<seed base36>~<events>` where
 * <structure> is the course's structure fingerprint (fingerprint.ts), LL is the key of the
 * screen a step landed on, and events are
 *   [n]xLL  nav.next (x = "n") or nav.back ("p"), optional repeat count n
 *   sLL     course.start            r  assessment.retry        f  attestation.confirm
 *   tKKLL   track.select            gKKLL programme.select      cKK choice.select
 *   aQQKK.. item.answer: the key of the question, then those of the selected options, then "."
 * A key of "--" is unknown (never written by a session). J1, the earlier form, has no
 * structure, checkpoints or question keys; it is still read.
 */
import type { CourseDefinition } from './definition.ts';
import type { LearnerEvent } from './events.ts';
import { saveKey, UNKNOWN, type Journey, type Token } from './journey-decode.ts';

export { decodeJourney, saveKey, type DecodeResult, type Journey, type Token } from './journey-decode.ts';

export const JOURNEY_VERSION = 2;

/** The saved form of an event; `item` is the question it answers (item.answer only). */
export function tokenOf(event: LearnerEvent, item?: string | null): Token {
  switch (event.type) {
    case 'nav.next': return { t: 'n' };
    case 'nav.back': return { t: 'p' };
    case 'course.start': return { t: 's' };
    case 'assessment.retry': return { t: 'r' };
    case 'attestation.confirm': return { t: 'f' };
    case 'track.select': return { t: 't', key: saveKey(event.track) };
    case 'programme.select': return { t: 'g', key: saveKey(event.programme) };
    case 'choice.select': return { t: 'c', key: saveKey(event.option) };
    case 'item.answer': return { t: 'a', keys: event.options.map(saveKey), ...(item ? { item: saveKey(item) } : {}) };
  }
}

export function encodeJourney(j: Journey): string {
  let body = '';
  for (let i = 0; i < j.tokens.length; i++) {
    const tk = j.tokens[i];
    if (tk.t === 'n' || tk.t === 'p') {
      let run = 1;
      while (j.tokens[i + run]?.t === tk.t) run++;
      const last = j.tokens[i + run - 1] as { at?: string };
      body += (run > 1 ? run : '') + tk.t + (last.at ?? UNKNOWN);
      i += run - 1;
    } else if (tk.t === 't' || tk.t === 'g') body += tk.t + tk.key + (tk.at ?? UNKNOWN);
    else if (tk.t === 'c') body += tk.t + tk.key;
    else if (tk.t === 'a') body += 'a' + (tk.item ?? UNKNOWN) + tk.keys.join('') + '.';
    else if (tk.t === 's') body += 's' + (tk.at ?? UNKNOWN);
    else body += tk.t;
  }
  return `J${JOURNEY_VERSION}~${j.content}~${j.structure ?? ''}~${j.lang}~${j.seed.toString(36)}~${body}`;
}

/** Resolves a token to an event, given the ids that can be chosen where the learner stands. */
export function eventOf(tk: Token, candidates: { tracks: string[]; programmes: string[]; options: string[] }): LearnerEvent | null {
  const find = (ids: string[], k: string) => ids.find((id) => saveKey(id) === k);
  switch (tk.t) {
    case 'n': return { type: 'nav.next' };
    case 'p': return { type: 'nav.back' };
    case 's': return { type: 'course.start' };
    case 'r': return { type: 'assessment.retry' };
    case 'f': return { type: 'attestation.confirm' };
    case 't': { const id = find(candidates.tracks, tk.key); return id ? { type: 'track.select', track: id } : null; }
    case 'g': { const id = find(candidates.programmes, tk.key); return id ? { type: 'programme.select', programme: id } : null; }
    case 'c': { const id = find(candidates.options, tk.key); return id ? { type: 'choice.select', option: id } : null; }
    case 'a': {
      const ids = tk.keys.map((k) => find(candidates.options, k));
      return ids.every(Boolean) ? { type: 'item.answer', options: ids as string[] } : null;
    }
  }
}

export type { CourseDefinition };
