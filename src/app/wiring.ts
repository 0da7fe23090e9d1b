/**
 * The one connection between a learner's session and whatever records it: every change is
 * saved (journey, place, progress), every domain event is reported, and the attestation ends
 * the LMS session. The interface (CourseApp), the LMS tests and the benchmark all go through
 * this, so what is tested is what learners run.
 */
import type { CourseDefinition } from '../engine/definition.ts';
import { positionOf } from '../engine/position.ts';
import type { CourseSession, TimedDomainEvent } from '../engine/session.ts';
import { selectView, type ViewModel } from '../engine/view.ts';
import type { LmsAdapter, RestoredState, SavePoint } from '../lms/adapter.ts';

/** The save point for where the session stands; `view`, when the caller has it already. */
export function savePointOf(def: CourseDefinition, session: CourseSession, view: ViewModel = selectView(def, session.snapshot)): SavePoint {
  const pos = positionOf(def, session.snapshot);
  const { done, total } = view.progress;
  return {
    journey: session.save(),
    location: pos.module ? `${pos.module.id}/${pos.stepIndex}` : pos.phase,
    progress: total ? done / total : 0,
  };
}

/** Where a session stands after a restore, as the adapter needs it (see LmsAdapter.restored). */
export function restoredState(session: CourseSession): RestoredState {
  const ctx = session.snapshot.context;
  // Answers count only while their attempt is under way: a result screen has closed it.
  const answers = session.snapshot.matches('assessment') ? ctx.answers.map(({ item, correct }) => ({ item, correct })) : [];
  return { track: ctx.track, answers };
}

/** Tells the adapter where a journey just restored (or replayed) stands. */
export function tellRestored(adapter: LmsAdapter, session: CourseSession): void {
  adapter.restored?.(restoredState(session));
}

export interface Wiring {
  /** Saves where the session stands now (after a language change or a fresh start). */
  persist(): void;
}

export interface WiringOptions {
  /** Hears the attestation (the interface prints its date) before the LMS session ends. */
  onAttested?: (e: TimedDomainEvent) => void;
  /**
   * The view model for where the session stands, when the caller keeps it up to date already
   * (the interface does, on each change, before this saves): not worked out twice per step.
   */
  view?: () => ViewModel;
}

/** Connects `session` to `adapter`. */
export function wireSession(def: CourseDefinition, session: CourseSession, adapter: LmsAdapter, opts: WiringOptions = {}): Wiring {
  const persist = () => adapter.save(savePointOf(def, session, opts.view?.()));
  session.onChange(() => persist());
  session.onDomain((e) => {
    adapter.report(e);
    if (e.event.type === 'course.attested') {
      opts.onAttested?.(e);
      adapter.finish();
    }
  });
  return { persist };
}
