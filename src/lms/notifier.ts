/**
 * Notices to the learner about where progress is kept. Remembers the ones in force, so a
 * listener that subscribes late (the interface mounts after the LMS has started, across an
 * `await`) still hears that the LMS is missing or lost.
 */
import type { LmsNotice } from './adapter.ts';

type Kind = LmsNotice['kind'];

/** Notices in force, replayed to late listeners; `lms-restored` clears `lms-lost`. */
export class Notifier {
  private readonly listeners = new Set<(n: LmsNotice) => void>();
  private readonly active = new Set<Kind>();

  emit(kind: Kind): void {
    if (kind === 'lms-restored') {
      if (!this.active.delete('lms-lost')) return;
    } else if (this.active.has(kind)) return;
    else this.active.add(kind);
    for (const l of [...this.listeners]) l({ kind } as LmsNotice);
  }

  subscribe(listener: (n: LmsNotice) => void): () => void {
    this.listeners.add(listener);
    for (const kind of this.active) listener({ kind } as LmsNotice);
    return () => this.listeners.delete(listener);
  }

  /** Notices in force (for the preview and the tests). */
  get current(): Kind[] {
    return [...this.active];
  }
}
