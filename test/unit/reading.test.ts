/**
 * The reading computation behind `npm run bench -- reading` and the welcome screen's length,
 * on a small hand-made course whose figures are counted by hand below.
 */
import { describe, expect, it } from 'vitest';
import type { ContentStrings, CourseDefinition } from '../../src/engine/definition.ts';
import { countWords, readingFigures, sentences, tallyPath } from '../../src/authoring/reading.ts';
import { courseMinutes } from '../../src/ui/duration.ts';
import { buildCourse } from '../../src/authoring/load.ts';

const w = (n: number, word = 'word') => Array(n).fill(word).join(' ');

const def = {
  format: 1, id: 'c', version: '1.0.0', languages: ['en'], title: 'course.title',
  tracks: [{ id: 'standard', title: 't1' }, { id: 'minors', title: 't2' }],
  programmes: [{ id: 'p1', title: 'p1' }, { id: 'p2', title: 'p2' }],
  modules: [
    { id: 'm1', title: 'm1', tracks: null, programmes: null, clauses: [], objectives: [], steps: [
      { kind: 'page', id: 'a', title: 'pa.t', body: 'pa', notice: false, clauses: [] },
      { kind: 'scenario', id: 's1' },
      { kind: 'check', id: 'check-q1', item: 'q1' },
    ] },
    { id: 'm2', title: 'm2', tracks: ['minors'], programmes: null, clauses: [], objectives: [], steps: [
      { kind: 'page', id: 'b', title: 'pb.t', body: 'pb', notice: false, clauses: [] },
    ] },
  ],
  scenarios: {
    s1: { id: 's1', title: 's1.t', tracks: null, programmes: null, clauses: [], objectives: [], start: 'in', nodes: {
      in: { id: 'in', kind: 'situation', text: 's.in', next: 'd' },
      d: { id: 'd', kind: 'decision', prompt: 's.d', clauses: [], options: [
        { id: 'x', text: 's.x', feedback: 's.x.fb', best: false, clauses: [], next: 'bad' },
        { id: 'y', text: 's.y', feedback: 's.y.fb', best: true, clauses: [], next: 'end' },
      ] },
      bad: { id: 'bad', kind: 'consequence', text: 's.bad', next: 'd' },
      end: { id: 'end', kind: 'ending', text: 's.end' },
    } },
  },
  items: {
    q1: { id: 'q1', type: 'single', objective: 'LO1', clauses: [], critical: false, checkOnly: true, tracks: null, module: 'm1',
      forms: [{ id: 'q1', stem: 'q1.s', options: [{ id: 'a', text: 'q1.a', feedback: 'q1.a.fb', correct: true }, { id: 'b', text: 'q1.b', feedback: 'q1.b.fb', correct: false }] }] },
    q2: { id: 'q2', type: 'single', objective: 'LO1', clauses: [], critical: false, checkOnly: false, tracks: null, module: 'm1',
      forms: [{ id: 'q2', stem: 'q2.s', options: [{ id: 'a', text: 'q2.a', feedback: 'q2.a.fb', correct: true }, { id: 'b', text: 'q2.b', feedback: 'q2.b.fb', correct: false }] }] },
    q3: { id: 'q3', type: 'single', objective: 'LO1', clauses: [], critical: false, checkOnly: false, tracks: null, module: 'm1',
      forms: [{ id: 'q3', stem: 'q3.s', options: [{ id: 'a', text: 'q3.a', feedback: 'q3.a.fb', correct: true }, { id: 'b', text: 'q3.b', feedback: 'q3.b.fb', correct: false }] }] },
  },
  assessment: { attempts: 0, sections: [{ id: 'common', title: 'sec', tracks: null, modules: ['m1'], draw: 1, minPerModule: 0, passingScore: 80 }] },
  clauses: {}, objectives: {}, glossary: [],
} as unknown as CourseDefinition;

