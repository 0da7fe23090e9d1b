/**
 * Replays a saved journey onto the course, by ids rather than positions. With the content it
 * was saved against, every step that records a landing screen must land there. With changed
 * content, a step is followed one "next" (or "back") at a time until it reaches that screen
 * (an inserted or a removed page moves it), else the replay stops at the last step it could
 * verify. An answer is replayed only onto the question it was given to.
 */
import type { CourseDefinition } from './definition.ts';
import type { LearnerEvent } from './events.ts';
import type { CourseSnapshot } from './machine.ts';
import { eventOf, saveKey, type Token } from './journey.ts';
import { itemOf, placeOf } from './place.ts';

export interface Replayable {
  readonly def: CourseDefinition;
  readonly snapshot: CourseSnapshot;
  readonly failed: boolean;
  candidates(): { tracks: string[]; programmes: string[]; options: string[] };
  send(event: LearnerEvent): boolean;
  /** Starts from the beginning again and sends these events. */
  rebuild(events: LearnerEvent[]): void;
}

/** Steps a replay may take beyond the saved ones to find a screen again on changed content. */
const REACH = 20;

const atOf = (tk: Token | undefined) => (tk && 'at' in tk ? tk.at : undefined);

/** Replays `tokens`; returns how many applied. `changed`: the content is not the one they were saved against. */
export function replayTokens(target: Replayable, tokens: Token[], changed: boolean): number {
  const accepted: LearnerEvent[] = [];
  let i = 0;
  const stop = (moved: boolean) => {
    if (moved || target.failed) target.rebuild(accepted);
    return i;
  };
  while (i < tokens.length) {
    const tk = tokens[i];
    let run = 1;
    if (tk.t === 'n' || tk.t === 'p') {
      // A run ends at its checkpoint; an old journey has none, so it runs while the steps repeat.
      while (!atOf(tokens[i + run - 1]) && tokens[i + run]?.t === tk.t) run++;
    }
    if (tk.t === 'a' && !sameQuestion(target, tk, changed)) return stop(false);
    const event = eventOf(tk, target.candidates());
    if (!event) return stop(false);
    const at = atOf(tokens[i + run - 1]);
    // On changed content, a run whose pages were all removed has already arrived.
    if (changed && at && isNav(event) && here(target) === at) {
      i += run;
      continue;
    }
    const sent = walk(target, event, run, at, changed);
    if (sent) accepted.push(...sent);
    else if (changed && !isNav(event)) {
      // The start, track or programme still applies though the screen it opened is gone:
      // keep it, and let the next checkpoint find the place again.
      target.rebuild(accepted);
      if (!target.send(event)) return stop(true);
      accepted.push(event);
    } else return stop(true);
    i += run;
  }
  return i;
}

const isNav = (e: LearnerEvent) => e.type === 'nav.next' || e.type === 'nav.back';
const here = (target: Replayable) => saveKey(placeOf(target.def, target.snapshot));

/**
 * Sends `event` `count` times and checks the screen reached. On changed content it checks
 * after every step, and goes on (with the same step for a run of "next" or "back", else with
 * "next") until it finds the screen. Returns the events sent, or null when it was not reached:
 * the session may then have moved past its last verified step.
 */
function walk(target: Replayable, event: LearnerEvent, count: number, at: string | undefined, changed: boolean): LearnerEvent[] | null {
  const sent: LearnerEvent[] = [];
  if (!at || !changed) {
    for (let k = 0; k < count; k++) if (target.send(event)) sent.push(event); else return null;
    return !at || here(target) === at ? sent : null;
  }
  const onward: LearnerEvent = event.type === 'nav.back' ? event : { type: 'nav.next' };
  for (let k = 0; k < count + REACH; k++) {
    const step = k < count ? event : onward;
    if (!target.send(step)) return null;
    sent.push(step);
    if (here(target) === at) return sent;
  }
  return null;
}

/** The answer was given to the question on screen; unknowable for an old journey on changed content. */
function sameQuestion(target: Replayable, tk: Extract<Token, { t: 'a' }>, changed: boolean): boolean {
  const item = itemOf(target.def, target.snapshot);
  if (tk.item) return item !== null && saveKey(item) === tk.item;
  return !changed;
}
