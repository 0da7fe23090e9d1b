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
import type { CourseDefinition, Lang } from './definition.ts';
import type { LearnerEvent } from './events.ts';

export const JOURNEY_VERSION = 2;

export interface Journey {
  /** The format it was read from (1 or 2); a session always writes the latest. */
  format?: number;
  content: string;
  /** Structure fingerprint of the course it was saved against; absent in J1. */
  structure?: string;
  lang: Lang;
  seed: number;
  /** Events in their saved form; ids are resolved against the course while replaying. */
  tokens: Token[];
}

export type Token =
  /** `at`: key of the screen reached (on the last step of a run of "next" or "back"). */
  | { t: 'n' | 'p' | 's'; at?: string }
  | { t: 'r' | 'f' }
  | { t: 't' | 'g'; key: string; at?: string }
  | { t: 'c'; key: string }
  /** `item`: key of the question answered. */
  | { t: 'a'; keys: string[]; item?: string };

const UNKNOWN = '--';

/** Two base-36 characters from an id (djb2): short, stable across content edits. */
export function saveKey(id: string): string {
  let h = 5381;
  for (let i = 0; i < id.length; i++) h = ((h << 5) + h + id.charCodeAt(i)) >>> 0;
  return (h % 1296).toString(36).padStart(2, '0');
}

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

export type DecodeResult = { ok: true; journey: Journey } | { ok: false; reason: string };

/** Parses a saved journey (J1 or J2); never throws. */
export function decodeJourney(text: unknown): DecodeResult {
  if (typeof text !== 'string' || !text) return { ok: false, reason: 'empty' };
  const parts = text.split('~');
  const format = parts[0] === 'J2' && parts.length === 6 ? 2 : parts[0] === 'J1' && parts.length === 5 ? 1 : 0;
  if (!format) return { ok: false, reason: 'unknown format' };
  const [content, structure] = format === 2 ? [parts[1], parts[2]] : [parts[1], undefined];
  const [lang, seed36, body] = parts.slice(-3);
  if (lang !== 'fr' && lang !== 'en') return { ok: false, reason: 'unknown language' };
  if (structure && !/^[0-9a-z]+$/.test(structure)) return { ok: false, reason: 'bad structure' };
  const seed = parseInt(seed36, 36);
  if (!Number.isFinite(seed) || !/^[0-9a-z]+$/.test(seed36)) return { ok: false, reason: 'bad seed' };
  const tokens = format === 2 ? bodyTokens(body, true) : bodyTokens(body, false);
  if (!tokens) return { ok: false, reason: 'corrupt' };
  return { ok: true, journey: { format, content, ...(structure ? { structure } : {}), lang, seed, tokens } };
}

const KEY = /^(?:[0-9a-z]{2}|--)/;
const known = (k: string) => (k === UNKNOWN ? undefined : k);

/** The events of a journey's body; null when it is not one. `checked`: the J2 form. */
function bodyTokens(body: string, checked: boolean): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  /** The landing checkpoint a J2 step carries; false when it is missing. */
  const landing = (): { at?: string } | false => {
    if (!checked) return {};
    const m = KEY.exec(body.slice(i));
    if (!m) return false;
    i += 2;
    const at = known(m[0]);
    return at ? { at } : {};
  };
  while (i < body.length) {
    const count = /^\d+/.exec(body.slice(i));
    if (count) i += count[0].length;
    const c = body[i++];
    if (c === 'n' || c === 'p') {
      const n = count ? Number(count[0]) : 1;
      // No real journey has this many steps in a row: refuse before allocating them.
      if (n > 10000 || n < 1) return null;
      for (let k = 0; k < n - 1; k++) tokens.push({ t: c });
      const at = landing();
      if (!at) return null;
      tokens.push({ t: c, ...at });
    } else if (count) return null;
    else if (c === 'r' || c === 'f') tokens.push({ t: c });
    else if (c === 's') {
      const at = landing();
      if (!at) return null;
      tokens.push({ t: c, ...at });
    } else if (c === 't' || c === 'g' || c === 'c') {
      const m = /^[0-9a-z]{2}/.exec(body.slice(i));
      if (!m) return null;
      i += 2;
      const at = c === 'c' ? {} : landing();
      if (!at) return null;
      tokens.push({ t: c, key: m[0], ...at });
    } else if (c === 'a') {
      const end = body.indexOf('.', i);
      if (end < 0) return null;
      let keys = body.slice(i, end);
      let item: string | undefined;
      if (checked) {
        const m = KEY.exec(keys);
        if (!m) return null;
        item = known(m[0]);
        keys = keys.slice(2);
      }
      if (keys.length % 2 || !/^[0-9a-z]*$/.test(keys)) return null;
      tokens.push({ t: 'a', keys: keys.match(/../g) ?? [], ...(item ? { item } : {}) });
      i = end + 1;
    } else return null;
  }
  return tokens;
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
