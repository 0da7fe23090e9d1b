/**
 * The LMS adapter as the course sees it when another tab of the same learner may be the
 * one writing (single-writer.ts): saves and reports go through only while this tab holds
 * the writer role. The journey this tab saves is also kept in the browser, so a tab that
 * takes over resumes from it: a second LMS window was launched with what the LMS held
 * then, older than what the first window did since. An adapter that keeps the journey in the
 * browser itself (no LMS) is read instead, not copied on every save.
 */
import type { Lang, TextKey } from '../engine/definition.ts';
import type { TimedDomainEvent } from '../engine/session.ts';
import type { LaunchData, LmsAdapter, LmsNotice, RestoredState, SavePoint } from '../lms/adapter.ts';
import { storage } from '../lms/local.ts';

export class WriterGate implements LmsAdapter {
  /** Whether this tab writes now. */
  open = false;
  private started = false;
  private readonly store = storage();

  constructor(
    private readonly inner: LmsAdapter,
    private readonly copyKey: string,
  ) {}

  get kind() {
    return this.inner.kind;
  }
  launchData(): LaunchData {
    return this.inner.launchData();
  }
  /** This tab writes (again). `journey`: the one it resumes from, when it took over. */
  start(journey?: string | null): LaunchData {
    this.open = true;
    if (this.started) {
      this.inner.resume?.();
      return this.inner.launchData();
    }
    this.started = true;
    const launch = this.inner.start(journey);
    this.keep(journey ?? launch.suspendData);
    return launch;
  }
  /** Another tab writes now: nothing more from this one. */
  stop(): void {
    this.open = false;
    this.inner.pause?.();
  }
  /** The journey the writing tab saved last, if it kept one. */
  latest(): string | null {
    if (this.inner.keptJourney) return this.inner.keptJourney();
    try {
      return this.store.getItem(this.copyKey);
    } catch {
      return null;
    }
  }
  private keep(journey: string | null) {
    if (this.inner.keptJourney) return;
    try {
      if (journey) this.store.setItem(this.copyKey, journey);
    } catch {
      // Storage full or denied: a tab taking over then resumes from what the LMS gave it.
    }
  }

  save(point: SavePoint): void {
    if (!this.open) return;
    this.keep(point.journey);
    this.inner.save(point);
  }
  report(event: TimedDomainEvent): void {
    if (this.open) this.inner.report(event);
  }
  flush(): void {
    if (this.open) this.inner.flush();
  }
  finish(): void {
    if (this.open) this.inner.finish();
  }
  onNotice(listener: (n: LmsNotice) => void): () => void {
    return this.inner.onNotice(listener);
  }
  restored(state: RestoredState): void {
    this.inner.restored?.(state);
  }
  useText(text: (key: TextKey) => string, lang: () => Lang): void {
    this.inner.useText?.(text, lang);
  }
}
