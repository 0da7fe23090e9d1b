/**
 * A stable name for what is on screen. When it changes the interface treats it as a new
 * screen: focus moves to the heading, local choices reset, the page scrolls to the top.
 * A language switch does not change it, so the learner keeps their place and selection.
 */
import type { ViewModel } from '../engine/view.ts';

export function screenKey(view: ViewModel, askResume: boolean): string {
  if (askResume) return 'resume';
  const s = view.screen;
  switch (s.kind) {
    case 'page': return `page:${view.module?.id ?? ''}:${s.id}`;
    case 'scenario': return `scenario:${s.scenario}:${s.node.id}${s.node.kind === 'chosen' ? `:${s.node.option.id}` : ''}`;
    case 'check': return `check:${s.quiz.item}:${s.answered ? 'answered' : 'ask'}`;
    case 'assessment': return `assessment:${s.index}:${s.quiz.item}:${s.quiz.form}`;
    case 'result': return `result:${s.attempt}`;
    default: return s.kind;
  }
}
