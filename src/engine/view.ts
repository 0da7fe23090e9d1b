/**
 * The one selector from a snapshot to what the interface shows. Text is given as keys into
 * the active language's content table, so the view model is the same in every language.
 */
import type { CourseDefinition, TextKey } from './definition.ts';
import type { CourseContext, CourseSnapshot } from './machine.ts';
import { checkAnswer, currentForm, positionOf } from './position.ts';
import { learnerPath, sectionsFor } from './scope.ts';
import { progressAt, type Progress, type ProgressAt } from './progress.ts';
import { decisionOrder, itemOrder } from './option-order.ts';
import type { AttemptResult } from './scoring.ts';
import { leadsBack } from './links.ts';

export interface Choice { id: string; text: TextKey }
export interface QuizForm { item: string; form: string; type: 'single' | 'multiple' | 'truefalse'; stem: TextKey; options: Choice[] }

export type Screen =
  | { kind: 'welcome' }
  | { kind: 'track'; options: { id: string; title: TextKey; description?: TextKey }[] }
  | { kind: 'programme'; options: Choice[] }
  | { kind: 'page'; id: string; title: TextKey; body: TextKey; notice: boolean; canBack: boolean }
  | { kind: 'scenario'; scenario: string; title: TextKey; notice?: TextKey; node: ScenarioNodeView }
  | { kind: 'check'; quiz: QuizForm; answered: null | { selected: string[]; correct: boolean; feedback: { id: string; text: TextKey; correct: boolean }[] }; canBack: boolean }
  | { kind: 'assessment'; quiz: QuizForm; index: number; total: number; section: { id: string; title: TextKey } }
  | { kind: 'result'; result: AttemptResult; attempt: number; attemptsLeft: number | null; canRetry: boolean; passingScores: { id: string; title: TextKey; passingScore: number }[] }
  | { kind: 'attestation'; track: string; trackTitle: TextKey; score: number }
  | { kind: 'done'; track: string; trackTitle: TextKey; score: number };

export type ScenarioNodeView =
  | { kind: 'situation' | 'feedback' | 'consequence' | 'ending'; id: string; title?: TextKey; text: TextKey; first: boolean }
  | { kind: 'decision'; id: string; prompt: TextKey; options: Choice[] }
  | { kind: 'chosen'; id: string; prompt: TextKey; option: Choice & { best: boolean; feedback: TextKey; clauses: string[]; replay: boolean } };

export interface ViewModel {
  screen: Screen;
  /** Steps done / steps in the learner's path (assessment counts as one). */
  progress: { done: number; total: number };
  module: Progress['module'];
  track: string | null;
  programme: string | null;
}

export function selectView(def: CourseDefinition, snapshot: CourseSnapshot): ViewModel {
  const ctx = snapshot.context;
  const pos = positionOf(def, snapshot);
  const path = learnerPath(def, ctx.track, ctx.programme);
  const at: ProgressAt =
    pos.phase === 'learning' && pos.module ? { module: pos.moduleIndex!, step: pos.stepIndex! }
    : pos.phase === 'welcome' || pos.phase === 'track' || pos.phase === 'programme' ? 'start'
    : pos.phase === 'assessment' || (pos.phase === 'result' && !ctx.result?.passed) ? 'assessment'
    : 'passed';
  const { progress, module } = progressAt(path, at) ?? progressAt(path, 'start')!;
  return { screen: screenOf(def, snapshot, ctx, pos), progress, module, track: ctx.track, programme: ctx.programme };
}

/** Options in the learner's order (seeded, per attempt; see option-order.ts). */
function quizOf(def: CourseDefinition, itemId: string, formIndex: number, seed: number, attempt: number): QuizForm {
  const it = def.items[itemId];
  const f = it.forms[formIndex];
  return { item: it.id, form: f.id, type: it.type, stem: f.stem, options: itemOrder(it, f, seed, attempt).map((o) => ({ id: o.id, text: o.text })) };
}

function screenOf(def: CourseDefinition, snapshot: CourseSnapshot, ctx: CourseContext, pos: ReturnType<typeof positionOf>): Screen {
  const trackTitle = def.tracks.find((t) => t.id === ctx.track)?.title ?? '';
  switch (pos.phase) {
    case 'welcome': return { kind: 'welcome' };
    case 'track': return { kind: 'track', options: def.tracks.map((t) => ({ id: t.id, title: t.title, description: t.description })) };
    case 'programme': return { kind: 'programme', options: def.programmes.map((p) => ({ id: p.id, text: p.title })) };
    case 'attestation':
    case 'done': return { kind: pos.phase, track: ctx.track ?? '', trackTitle, score: ctx.result?.score ?? 0 };
    case 'result': {
      const left = def.assessment.attempts === 0 ? null : Math.max(0, def.assessment.attempts - ctx.attempt);
      return {
        kind: 'result',
        result: ctx.result!,
        attempt: ctx.attempt,
        attemptsLeft: left,
        canRetry: !ctx.result!.passed && (left === null || left > 0),
        passingScores: sectionsFor(def, ctx.track).map((s) => ({ id: s.id, title: s.title, passingScore: s.passingScore })),
      };
    }
    case 'assessment': {
      const d = ctx.drawn[ctx.answers.length];
      const section = def.assessment.sections.find((s) => s.id === d.section)!;
      return { kind: 'assessment', quiz: quizOf(def, d.item, d.form, ctx.seed, ctx.attempt), index: ctx.answers.length, total: ctx.drawn.length, section: { id: section.id, title: section.title } };
    }
    default: break;
  }
  const step = pos.step!;
  const canBack = snapshot.can({ type: 'nav.back' });
  if (step.kind === 'page') return { kind: 'page', id: step.id, title: step.title, body: step.body, notice: step.notice, canBack };
  if (step.kind === 'check') {
    const form = currentForm(def, snapshot, pos)!;
    const check = checkAnswer(snapshot);
    const answered = pos.check === 'answered' && check
      ? { selected: check.selected, correct: check.correct, feedback: form.options.map((o) => ({ id: o.id, text: o.feedback, correct: o.correct })) }
      : null;
    return { kind: 'check', quiz: quizOf(def, step.item, 0, ctx.seed, 0), answered, canBack };
  }
  const sc = def.scenarios[step.id];
  const node = pos.node!;
  let view: ScenarioNodeView;
  if (node.kind === 'decision' && pos.option) {
    const o = node.options.find((x) => x.id === pos.option)!;
    view = { kind: 'chosen', id: node.id, prompt: node.prompt, option: { id: o.id, text: o.text, best: o.best, feedback: o.feedback, clauses: o.clauses, replay: leadsBack(sc, o.next, node.id) } };
  } else if (node.kind === 'decision') {
    // Option order is shuffled per learner (seeded) so the best answer is not always first.
    const options = decisionOrder(node.options, ctx.seed, sc, node.id).map((o) => ({ id: o.id, text: o.text }));
    view = { kind: 'decision', id: node.id, prompt: node.prompt, options };
  } else {
    view = { kind: node.kind, id: node.id, title: node.title, text: node.text, first: node.id === sc.start };
  }
  return { kind: 'scenario', scenario: sc.id, title: sc.title, notice: sc.notice, node: view };
}
