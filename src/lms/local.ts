/**
 * No LMS: progress is kept in this browser's localStorage. Also the fallback every SCORM
 * adapter degrades to when its LMS fails, so nothing the learner did is lost.
 */
import type { LaunchData, LmsAdapter, LmsNotice, SavePoint } from './adapter.ts';
import { Notifier } from './notifier.ts';

/** localStorage key prefix of the journey kept without an LMS, followed by the course id. */
export const LOCAL_KEY_PREFIX = 'course-journey:';

/** The part of Storage the course uses, with the keys it holds. */
export type KeyedStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { keys(): string[] };

/** localStorage when the browser allows it, else memory (private modes, sandboxed frames). */
export function storage(): KeyedStorage {
  try {
    const s = globalThis.localStorage;
    const probe = '__probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return {
      getItem: (k) => s.getItem(k),
      setItem: (k, v) => s.setItem(k, v),
      removeItem: (k) => s.removeItem(k),
      keys: () => Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k): k is string => k !== null),
    };
  } catch {
    const mem = new Map<string, string>();
    return { getItem: (k) => mem.get(k) ?? null, setItem: (k, v) => void mem.set(k, v), removeItem: (k) => void mem.delete(k), keys: () => [...mem.keys()] };
  }
}

/** The adapter without an LMS: the journey in localStorage, a `local-only` notice. */
export class LocalAdapter implements LmsAdapter {
  readonly kind = 'local' as const;
  private readonly store = storage();
  private readonly notifier = new Notifier();
  constructor(private readonly courseId: string) {}

  private get key() {
    return LOCAL_KEY_PREFIX + this.courseId;
  }
  launchData(): LaunchData {
    return { learnerId: null, learnerName: null, language: null, suspendData: this.read() };
  }
  start(): LaunchData {
    this.notifier.emit('local-only');
    return this.launchData();
  }
  keptJourney(): string | null {
    return this.read();
  }
  read(): string | null {
    try {
      return this.store.getItem(this.key);
    } catch {
      return null;
    }
  }
  save(point: SavePoint): void {
    try {
      this.store.setItem(this.key, point.journey);
    } catch {
      // Storage full or denied: nothing more can be done without an LMS.
    }
  }
  clear(): void {
    try {
      this.store.removeItem(this.key);
    } catch {
      /* see save */
    }
  }
  report(): void {}
  flush(): void {}
  finish(): void {}
  onNotice(listener: (n: LmsNotice) => void) {
    return this.notifier.subscribe(listener);
  }
}
