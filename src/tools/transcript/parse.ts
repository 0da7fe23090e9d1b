/**
 * Transcript files: a plain-text play-through of one scenario, written by a trainer beside
 * it (`scenarios/<id>.transcript.txt`), one instruction per line:
 *
 *   # a comment                     scenario <id>     (default: from the file name)
 *   track minors                    programme youth   lang en
 *   start                           (back to the scenario's first screen; implicit at the top)
 *   next   back   choose <option-id>
 *   expect node <id>                expect ending <id>            expect end   (scenario over)
 *   expect "text on screen"         expect no "text"              (case and spacing ignored)
 *   expect options <id>, <id>, …    expect best   expect not best
 *   expect flag <name>              expect score <n>
 */

export type Command =
  | { op: 'scenario' | 'track' | 'programme'; id: string }
  | { op: 'lang'; lang: 'fr' | 'en' }
  | { op: 'start' | 'next' | 'back' }
  | { op: 'choose'; option: string }
  | { op: 'expect-node' | 'expect-ending'; id: string }
  | { op: 'expect-end' | 'expect-best' | 'expect-not-best' }
  | { op: 'expect-text'; text: string; negate: boolean }
  | { op: 'expect-options'; ids: string[] }
  | { op: 'expect-flag'; flag: string }
  | { op: 'expect-score'; score: number };

export interface Line { line: number; source: string; cmd: Command }
export interface ParseError { line: number; message: string }

const ID = '([A-Za-z0-9][A-Za-z0-9_-]*)';
const RULES: [RegExp, (m: RegExpExecArray) => Command][] = [
  [new RegExp(`^(scenario|track|programme)\\s+${ID}$`), (m) => ({ op: m[1] as 'scenario', id: m[2] })],
  [/^lang\s+(fr|en)$/, (m) => ({ op: 'lang', lang: m[1] as 'fr' | 'en' })],
  [/^(start|next|back)$/, (m) => ({ op: m[1] as 'start' })],
  [new RegExp(`^choose\\s+${ID}$`), (m) => ({ op: 'choose', option: m[1] })],
  [new RegExp(`^expect\\s+(node|ending)\\s+${ID}$`), (m) => ({ op: `expect-${m[1]}` as 'expect-node', id: m[2] })],
  [/^expect\s+(end|best|not best)$/, (m) => ({ op: `expect-${m[1].replace(' ', '-')}` as 'expect-end' })],
  [/^expect\s+(no\s+)?"(.*)"$/, (m) => ({ op: 'expect-text', text: m[2], negate: !!m[1] })],
  [/^expect\s+options\s+(.+)$/, (m) => ({ op: 'expect-options', ids: m[1].split(/[\s,]+/).filter(Boolean) })],
  [new RegExp(`^expect\\s+flag\\s+${ID}$`), (m) => ({ op: 'expect-flag', flag: m[1] })],
  [/^expect\s+score\s+(-?\d+(?:\.\d+)?)$/, (m) => ({ op: 'expect-score', score: Number(m[1]) })],
];

const HELP = 'write one of: next, back, start, choose <option>, expect node <id>, expect ending <id>, expect end, expect "text", expect no "text", expect options <a>, <b>, expect best, expect not best, expect flag <name>, expect score <n>, lang fr|en, track <id>, programme <id>, scenario <id>';

/** Parses a transcript; every line it does not understand is reported, not only the first. */
export function parseTranscript(text: string): { lines: Line[]; errors: ParseError[] } {
  const lines: Line[] = [];
  const errors: ParseError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const source = raw.trim();
    if (!source || source.startsWith('#')) return;
    const rule = RULES.find(([re]) => re.test(source));
    if (!rule) errors.push({ line: i + 1, message: `not understood: ${source}  (${HELP})` });
    else lines.push({ line: i + 1, source, cmd: rule[1](rule[0].exec(source)!) });
  });
  return { lines, errors };
}
