/**
 * Reading a saved journey (the J2 text form, and J1 before it: see journey.ts), apart from
 * writing one and resolving its steps, so the first screen can read where a returning
 * learner stopped without carrying the engine's event vocabulary (app/resume-place.ts).
 */
import type { Lang } from './definition.ts';

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

export const UNKNOWN = '--';

/** Two base-36 characters from an id (djb2): short, stable across content edits. */
export function saveKey(id: string): string {
  let h = 5381;
  for (let i = 0; i < id.length; i++) h = ((h << 5) + h + id.charCodeAt(i)) >>> 0;
  return (h % 1296).toString(36).padStart(2, '0');
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

