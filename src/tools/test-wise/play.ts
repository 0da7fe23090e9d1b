/**
 * Plays one learner through the real course session: the learning path done properly (best
 * options, right check answers; the programme varies with the seed), then the first assessment attempt answered by a test-wise
 * strategy from what the screen shows. Returns the attempt's result and, for every question
 * asked, what a blind guess would be expected to score on it.
 */
import type { CourseDefinition, Lang } from '../../engine/definition.ts';
import type { ContentStrings } from '../../engine/definition.ts';
import { ContentText } from '../../app/content-text.ts';
import { CourseSession } from '../../engine/session.ts';
import { selectView } from '../../engine/view.ts';
import type { AttemptResult } from '../../engine/scoring.ts';
import { guessRng, type Strategy } from './strategies.ts';

export interface Played {
  result: AttemptResult;
  /** One per question asked: its type and the chance that a blind guess gets it right. */
  asked: { item: string; form: string; type: string; chance: number; correct: boolean }[];
}

/** A blind guess: one of n options for single and true/false; any non-empty subset for multiple. */
export const chanceOf = (type: string, options: number) => (type === 'multiple' ? 1 / (2 ** options - 1) : 1 / options);

export function playAssessment(def: CourseDefinition, content: Record<Lang, ContentStrings>, track: string, seed: number, strategy: Strategy, lang: Lang = 'en'): Played {
  const s = new CourseSession(def, { lang, seed });
  let text = new ContentText(content[lang], null);
  const random = guessRng(seed);
  const asked: Played['asked'] = [];
  for (let guard = 0; guard < 20000; guard++) {
    const v = selectView(def, s.snapshot).screen;
    switch (v.kind) {
      case 'welcome': s.send({ type: 'course.start' }); break;
      case 'track': s.send({ type: 'track.select', track }); break;
      case 'programme':
        s.send({ type: 'programme.select', programme: v.options[seed % v.options.length].id });
        text = new ContentText(content[lang], selectView(def, s.snapshot).programme);
        break;
      case 'scenario': {
        if (v.node.kind !== 'decision') { s.send({ type: 'nav.next' }); break; }
        const node = def.scenarios[v.scenario].nodes[v.node.id];
        if (node.kind !== 'decision') throw new Error('not a decision');
        s.send({ type: 'choice.select', option: node.options.find((o) => o.best)!.id });
        break;
      }
      case 'check':
        if (v.answered) s.send({ type: 'nav.next' });
        else s.send({ type: 'item.answer', options: def.items[v.quiz.item].forms[0].options.filter((o) => o.correct).map((o) => o.id) });
        break;
      case 'assessment': {
        const form = def.items[v.quiz.item].forms.find((f) => f.id === v.quiz.form)!;
        const picked = strategy({ quiz: v.quiz, texts: v.quiz.options.map((o) => text.plain(o.text)) }, random);
        const right = form.options.filter((o) => o.correct).map((o) => o.id).sort();
        asked.push({ item: v.quiz.item, form: v.quiz.form, type: v.quiz.type, chance: chanceOf(v.quiz.type, form.options.length), correct: picked.slice().sort().join() === right.join() });
        s.send({ type: 'item.answer', options: picked });
        break;
      }
      case 'result':
        return { result: v.result, asked };
      default:
        s.send({ type: 'nav.next' });
    }
  }
  throw new Error(`the learner never reached the result (track ${track}, seed ${seed})`);
}

