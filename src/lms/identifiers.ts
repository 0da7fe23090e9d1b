/**
 * Identifiers written to the LMS. Content ids are kebab-case slugs; the parts are joined with
 * `_` and anything outside the strict 1.2 character set becomes `-`, so the same id works in
 * every LMS and both versions. Too-long ids keep a short hash so they stay unique.
 */
import { PORTABLE_IDENTIFIER } from './vocabulary.ts';

/** djb2 in base 36: a short stable suffix for shortened ids. */
function hash(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) >>> 0;
  return h.toString(36);
}

/** One part of an identifier, reduced to letters, digits and `-`. */
export function idPart(part: string): string {
  const clean = part.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return clean || 'x';
}

/** Joins parts into an identifier of at most `max` characters in the portable character set. */
export function makeId(parts: string[], max: number): string {
  const id = parts.map(idPart).join('_');
  if (id.length <= max) return id;
  const suffix = '-' + hash(id);
  return id.slice(0, max - suffix.length) + suffix;
}

/** Whether an identifier is one we may write (portable character set, length). */
export function isPortableId(id: string, max: number): boolean {
  return id.length > 0 && id.length <= max && PORTABLE_IDENTIFIER.test(id);
}

/**
 * An option id as a 2004 choice identifier (letters, digits, `_`, `.`; see CHOICE_IDENTIFIER).
 * Course option ids are kebab-case, so `-` becomes `_` (`too-close` → `too_close`); any other
 * character becomes `.` + its code in hex + `.`. Only escapes produce a `.`, so two different
 * option ids can never be written alike.
 */
export function choiceId(option: string): string {
  const out = option.replace(/[^A-Za-z0-9]/g, (c) => (c === '-' ? '_' : `.${c.codePointAt(0)!.toString(16)}.`));
  return out || '.0.';
}

/** Identifiers of what the course reports (see docs/lms-reporting.md). */
export const ids = {
  decision: (scenario: string, node: string) => ['scn', scenario, node],
  check: (item: string) => ['chk', item],
  assessment: (form: string) => ['asm', form],
  attestation: () => ['attest'],
  module: (module: string) => ['mod', module],
  track: (track: string) => ['trk', track],
  section: (section: string) => ['sec', section],
};
