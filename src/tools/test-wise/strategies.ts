/**
 * Test-wise learners: they know nothing of the content and answer from the look of the
 * options only (position, length, key direction). Used by the gaming test and the bench to
 * show that the assessment cannot be passed that way. Each strategy sees the question as the
 * learner sees it: the options in display order and their text in one language.
 */
import type { QuizForm } from '../../engine/view.ts';
import { rng } from '../../engine/draw.ts';

export interface Shown {
  quiz: QuizForm;
  /** The displayed text of each option, in display order. */
  texts: string[];
}

export type Strategy = (q: Shown, random: () => number) => string[];

const first: Strategy = (q) => [q.quiz.options[0].id];
const longest: Strategy = (q) => {
  let best = 0;
  q.texts.forEach((t, i) => { if (t.length > q.texts[best].length) best = i; });
  return [q.quiz.options[best].id];
};
const pickRandom: Strategy = (q, random) => [q.quiz.options[Math.floor(random() * q.quiz.options.length)].id];

export const strategies: Record<string, Strategy> = {
  /** The first option shown, every time. */
  first,
  /** The longest option shown, every time. */
  longest,
  /** "False" on every true/false item; a blind guess elsewhere. */
  'always-false': (q, random) => (q.quiz.type === 'truefalse' ? ['false'] : pickRandom(q, random)),
  /** The first option on choice items, "False" on true/false items. */
  mix: (q, random) => (q.quiz.type === 'truefalse' ? ['false'] : first(q, random)),
};

export const guessRng = (seed: number) => rng(seed * 7919 + 17);
