/**
 * The shortest sequence of learner events from the start of the course to a target screen,
 * found with xstate's own graph traversal over the real course machine. Used by deep links
 * (the author preview opens any node), transcripts (they start at their scenario) and the
 * path report (it walks each scenario from its first screen).
 */
import { getShortestPaths } from 'xstate/graph';

import type { CourseDefinition } from '../../engine/definition.ts';
import type { LearnerEvent } from '../../engine/events.ts';
import { positionOf } from '../../engine/position.ts';
import { inScope } from '../../engine/scope.ts';
import { createCourseMachine, type CourseMachine, type CourseSnapshot } from '../../engine/machine.ts';
import { courseGraph, learnerEvents, serializeEvent, serializeState, type Preset } from './course-graph.ts';
import { checkTarget, isAt, targetModuleIndex, type Target } from './target.ts';

export type PathResult =
  | { ok: true; events: LearnerEvent[]; snapshot: CourseSnapshot; track: string | null; programme: string | null }
  | { ok: false; reason: string };

/**
 * Finds a way to `target`. With no track or programme given, the first ones (in course
 * order) whose learners meet the target are used, so `scenario=late-night-dm` alone works.
 */
export function findPath(def: CourseDefinition, target: Target, preset: Partial<Preset> = {}, machine?: CourseMachine): PathResult {
  const problem = checkTarget(def, target);
  if (problem) return { ok: false, reason: problem };
  const m = machine ?? createCourseMachine(def);
  const tracks = (preset.presetTrack ?? preset.track) ? [preset.presetTrack ?? preset.track!] : def.tracks.map((t) => t.id);
  const programmes = preset.programme ? [preset.programme] : def.programmes.length ? def.programmes.map((p) => p.id) : [null];
  for (const k of [preset.presetTrack, preset.track]) if (k && !def.tracks.some((t) => t.id === k)) return { ok: false, reason: `unknown track "${k}" (tracks: ${def.tracks.map((t) => t.id).join(', ')})` };
  if (preset.programme && !def.programmes.some((p) => p.id === preset.programme))
    return { ok: false, reason: `unknown programme "${preset.programme}" (programmes: ${def.programmes.map((p) => p.id).join(', ')})` };
  const last = targetModuleIndex(def, target);
  for (const track of tracks) {
    for (const programme of programmes) {
      if (!reachableIn(def, target, track, programme)) continue;
      const found = shortest(def, m, target, { track, programme, presetTrack: preset.presetTrack ?? null }, last);
      if (found) return { ok: true, ...found, track, programme };
    }
  }
  const who = [preset.track || preset.presetTrack ? `track "${preset.track ?? preset.presetTrack}"` : '', preset.programme ? `programme "${preset.programme}"` : '']
    .filter(Boolean)
    .join(' and ');
  return { ok: false, reason: `no learner${who ? ` of ${who}` : ''} reaches ${describe(target)} (check the tracks and programmes it is for)` };
}

/** Cheap scope test before the walk: a module, scenario or check out of scope is never met. */
function reachableIn(def: CourseDefinition, t: Target, track: string, programme: string | null) {
  return def.modules.some(
    (m) =>
      inScope(m, track, programme) &&
      (!t.module || m.id === t.module) &&
      (!t.scenario || m.steps.some((s) => s.kind === 'scenario' && s.id === t.scenario && inScope(def.scenarios[s.id], track, programme))),
  );
}

function shortest(def: CourseDefinition, machine: CourseMachine, target: Target, preset: Preset, lastModule: number) {
  const g = courseGraph(def, preset, machine);
  const paths = getShortestPaths(machine, {
    input: g.input,
    // Beyond the target's module nothing can lead back to it: do not explore further.
    events: (s: CourseSnapshot) => {
      const pos = positionOf(def, s);
      if (pos.phase === 'learning' && (pos.moduleIndex ?? 0) > lastModule) return [];
      return learnerEvents(g, s);
    },
    serializeState: (s: CourseSnapshot) => serializeState(s),
    serializeEvent,
    toState: (s: CourseSnapshot) => isAt(positionOf(def, s), target),
  });
  if (!paths.length) return null;
  const best = paths.reduce((a, b) => (b.steps.length < a.steps.length ? b : a));
  // The first step of a path is the machine's own start, not a learner event.
  const events = best.steps.slice(1).map((st) => st.event as LearnerEvent);
  return { events, snapshot: best.state as CourseSnapshot };
}

export function describe(t: Target): string {
  if (t.scenario) return `scenario "${t.scenario}"${t.node ? `, node "${t.node}"` : ''}${t.option ? `, option "${t.option}"` : ''}`;
  return `${t.module ? `module "${t.module}"` : ''}${t.step ? ` step "${t.step}"` : ''}`.trim();
}
