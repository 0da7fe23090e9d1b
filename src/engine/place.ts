/**
 * A stable name for where the learner stands, built from ids rather than positions, so a
 * saved journey can check on replay that a step still lands where it landed for the learner
 * even after pages were inserted or removed around it.
 */
import type { CourseDefinition } from './definition.ts';
import type { CourseSnapshot } from './machine.ts';
import { positionOf } from './position.ts';
import { placeName } from './place-name.ts';

export function placeOf(def: CourseDefinition, snapshot: CourseSnapshot): string {
  const pos = positionOf(def, snapshot);
  if (pos.phase === 'result') return placeName.result(pos.result ?? 'passed');
  if (pos.phase !== 'learning' || !pos.step) return pos.phase;
  const step = pos.step;
  if (step.kind === 'page') return placeName.page(step.id);
  if (step.kind === 'check') return placeName.check(step.id, pos.check ?? 'ask');
  return placeName.scenario(step.id, pos.node?.id ?? '', pos.option);
}

/** The question on screen (knowledge check or assessment item), if any. */
export function itemOf(def: CourseDefinition, snapshot: CourseSnapshot): string | null {
  const pos = positionOf(def, snapshot);
  if (pos.step?.kind === 'check') return pos.step.item;
  if (pos.phase !== 'assessment') return null;
  const ctx = snapshot.context;
  return ctx.drawn[ctx.answers.length]?.item ?? null;
}
