/**
 * The adapter's in-memory twin, for tests and tools: keeps what a course sends, in order,
 * without any LMS or storage. Seed it with a saved journey to test a resume.
 */
import type { TimedDomainEvent } from '../engine/session.ts';
import type { LaunchData, LmsAdapter, LmsNotice, SavePoint } from './adapter.ts';
import { Notifier } from './notifier.ts';

/** One call the course made, as the memory twin keeps it. */
export type MemoryCall =
  | { call: 'start' }
  | { call: 'save'; point: SavePoint }
  | { call: 'report'; event: TimedDomainEvent }
  | { call: 'flush' }
  | { call: 'finish' };

/** An adapter that keeps everything in memory, in order. */
export class MemoryAdapter implements LmsAdapter {
  readonly kind = 'memory' as const;
  readonly calls: MemoryCall[] = [];
  /** The latest save point, as an LMS would hold it. */
  saved: SavePoint | null = null;
  finished = false;
  private readonly notifier = new Notifier();

  constructor(private readonly launch: Partial<LaunchData> = {}) {}

  launchData(): LaunchData {
    return { learnerId: null, learnerName: null, language: null, suspendData: this.saved?.journey ?? null, ...this.launch };
  }
  start(): LaunchData {
    this.calls.push({ call: 'start' });
    return this.launchData();
  }
  save(point: SavePoint): void {
    if (this.finished) return;
    this.saved = point;
    this.calls.push({ call: 'save', point });
  }
  report(event: TimedDomainEvent): void {
    if (!this.finished) this.calls.push({ call: 'report', event });
  }
  flush(): void {
    this.calls.push({ call: 'flush' });
  }
  finish(): void {
    this.finished = true;
    this.calls.push({ call: 'finish' });
  }
  onNotice(listener: (n: LmsNotice) => void): () => void {
    return this.notifier.subscribe(listener);
  }
  /** Raises a notice, as a real adapter would. */
  notify(kind: LmsNotice['kind']): void {
    this.notifier.emit(kind);
  }
  /** Domain events reported so far. */
  get events(): TimedDomainEvent[] {
    return this.calls.flatMap((c) => (c.call === 'report' ? [c.event] : []));
  }
}
