/**
 * The course machine seen as a graph the author tools can walk: which learner events make
 * sense in a state (derived from the compiled definition) and how a state is identified.
 * Shared by the deep links of the author preview, the path report and the transcripts, so
 * they all move through the course exactly as a learner would, through the real engine.
 */

import { getAdjacencyMap, type AdjacencyValue, type TraversalOptions } from 'xstate/graph';
import { initialTransition, transition, type ActorLogic } from 'xstate';
import type { CourseDefinition } from '../../engine/definition.ts';
import type { LearnerEvent } from '../../engine/events.ts';
import { createCourseMachine, type CourseInput, type CourseMachine, type CourseSnapshot } from '../../engine/machine.ts';
import { candidateEvents, stateKey } from '../../engine/graph.ts';
import { positionOf, type Position } from '../../engine/position.ts';

/** Track and programme a walk is made for; null: any (every one is tried). */
export interface Preset {
  track: string | null;
  programme: string | null;
  /** Track fixed by the launch (`?track=` or the package): the track question is skipped. */
  presetTrack?: string | null;
}

/** A graph of one course: the machine, the input it starts with and its event vocabulary. */
export interface CourseGraph {
  def: CourseDefinition;
  machine: CourseMachine;
  input: CourseInput;
  preset: Preset;
}

export function courseGraph(def: CourseDefinition, preset: Preset, machine?: CourseMachine): CourseGraph {
  // The seed only drives the assessment draw and option order, which the tools never depend on.
  return { def, machine: machine ?? createCourseMachine(def), input: { seed: 1, presetTrack: preset.presetTrack ?? null }, preset };
}

/**
 * A state is the engine's own traversal key: the state value plus track and programme.
 * Scores and flags are left out, so a replay loop does not make endless new states.
 */
export const serializeState = (s: CourseSnapshot): string => stateKey(s);

export const serializeEvent = (e: LearnerEvent) => JSON.stringify(e);

/** Whether a position is inside the scenario at module step `stepIndex` of `moduleId`. */
export function inScenario(pos: Position, moduleId: string, stepIndex: number): boolean {
  return pos.phase === 'learning' && pos.module?.id === moduleId && pos.stepIndex === stepIndex && pos.step?.kind === 'scenario';
}

/**
 * The engine's candidate events, narrowed to what an author walk needs: only the preset
 * track and programme, only the right answer to a knowledge check (where the learner goes
 * next does not depend on it), and nothing from the assessment on.
 */
export function learnerEvents(g: CourseGraph, s: CourseSnapshot): LearnerEvent[] {
  const { phase } = positionOf(g.def, s);
  if (!['welcome', 'track', 'programme', 'learning'].includes(phase)) return [];
  let answered = false;
  return candidateEvents(g.def, s).filter((e) => {
    if (e.type === 'track.select') return !g.preset.track || e.track === g.preset.track;
    if (e.type === 'programme.select') return !g.preset.programme || e.programme === g.preset.programme;
    if (e.type === 'item.answer') return answered ? false : (answered = true); // the right answer is listed first
    return true;
  });
}

/**
 * The course machine as the plain logic xstate's graph utilities walk: its pure transition
 * functions. (Their signature asks for logic that may emit any event; the machine emits only
 * domain events, which the type system does not accept as the wider case.)
 */
export function walkable(machine: CourseMachine): ActorLogic<CourseSnapshot, LearnerEvent, CourseInput> {
  return {
    transition: (snapshot, event) => transition(machine, snapshot, event)[0],
    getInitialSnapshot: (_scope, input) => initialTransition(machine, input)[0],
    getPersistedSnapshot: (snapshot) => snapshot,
  };
}

/** Every state met, by its key, with the events that leave it and where they lead. */
export type CourseAdjacency = Record<string, AdjacencyValue<CourseSnapshot, LearnerEvent>>;

/** xstate's adjacency map of the course. */
export function adjacencyOf(machine: CourseMachine, options: TraversalOptions<CourseSnapshot, LearnerEvent, CourseInput>): CourseAdjacency {
  // Keyed by the plain traversal key (xstate brands the key type).
  return Object.fromEntries(Object.entries(getAdjacencyMap(walkable(machine), options)));
}
