/**
 * The progress the header shows along the learner's path (scope.ts pathThrough). Read from
 * the definition by the view model (view.ts), and from the resume outline by the first
 * screen (src/app/resume-place.ts), which must show the same figures before the engine
 * arrives. Light on purpose: the first screen carries it.
 */
import type { TextKey } from './definition.ts';
import type { PathEntry, PathModule } from './scope.ts';

/** Where progress is counted: a module's step, before the modules, or after them (assessment not yet passed, or passed). */
export type ProgressAt = { module: number; step: number } | 'start' | 'assessment' | 'passed';

export interface Progress {
  /** Steps done / steps in the path (the assessment counts as one). */
  progress: { done: number; total: number };
  module: null | { id: string; title: TextKey; index: number; count: number };
}

/** The header's progress at `at`; null when the path does not hold that module. */
export function progressAt<S>(path: PathEntry<PathModule<S>, S>[], at: ProgressAt): Progress | null {
  const total = path.reduce((n, p) => n + p.steps.length, 0) + 1;
  if (at === 'start') return { progress: { done: 0, total }, module: null };
  // The assessment step counts as done only once it is passed.
  if (at === 'assessment' || at === 'passed') return { progress: { done: at === 'passed' ? total : total - 1, total }, module: null };
  const k = path.findIndex((p) => p.index === at.module);
  if (k < 0) return null;
  let done = 0;
  for (let i = 0; i < k; i++) done += path[i].steps.length;
  done += path[k].steps.filter((s) => s.index < at.step).length;
  const m = path[k].module;
  return { progress: { done, total }, module: { id: m.id, title: m.title, index: k + 1, count: path.length } };
}
