/**
 * Plays a course without an interface, the way a learner would, for the LMS tests, the
 * browser-test driver and the benchmark. Not part of the learner build.
 *
 * A strategy says how the learner answers: best decisions or every wrong one first, right
 * or wrong answers, how many failed attempts before passing.
 */

import type { CourseDefinition, ItemFormDef } from '../../engine/definition.ts';
import type { LearnerEvent } from '../../engine/events.ts';
import type { CourseSnapshot } from '../../engine/machine.ts';
import { currentForm, positionOf } from '../../engine/position.ts';
import { CourseSession } from '../../engine/session.ts';
import { selectView } from '../../engine/view.ts';
import type { LmsAdapter } from '../../lms/adapter.ts';
import { tellRestored, wireSession } from '../wiring.ts';

/** How the simulated learner answers. */
export interface Strategy {
  track?: string;
  programme?: string;
  /** `best`: the best option; `wrong-first`: every other option once (those that come back), then the best. */
  decisions?: 'best' | 'wrong-first';
  /** Knowledge checks answered right or wrong. */
  checks?: 'right' | 'wrong';
  /** Assessment attempts answered wrong before one answered right. */
  failedAttempts?: number;
  /** Stops at the first failed result instead of trying again (the learner leaves failed). */
  giveUp?: boolean;
  /** Stops (returns null) once this holds, e.g. in the middle of a scenario. */
  stopWhen?: (snapshot: CourseSnapshot) => boolean;
}

/** What a walk remembers between steps (decision options already tried). */
export type WalkMemory = Map<string, Set<string>>;

const right = (form: ItemFormDef) => form.options.filter((o) => o.correct).map((o) => o.id);
const wrong = (form: ItemFormDef) => [form.options.find((o) => !o.correct)?.id ?? form.options[0].id];

/** The next learner event under `strategy`, or null when the walk is over. */
export function nextEvent(def: CourseDefinition, snapshot: CourseSnapshot, strategy: Strategy = {}, memory: WalkMemory = new Map()): LearnerEvent | null {
  if (snapshot.status === 'done' || strategy.stopWhen?.(snapshot)) return null;
  const pos = positionOf(def, snapshot);
  const ctx = snapshot.context;
  switch (pos.phase) {
    case 'welcome': return { type: 'course.start' };
    case 'track': return { type: 'track.select', track: strategy.track ?? def.tracks[0].id };
    case 'programme': return { type: 'programme.select', programme: strategy.programme ?? def.programmes[0].id };
    case 'attestation': return { type: 'attestation.confirm' };
    case 'result': {
      if (pos.result === 'passed') return { type: 'nav.next' };
      const retry = { type: 'assessment.retry' } as const;
      return !strategy.giveUp && snapshot.can(retry) ? retry : null;
    }
    case 'assessment': {
      const form = currentForm(def, snapshot, pos)!;
      const fail = strategy.giveUp || ctx.attempt <= (strategy.failedAttempts ?? 0);
      return { type: 'item.answer', options: fail ? wrong(form) : right(form) };
    }
    default: break;
  }
  if (pos.check === 'ask') {
    const form = currentForm(def, snapshot, pos)!;
    return { type: 'item.answer', options: strategy.checks === 'wrong' ? wrong(form) : right(form) };
  }
  const view = selectView(def, snapshot).screen;
  if (view.kind === 'scenario' && view.node.kind === 'decision' && pos.node?.kind === 'decision') {
    const key = `${view.scenario}/${view.node.id}`;
    const tried = memory.get(key) ?? new Set<string>();
    memory.set(key, tried);
    const best = pos.node.options.find((o) => o.best) ?? pos.node.options[0];
    const other = strategy.decisions === 'wrong-first' ? pos.node.options.find((o) => o !== best && !tried.has(o.id)) : undefined;
    const pick = other ?? best;
    tried.add(pick.id);
    return { type: 'choice.select', option: pick.id };
  }
  return { type: 'nav.next' };
}

/** A walk under way: its session, what it tried, how many steps it took. */
export interface Walk {
  session: CourseSession;
  memory: WalkMemory;
  steps: number;
}

/**
 * Connects a session to an adapter through the application's own wiring (src/app/wiring.ts)
 * and plays `strategy` until it stops.
 */
export function walkWithAdapter(def: CourseDefinition, adapter: LmsAdapter, strategy: Strategy = {}, opts: { seed?: number; lang?: 'fr' | 'en'; now?: () => number } = {}): Walk {
  const launch = adapter.start();
  const session = new CourseSession(def, { lang: opts.lang ?? 'fr', seed: opts.seed ?? 1, now: opts.now });
  wireSession(def, session, adapter);
  session.restore(launch.suspendData);
  tellRestored(adapter, session);
  return continueWalk(def, { session, memory: new Map(), steps: 0 }, strategy);
}

/** Plays on from where a walk stands. */
export function continueWalk(def: CourseDefinition, walk: Walk, strategy: Strategy = {}): Walk {
  for (let guard = 0; guard < 100000; guard++) {
    const event = nextEvent(def, walk.session.snapshot, strategy, walk.memory);
    if (!event) return walk;
    if (!walk.session.send(event)) throw new Error(`the walk sent ${JSON.stringify(event)} where it does not apply`);
    walk.steps++;
  }
  throw new Error('the walk did not end: is there a loop without exit?');
}
