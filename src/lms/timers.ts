/** Clock and timers, injectable so tests can run the commit schedule without waiting. */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The browser's clock and timers. */
export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Runs `task` at most once per `interval`: the first request after a quiet spell runs on the
 * next tick (after the screen has updated), later ones are gathered into one trailing run.
 */
export class Throttle {
  private handle: unknown = null;
  private last = -Infinity;

  constructor(private readonly timers: Timers, private readonly interval: number, private readonly task: () => void) {}

  request(): void {
    if (this.handle !== null) return;
    const wait = Math.max(0, this.last + this.interval - this.timers.now());
    this.handle = this.timers.setTimeout(() => this.run(), wait);
  }

  /** Runs now, dropping any pending run. */
  runNow(): void {
    this.cancel();
    this.run();
  }

  cancel(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  get pending(): boolean {
    return this.handle !== null;
  }

  private run() {
    this.handle = null;
    this.last = this.timers.now();
    this.task();
  }
}