const text: ContentStrings['text'] = {
  m1: 'One', m2: 'Two',
  'pa.t': 'Page a', // 2
  // 40-word sentence (long) + a 5-word sentence; a 3-item list with a token (p2: 3 words, default 1)
  pa: [{ t: 'p', c: [`${w(39)} end. Five words in this one.`] }, { t: 'ul', items: [['Ask {{WHO}}'], ['two words'], [{ b: 'bold' }]] }],
  'pb.t': 'Page b', pb: [{ t: 'p', c: [w(100)] }],
  's1.t': 'Scenario', 's.in': [{ t: 'p', c: [w(10)] }], 's.d': [{ t: 'p', c: ['What now?'] }],
  's.x': 'poor choice', 's.x.fb': [{ t: 'p', c: [w(50, 'never')] }], 's.y': 'good choice', 's.y.fb': [{ t: 'p', c: [w(6)] }],
  's.bad': [{ t: 'p', c: [w(70, 'unread')] }], 's.end': [{ t: 'p', c: [w(8)] }],
  'q1.s': [{ t: 'p', c: ['Which one?'] }], 'q1.a': 'this', 'q1.a.fb': [{ t: 'p', c: ['Yes.'] }], 'q1.b': 'that', 'q1.b.fb': [{ t: 'p', c: ['No, not that.'] }],
  'q2.s': [{ t: 'p', c: [w(4)] }], 'q2.a': 'a b', 'q2.a.fb': [{ t: 'p', c: [w(99, 'hidden')] }], 'q2.b': 'c d',
  'q3.s': [{ t: 'p', c: [w(10)] }], 'q3.a': 'e f', 'q3.a.fb': [{ t: 'p', c: [w(99, 'hidden')] }], 'q3.b': 'g h',
};
const strings: ContentStrings = { lang: 'en', text, tokens: { WHO: 'Sam' }, programmeTokens: { p2: { WHO: 'your team lead' } } };

describe('reading figures', () => {
  it('counts words and splits sentences', () => {
    expect(countWords('A token — of “appreciation”, 25 $ !')).toBe(5);
    expect(sentences('One two. Three? « Four. » Five… six')).toEqual(['One two.', 'Three?', '« Four. »', 'Five…', 'six']);
  });

  it('reads the best path, the checks in full, the assessment at the mean item length', () => {
    const t = tallyPath(def, strings, 'standard', 'p1');
    // module 1 + page 2 + 40 + 5 + (2 + 2 + 1) = 53; scenario 1 + 10 + 2 + (2 + 2) + 6 + 8 = 31
    // (never the poor option's feedback or its consequence); check 2 + 1 + 1 + 1 + 3 = 8;
    // assessment: 1 drawn from q2 (4+2+2 = 8) and q3 (10+2+2 = 14) → mean 11 (feedback unseen).
    expect(t.words).toBe(53 + 31 + 8 + 11);
    expect(t.decisions).toBe(3);
    expect(t.longSentences).toBe(1);
    expect(t.minutes).toBeCloseTo(103 / 180 + 1, 6);
    expect(t.bySource.get('scenarios/s1.yaml')).toBe(31);
    expect(t.bySource.get('assessment')).toBe(11);
  });

  it('follows the track and the programme', () => {
    expect(tallyPath(def, strings, 'minors', 'p1').words).toBe(103 + 1 + 2 + 100);
    expect(tallyPath(def, strings, 'standard', 'p2').words).toBe(103 + 2); // "your team lead" for "Sam"
  });

  it('gives one figure per track, programme and language, which the welcome screen announces', () => {
    const figs = readingFigures(def, { en: strings, fr: strings });
    expect(figs.map((f) => `${f.track}/${f.programme}/${f.lang}`)).toEqual(['standard/p1/en', 'standard/p2/en', 'minors/p1/en', 'minors/p2/en']);
    expect(figs[0]).toMatchObject({ words: 103, decisions: 3, longSentences: 1, minutes: Math.round((103 / 180 + 1) * 10) / 10 });
    const withFigs = { ...def, reading: figs };
    expect(courseMinutes(withFigs, 'en')).toEqual({ min: figs[0].minutes, max: figs[3].minutes });
    expect(courseMinutes(withFigs, 'fr')).toBeNull();
  });

  it('is compiled into the definition of a real course, in each language', () => {
    const { compiled } = buildCourse('test/fixtures/sample-course');
    const r = compiled!.definition.reading!;
    expect(new Set(r.map((f) => f.lang))).toEqual(new Set(['fr', 'en']));
    for (const f of r) expect(f.minutes).toBeCloseTo(tallyPath(compiled!.definition, compiled!.content[f.lang], f.track, f.programme).minutes, 1);
  });
});
