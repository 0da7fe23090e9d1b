/**
 * The saved state: a compact, versioned log of the learner's events, replayed through the
 * same machine to restore. Far smaller than a persisted snapshot (SCORM 1.2 allows 4096
 * characters), and robust to content edits: ids are hashed to two-character keys and
 * replay stops at the first event that no longer applies.
 *
 * Text form: `J<version>~<content version>~<lang>~<seed base36>~<events>` where events are
 *   [n]x   nav.next (x = "n") or nav.back ("p"), optional repeat count n
 *   s      course.start            r  assessment.retry        f  attestation.confirm
 *   tKK    track.select            gKK programme.select        cKK choice.select
 *   aKK... item.answer with the keys of the selected options, closed by "."
 */
import type { CourseDefinition, Lang } from './definition.ts';
import type { LearnerEvent } from './events.ts';

export const JOURNEY_VERSION = 1;

export interface Journey {
  content: string;
  lang: Lang;
  seed: number;
  /** Events in their saved form; ids are resolved against the course while replaying. */
  tokens: Token[];
}

export type Token =
  | { t: 'n' | 'p' | 's' | 'r' | 'f' }
  | { t: 't' | 'g' | 'c'; key: string }
  | { t: 'a'; keys: string[] };

/** Two base-36 characters from an id (djb2): short, stable across content edits. */
export function saveKey(id: string): string {
  let h = 5381;
  for (let i = 0; i < id.length; i++) h = ((h << 5) + h + id.charCodeAt(i)) >>> 0;
  return (h % 1296).toString(36).padStart(2, '0');
}

export function tokenOf(event: LearnerEvent): Token {
  switch (event.type) {
    case 'nav.next': return { t: 'n' };
    case 'nav.back': return { t: 'p' };
    case 'course.start': return { t: 's' };
    case 'assessment.retry': return { t: 'r' };
    case 'attestation.confirm': return { t: 'f' };
    case 'track.select': return { t: 't', key: saveKey(event.track) };
    case 'programme.select': return { t: 'g', key: saveKey(event.programme) };
    case 'choice.select': return { t: 'c', key: saveKey(event.option) };
    case 'item.answer': return { t: 'a', keys: event.options.map(saveKey) };
  }
}

export function encodeJourney(j: Journey): string {
  let body = '';
  for (let i = 0; i < j.tokens.length; i++) {
    const tk = j.tokens[i];
    if (tk.t === 'n' || tk.t === 'p') {
      let run = 1;
      while (j.tokens[i + run]?.t === tk.t) run++;
      body += (run > 1 ? run : '') + tk.t;
      i += run - 1;
    } else if ('key' in tk) body += tk.t + tk.key;
    else if ('keys' in tk) body += 'a' + tk.keys.join('') + '.';
    else body += tk.t;
  }
  return `J${JOURNEY_VERSION}~${j.content}~${j.lang}~${j.seed.toString(36)}~${body}`;
}

export type DecodeResult = { ok: true; journey: Journey } | { ok: false; reason: string };

/** Parses a saved journey; never throws. */
export function decodeJourney(text: unknown): DecodeResult {
  if (typeof text !== 'string' || !text) return { ok: false, reason: 'empty' };
  const parts = text.split('~');
  if (parts.length !== 5 || parts[0] !== `J${JOURNEY_VERSION}`) return { ok: false, reason: 'unknown format' };
  const [, content, lang, seed36, body] = parts;
  if (lang !== 'fr' && lang !== 'en') return { ok: false, reason: 'unknown language' };
  const seed = parseInt(seed36, 36);
  if (!Number.isFinite(seed) || !/^[0-9a-z]+$/.test(seed36)) return { ok: false, reason: 'bad seed' };
  const tokens: Token[] = [];
  const key = /^[0-9a-z]{2}/;
  let i = 0;
  while (i < body.length) {
    const count = /^\d+/.exec(body.slice(i));
    if (count) i += count[0].length;
    const c = body[i++];
    if (c === 'n' || c === 'p') {
      const n = count ? Number(count[0]) : 1;
      // No real journey has this many steps in a row: refuse before allocating them.
      if (n > 10000) return { ok: false, reason: 'corrupt' };
      for (let k = 0; k < n; k++) tokens.push({ t: c });
    } else if (count) return { ok: false, reason: 'corrupt' };
    else if (c === 's' || c === 'r' || c === 'f') tokens.push({ t: c });
    else if (c === 't' || c === 'g' || c === 'c') {
      const m = key.exec(body.slice(i));
      if (!m) return { ok: false, reason: 'corrupt' };
      tokens.push({ t: c, key: m[0] });
      i += 2;
    } else if (c === 'a') {
      const end = body.indexOf('.', i);
      const keys = end < 0 ? '' : body.slice(i, end);
      if (end < 0 || keys.length % 2 || !/^[0-9a-z]*$/.test(keys)) return { ok: false, reason: 'corrupt' };
      tokens.push({ t: 'a', keys: keys.match(/../g) ?? [] });
      i = end + 1;
    } else return { ok: false, reason: 'corrupt' };
  }
  return { ok: true, journey: { content, lang, seed, tokens } };
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
