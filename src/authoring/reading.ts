/**
 * Reading load of the path a learner actually reads, per track, programme and language:
 * words, sentences over 30 words, decisions and questions, and the estimated minutes
 * (words / 180 per minute + 20 s per decision or question).
 *
 * One computation serves both `npm run bench -- reading` and the welcome screen's announced
 * length (compiled into the definition), so the two can never disagree.
 *
 * What a learner reads: each page of each module on their path; in a scenario, the notice,
 * every situation, the prompt and every option of each decision, and the feedback of the best
 * option on the way to the ending (a first try that goes well: the shortest honest path);
 * in a knowledge check, the stem, the options and the feedback of every option (the check
 * screen shows them all); in the assessment, the stem and options of the items drawn, at the
 * pool's mean length. Token values are filled in as that programme's learners see them.
 */
import type { Block, ContentStrings, CourseDefinition, Lang, OptionDef, ReadingFigure, TextKey } from '../engine/definition.ts';
import { learnerPath, sectionsFor } from '../engine/scope.ts';
import { ContentText } from '../app/content-text.ts';

export const WORDS_PER_MINUTE = 180;
export const SECONDS_PER_DECISION = 20;
export const LONG_SENTENCE = 30;

/** Words of a text: runs of characters holding at least one letter or digit. */
export function countWords(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Sentences of a block of text: split after . ! ? … (and a closing quote or bracket). */
export function sentences(s: string): string[] {
  return s
    .split(/(?<=[.!?…](?:[\s\u00a0\u202f]?[»”")\]])?)\s+(?![»”")\]])/u)
    .map((x) => x.trim())
    .filter((x) => countWords(x) > 0);
}

/** A running tally; `source` names the file the text comes from, for per-file figures. */
export class Tally {
  words = 0;
  longSentences = 0;
  decisions = 0;
  bySource = new Map<string, number>();
  add(units: string[], source: string) {
    for (const u of units) {
      const w = countWords(u);
      this.words += w;
      this.bySource.set(source, (this.bySource.get(source) ?? 0) + w);
      this.longSentences += sentences(u).filter((x) => countWords(x) > LONG_SENTENCE).length;
    }
  }
  get minutes() {
    return this.words / WORDS_PER_MINUTE + (this.decisions * SECONDS_PER_DECISION) / 60;
  }
}

/** Paragraphs and list items each end a sentence, whatever their punctuation. */
function units(c: ContentText, strings: ContentStrings, key: TextKey | undefined): string[] {
  if (!key) return [];
  const v = strings.text[key];
  if (v === undefined) return [];
  if (typeof v === 'string') return [c.plain(key)];
  return c.blocks(key).flatMap((b: Block) => ('c' in b ? [b.c] : b.items)).map((parts) => parts.map((i) => (typeof i === 'string' ? i : 'b' in i ? i.b : i.i)).join(''));
}

export function tallyPath(def: CourseDefinition, strings: ContentStrings, track: string | null, programme: string | null): Tally {
  const c = new ContentText(strings, programme);
  const t = new Tally();
  const read = (key: TextKey | undefined, source: string) => t.add(units(c, strings, key), source);
  for (const { module, steps } of learnerPath(def, track, programme)) {
    const src = `modules/${module.id}.yaml`;
    read(module.title, src);
    for (const { step } of steps) {
      if (step.kind === 'page') {
        read(step.title, src);
        read(step.body, src);
      } else if (step.kind === 'check') {
        const form = def.items[step.item].forms[0];
        read(form.stem, src);
        for (const o of form.options) {
          read(o.text, src);
          read(o.feedback, src);
        }
        t.decisions++;
      } else {
        const sc = def.scenarios[step.id];
        const ssrc = `scenarios/${sc.id}.yaml`;
        read(sc.title, ssrc);
        read(sc.notice, ssrc);
        const seen = new Set<string>();
        let id: string | undefined = sc.start;
        while (id && !seen.has(id)) {
          seen.add(id);
          const n: CourseDefinition['scenarios'][string]['nodes'][string] | undefined = sc.nodes[id];
          if (!n) break;
          if (n.kind === 'decision') {
            read(n.prompt, ssrc);
            for (const o of n.options) read(o.text, ssrc);
            const best: OptionDef = n.options.find((o) => o.best) ?? n.options[0];
            read(best.feedback, ssrc);
            t.decisions++;
            id = best.next;
          } else {
            read(n.title, ssrc);
            read(n.text, ssrc);
            id = n.kind === 'ending' ? undefined : n.next;
          }
        }
      }
    }
  }
  for (const s of sectionsFor(def, track)) {
    const pool = Object.values(def.items).filter((it) => !it.checkOnly && s.modules.includes(it.module) && (!it.tracks || (track !== null && it.tracks.includes(track))));
    if (!pool.length) continue;
    const one = new Tally();
    for (const it of pool) {
      one.add(units(c, strings, it.forms[0].stem), 'assessment');
      for (const o of it.forms[0].options) one.add(units(c, strings, o.text), 'assessment');
    }
    const draw = Math.min(s.draw, pool.length);
    const words = Math.round((one.words / pool.length) * draw);
    t.words += words;
    t.longSentences += Math.round((one.longSentences / pool.length) * draw);
    t.bySource.set('assessment', (t.bySource.get('assessment') ?? 0) + words);
    t.decisions += draw;
  }
  return t;
}

/** Every track × programme × language the course offers. */
export function readingFigures(def: CourseDefinition, content: Record<Lang, ContentStrings>): ReadingFigure[] {
  const tracks = def.tracks.length ? def.tracks.map((t) => t.id) : [null];
  const programmes = def.programmes.length ? def.programmes.map((p) => p.id) : [null];
  const out: ReadingFigure[] = [];
  for (const lang of def.languages) {
    for (const track of tracks) {
      for (const programme of programmes) {
        const t = tallyPath(def, content[lang], track, programme);
        out.push({ track, programme, lang, words: t.words, longSentences: t.longSentences, decisions: t.decisions, minutes: Math.round(t.minutes * 10) / 10 });
      }
    }
  }
  return out;
}
