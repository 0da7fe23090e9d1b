/**
 * What the first screen needs to tell a returning learner where they stopped, without the
 * engine: the course's modules and steps with their scope, and for each step the keys of the
 * screens a saved journey can record as reached there (journey.ts `at`, the save key of
 * place.ts `placeOf`). Built at build time into the course head (`virtual:course-head`);
 * read by src/app/resume-place.ts; places are named by place-name.ts, as place.ts names them.
 * test/unit/resume-place.test.ts checks, by walking the real course, that the keys agree with
 * the session's.
 */
import type { CourseDefinition, Scoped, TextKey } from './definition.ts';
import { drawAttempt } from './draw.ts';
import { saveKey } from './journey-decode.ts';
import { placeName } from './place-name.ts';
import { stepScope } from './scope.ts';

export interface ResumeOutline {
  /** The structure fingerprint the keys hold for: a journey saved against another is not read. */
  structure: string;
  tracks: string[];
  programmes: string[];
  modules: (Scoped & { id: string; title: TextKey; steps: (Scoped & { keys: string })[] })[];
  /** Questions in an assessment attempt, per track ('' for none), when every draw asks as many. */
  asked: Record<string, number>;
}

/** Every place of a step, as place.ts names the one on screen. */
function placesOf(def: CourseDefinition, step: CourseDefinition['modules'][number]['steps'][number]): string[] {
  if (step.kind === 'page') return [placeName.page(step.id)];
  if (step.kind === 'check') return [placeName.check(step.id, 'ask'), placeName.check(step.id, 'answered')];
  return Object.values(def.scenarios[step.id].nodes).flatMap((n) => [
    placeName.scenario(step.id, n.id),
    ...(n.kind === 'decision' ? n.options.map((o) => placeName.scenario(step.id, n.id, o.id)) : []),
  ]);
}

export function resumeOutline(def: CourseDefinition, structure: string): ResumeOutline {
  const asked: Record<string, number> = {};
  for (const track of [null, ...def.tracks.map((t) => t.id)]) {
    const counts = new Set<number>();
    for (let seed = 1; seed <= 24; seed++) for (let attempt = 1; attempt <= 3; attempt++) counts.add(drawAttempt(def, track, seed * 7919, attempt).length);
    if (counts.size === 1) asked[track ?? ''] = [...counts][0];
  }
  return {
    structure,
    tracks: def.tracks.map((t) => t.id),
    programmes: def.programmes.map((p) => p.id),
    modules: def.modules.map((m) => ({
      id: m.id,
      title: m.title,
      tracks: m.tracks,
      programmes: m.programmes,
      steps: m.steps.map((s) => {
        const { tracks, programmes } = stepScope(def, s);
        return { tracks, programmes, keys: placesOf(def, s).map(saveKey).join('') };
      }),
    })),
    asked,
  };
}
