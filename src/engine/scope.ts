import type { CourseDefinition, ModuleDef, Scoped, StepDef } from './definition.ts';

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

/** Modules and steps this learner takes, in order. */
export function learnerPath(def: CourseDefinition, track: string | null, programme: string | null) {
  return def.modules
    .filter((m) => inScope(m, track, programme))
    .map((m) => ({ module: m, steps: stepsInPath(def, m, track, programme) }));
}

export function stepsInPath(def: CourseDefinition, m: ModuleDef, track: string | null, programme: string | null) {
  return m.steps
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => inScope(stepScope(def, step), track, programme));
}

/** Assessment sections that apply to a track. */
export function sectionsFor(def: CourseDefinition, track: string | null) {
  return def.assessment.sections.filter((s) => inScope({ tracks: s.tracks, programmes: null }, track, null));
}
