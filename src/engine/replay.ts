/**
 * Replays a saved journey onto the course, by ids rather than positions. With the content it
 * was saved against, every run of steps must land on the screen it recorded. With changed
 * content, a run is walked one step at a time until it reaches that screen (an inserted or a
 * removed page moves it), else the replay stops at the last step it could verify. An answer
 * is replayed only onto the question it was given to.
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { CourseDefinition } from './definition.ts';
import type { LearnerEvent } from './events.ts';
import { eventOf, saveKey, type Token } from './journey.ts';
import { itemOf, placeOf } from './place.ts';

export interface Replayable {
  readonly def: CourseDefinition;
  readonly snapshot: AnyMachineSnapshot;
  readonly failed: boolean;
  candidates(): { tracks: string[]; programmes: string[]; options: string[] };
  send(event: LearnerEvent): boolean;
  /** Starts from the beginning again and sends these events. */
  rebuild(events: LearnerEvent[]): void;
}

/** Steps a run may take beyond its own length to find its screen again on changed content. */
const REACH = 20;

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
    if (tk.t === 'n' || tk.t === 'p') {
      let run = 1;
      const atOf = (k: number) => (tokens[k] as { at?: string }).at;
      // A run ends at its checkpoint; an old journey has none, so it runs while the steps repeat.
      while (!atOf(i + run - 1) && tokens[i + run]?.t === tk.t) run++;
      const at = atOf(i + run - 1);
      const event: LearnerEvent = { type: tk.t === 'n' ? 'nav.next' : 'nav.back' };
      const sent = walk(target, event, run, at, changed);
      if (sent < 0) return stop(true);
      for (let k = 0; k < sent; k++) accepted.push(event);
      i += run;
      continue;
    }
    if (tk.t === 'a' && !sameQuestion(target, tk, changed)) return stop(false);
    const event = eventOf(tk, target.candidates());
    if (!event || !target.send(event)) return stop(false);
    accepted.push(event);
    i++;
  }
  return i;
}

/**
 * Sends a run of `count` steps; returns how many were sent to reach its screen, or -1 when
 * it was not reached (the session may then have moved past its last verified step).
 */
function walk(target: Replayable, event: LearnerEvent, count: number, at: string | undefined, changed: boolean): number {
  const here = () => saveKey(placeOf(target.def, target.snapshot));
  if (!at || !changed) {
    for (let k = 0; k < count; k++) if (!target.send(event)) return -1;
    return !at || here() === at ? count : -1;
  }
  for (let k = 1; k <= count + REACH; k++) {
    if (!target.send(event)) return -1;
    if (here() === at) return k;
  }
  return -1;
}

/** The answer was given to the question on screen; unknowable for an old journey on changed content. */
function sameQuestion(target: Replayable, tk: Extract<Token, { t: 'a' }>, changed: boolean): boolean {
  const item = itemOf(target.def, target.snapshot);
  if (tk.item) return item !== null && saveKey(item) === tk.item;
  return !changed;
}
