/**
 * Work the LRS has not confirmed: statements to send and the latest journey to store.
 * Kept in this browser per course and learner (and registration), so a page closed while
 * the LRS is slow or down loses nothing: the next launch finds it and sends it first.
 *
 * The adapter talks only to `PendingStore`, the seam where the course's one store for
 * unconfirmed work (shared with the SCORM adapters) plugs in; `LocalPendingStore` is the
 * cmi5 package's own, over localStorage.
 */
import { storage } from '../local.ts';

/** What waits for the LRS. */
export interface Pending {
  v: 1;
  /** Statements in the order they must reach the LRS. */
  statements: Record<string, unknown>[];
  /** The journey not yet stored in the State resource, if any. */
  journey: string | null;
}

/** The store for unconfirmed work: read (validated), written on every change, cleared once confirmed. */
export interface PendingStore {
  read(): Pending;
  write(p: Pending): void;
  clear(): void;
}

/** localStorage key prefix, followed by `<course id>:<learner>:<registration>`. */
export const CMI5_PENDING_PREFIX = 'course-cmi5-pending:';

const EMPTY: Pending = { v: 1, statements: [], journey: null };

/** The pending work of one learner and registration in this browser. */
export class LocalPendingStore implements PendingStore {
  private readonly store = storage();
  constructor(readonly key: string) {}

  read(): Pending {
    let raw: string | null = null;
    try {
      raw = this.store.getItem(this.key);
      const p = JSON.parse(raw ?? 'null') as Pending | null;
      if (p === null) return { ...EMPTY, statements: [] };
      if (p.v === 1 && Array.isArray(p.statements) && p.statements.every((s) => s && typeof s === 'object' && typeof s.id === 'string') && (p.journey === null || typeof p.journey === 'string')) {
        return { v: 1, statements: p.statements, journey: p.journey };
      }
    } catch {
      /* unreadable: kept aside below */
    }
    // A copy written by another format, or damaged, is not guessed at: it is kept aside whole.
    if (raw !== null) this.setAside(raw);
    return { ...EMPTY, statements: [] };
  }

  private setAside(raw: string) {
    try {
      let aside = `${this.key}:unreadable`;
      for (let n = 2; this.store.getItem(aside) !== null; n++) aside = `${this.key}:unreadable:${n}`;
      this.store.setItem(aside, raw);
      this.store.removeItem(this.key);
    } catch {
      /* see write */
    }
  }

  write(p: Pending): void {
    try {
      if (!p.statements.length && p.journey === null) this.store.removeItem(this.key);
      else this.store.setItem(this.key, JSON.stringify(p));
    } catch {
      // Storage full or denied: the LRS copy is all there is.
    }
  }

  clear(): void {
    try {
      this.store.removeItem(this.key);
    } catch {
      /* see write */
    }
  }
}
