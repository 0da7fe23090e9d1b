/**
 * Work the LMS has not confirmed yet, kept in this browser: one record per course and learner
 * (the latest journey and every op since the last confirmed commit), plus records of sessions
 * whose LMS never opened (Initialize failed, so the learner is not known), each under a key of
 * its own. Every record is checked when read; one that cannot be read is moved aside under a
 * key of its own, never overwritten, and the course starts as if it were not there.
 */
import { storage, type KeyedStorage } from './local.ts';
import { isOp } from './op-shape.ts';
import type { Op } from './records.ts';

/** Key prefix of every record, followed by the course id. */
export const STORE_PREFIX = 'course-lms:';
/** The first shape of the record (one per course and learner, `base` = the LMS's value then). */
export const LEGACY_PREFIX = 'course-lms-backup:';

export interface Unconfirmed {
  v: 2;
  /** The latest journey (null before the first save point). */
  journey: string | null;
  /** Ops not confirmed by the LMS, in order. */
  ops: Op[];
  /** For a session whose LMS never opened: the learner last seen in this browser, if any. */
  probableLearner?: string | null;
}

/** A record found for a launch, with the key it lives under. */
export interface Found {
  key: string;
  record: Unconfirmed;
}

function parse(raw: string): Unconfirmed | null {
  let x: unknown;
  try {
    x = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof x !== 'object' || x === null) return null;
  const o = x as Record<string, unknown>;
  if ((o.v !== 1 && o.v !== 2) || !(o.journey === null || typeof o.journey === 'string') || !Array.isArray(o.ops) || !o.ops.every(isOp)) return null;
  if (o.probableLearner !== undefined && o.probableLearner !== null && typeof o.probableLearner !== 'string') return null;
  return { v: 2, journey: o.journey as string | null, ops: o.ops as Op[], probableLearner: (o.probableLearner as string | null | undefined) ?? null };
}

export class UnconfirmedStore {
  private readonly store: KeyedStorage;

  constructor(private readonly courseId: string, store: KeyedStorage = storage()) {
    this.store = store;
  }

  /** The key of a learner's record. */
  keyOf(learner: string): string {
    return `${STORE_PREFIX}${this.courseId}:learner:${encodeURIComponent(learner)}`;
  }

  /** A new key for a session whose LMS never opened. */
  newUnidentifiedKey(now: number): string {
    return `${STORE_PREFIX}${this.courseId}:unidentified:${now.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  }

  private get lastLearnerKey() {
    return `${STORE_PREFIX}${this.courseId}:last-learner`;
  }

  /** The learner of the last launch in this browser whose LMS opened. */
  get lastLearner(): string | null {
    return this.get(this.lastLearnerKey);
  }

  set lastLearner(id: string | null) {
    if (id) this.set(this.lastLearnerKey, id);
  }

  /** The learner's record (an older-shape one is read too, and moved to the new key). */
  forLearner(learner: string): Found | null {
    const key = this.keyOf(learner);
    const found = this.readKey(key);
    if (found) return found;
    const legacyKey = `${LEGACY_PREFIX}${this.courseId}:${learner || 'anonymous'}`;
    const legacy = this.readKey(legacyKey);
    if (!legacy) return null;
    this.write(key, legacy.record);
    this.remove(legacyKey);
    return { key, record: legacy.record };
  }

  /** Records of sessions of this course whose LMS never opened. */
  unidentified(): Found[] {
    const prefix = `${STORE_PREFIX}${this.courseId}:unidentified:`;
    // Records put aside (`…:unreadable`, `…:apart`) stay where they are.
    return this.store.keys().filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes(':')).sort().map((k) => this.readKey(k)).filter((f): f is Found => !!f);
  }

  /** Reads one record; an unreadable one is moved aside and reads as absent. */
  private readKey(key: string): Found | null {
    const raw = this.get(key);
    if (raw === null) return null;
    const record = parse(raw);
    if (record) return { key, record };
    this.putAside(key, raw);
    return null;
  }

  /** Keeps a journey that lost to another (they went apart) under a key of its own, whole. */
  keepAside(key: string, record: Unconfirmed): void {
    this.putAside(key, JSON.stringify(record), 'apart', false);
  }

  private putAside(key: string, raw: string, why: 'unreadable' | 'apart' = 'unreadable', move = true) {
    let aside = `${key}:${why}`;
    for (let n = 2; this.get(aside) !== null; n++) aside = `${key}:${why}:${n}`;
    // Only once the copy is safe may the original key be written again.
    if (this.set(aside, raw) && move) this.remove(key);
  }

  write(key: string, record: Unconfirmed): void {
    this.set(key, JSON.stringify(record));
  }

  remove(key: string): void {
    try {
      this.store.removeItem(key);
    } catch {
      // Denied storage: there is nothing to remove.
    }
  }

  private get(key: string): string | null {
    try {
      return this.store.getItem(key);
    } catch {
      return null;
    }
  }

  private set(key: string, value: string): boolean {
    try {
      this.store.setItem(key, value);
      return true;
    } catch {
      // Storage full or denied: the LMS copy is all there is.
      return false;
    }
  }
}
