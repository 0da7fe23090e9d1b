/**
 * The course machine seen as a graph the author tools can walk: which learner events make
 * sense in a state (derived from the compiled definition) and how a state is identified.
 * Shared by the deep links of the author preview, the path report and the transcripts, so
 * they all move through the course exactly as a learner would, through the real engine.
 */
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { CourseDefinition } from '../../engine/definition.ts';
import type { LearnerEvent } from '../../engine/events.ts';
import { createCourseMachine, type CourseContext, type CourseInput } from '../../engine/machine.ts';
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
  machine: AnyStateMachine;
  input: CourseInput;
  preset: Preset;
}

export function courseGraph(def: CourseDefinition, preset: Preset, machine?: AnyStateMachine): CourseGraph {
  // The seed only drives the assessment draw and option order, which the tools never depend on.
  return { def, machine: machine ?? createCourseMachine(def), input: { seed: 1, presetTrack: preset.presetTrack ?? null }, preset };
}

/**
 * A state is its state value plus the learner's track and programme (the only context the
 * guards read before the assessment). Score and flags are left out on purpose: otherwise
 * every replay loop would make a new state and the graph would never end.
 */
export function serializeState(s: AnyMachineSnapshot): string {
  const ctx = s.context as CourseContext;
  return `${JSON.stringify(s.value)}|${ctx.track ?? ''}|${ctx.programme ?? ''}`;
}

export const serializeEvent = (e: LearnerEvent) => JSON.stringify(e);

/** Whether a position is inside scenario `scenario` at module step `stepIndex` of `moduleId`. */
export function inScenario(pos: Position, moduleId: string, stepIndex: number): boolean {
  return pos.phase === 'learning' && pos.module?.id === moduleId && pos.stepIndex === stepIndex && pos.step?.kind === 'scenario';
}

/**
 * The events a learner can send in a state, as the interface offers them. Knowledge checks
 * are answered correctly (the answer does not change where the learner goes next). Nothing
 * is offered from the assessment on: the tools stop at the end of the modules.
 */
export function learnerEvents(g: CourseGraph, s: AnyMachineSnapshot): LearnerEvent[] {
  const { def, preset } = g;
  const pos = positionOf(def, s);
  const out: LearnerEvent[] = [];
  const offer = (e: LearnerEvent) => s.can(e) && out.push(e);
  switch (pos.phase) {
    case 'welcome':
      offer({ type: 'course.start' });
      break;
    case 'track':
      for (const t of def.tracks) if (!preset.track || preset.track === t.id) offer({ type: 'track.select', track: t.id });
      break;
    case 'programme':
      for (const p of def.programmes) if (!preset.programme || preset.programme === p.id) offer({ type: 'programme.select', programme: p.id });
      break;
    case 'learning': {
      const step = pos.step!;
      if (step.kind === 'check' && pos.check === 'ask') {
        const correct = def.items[step.item].forms[0].options.filter((o) => o.correct).map((o) => o.id);
        offer({ type: 'item.answer', options: correct });
      } else if (pos.node?.kind === 'decision' && !pos.option) {
        for (const o of pos.node.options) offer({ type: 'choice.select', option: o.id });
      } else offer({ type: 'nav.next' });
      offer({ type: 'nav.back' });
      break;
    }
    default:
      break;
  }
  return out;
}
