/**
 * A clock the tests, the cohort generator and the benchmark move by hand: timers fire, in
 * order, when it passes them. Not part of the learner bundle.
 */
import type { Timers } from '../timers.ts';

/** A clock moved by hand; timers fire, in order, when it passes them. */
export class ManualTimers implements Timers {
  private t = Date.UTC(2025, 2, 1, 9, 0, 0);
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private next = 1;
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.queue.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimeout = (h: unknown) => {
    this.queue = this.queue.filter((q) => q.id !== h);
  };
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      const due = this.queue.filter((q) => q.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.queue = this.queue.filter((q) => q !== due);
      this.t = Math.max(this.t, due.at);
      due.fn();
    }
    this.t = end;
  }
  /** Timers not yet fired. */
  get pending() {
    return this.queue.length;
  }
}
