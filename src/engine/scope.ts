import type { CourseDefinition, Scoped, StepDef, TextKey } from './definition.ts';

/** Whether something scoped to tracks/programmes is part of this learner's path. */
export function inScope(scoped: Scoped, track: string | null, programme: string | null): boolean {
  if (scoped.tracks && (!track || !scoped.tracks.includes(track))) return false;
  if (scoped.programmes && programme && !scoped.programmes.includes(programme)) return false;
  return true;
}

/** The scope of one step: a scenario carries its own; pages and checks follow the module. */
export function stepScope(def: CourseDefinition, step: StepDef): Scoped {
  if (step.kind === 'scenario') return def.scenarios[step.id];
  if (step.kind === 'check') return { tracks: def.items[step.item].tracks, programmes: null };
  return { tracks: null, programmes: null };
}

/** A module as a path reads it. */
export type PathModule<S> = Scoped & { id: string; title: TextKey; steps: S[] };

export interface PathEntry<M, S> {
  module: M;
  /** The module's index in the course. */
  index: number;
  /** The steps taken, with their index in the module. */
  steps: { step: S; index: number }[];
}

/** Modules and steps this learner takes, in order; `scopeOf` gives a step's scope. */
export function pathThrough<S, M extends PathModule<S>>(modules: M[], scopeOf: (step: S) => Scoped, track: string | null, programme: string | null): PathEntry<M, S>[] {
  return modules
    .map((module, index) => ({ module, index, steps: module.steps.map((step, i) => ({ step, index: i })).filter(({ step }) => inScope(scopeOf(step), track, programme)) }))
    .filter(({ module }) => inScope(module, track, programme));
}

/** Modules and steps this learner takes, in order. */
export function learnerPath(def: CourseDefinition, track: string | null, programme: string | null) {
  return pathThrough(def.modules, (step: StepDef) => stepScope(def, step), track, programme);
}

/** Assessment sections that apply to a track. */
export function sectionsFor(def: CourseDefinition, track: string | null) {
  return def.assessment.sections.filter((s) => inScope({ tracks: s.tracks, programmes: null }, track, null));
}
