/**
 * What the LMS has not confirmed yet, kept in this browser: the latest journey and every op
 * since the last successful commit. Written while anything is uncommitted and removed once
 * the LMS confirms, so a page that dies, an LMS that fails or vanishes loses nothing: the
 * next launch finds it and sends it.
 *
 * `base` is the suspend data the LMS held at the last successful commit. The backup is used
 * only if the LMS still holds exactly that at the next launch; otherwise the learner moved on
 * elsewhere (another browser) or the attempt was reset, and the backup is dropped.
 */
import { storage } from './local.ts';
import type { Op } from './records.ts';

/** localStorage key prefix, followed by `<course id>:<learner id>`. */
export const BACKUP_KEY_PREFIX = 'course-lms-backup:';

/** The kept copy: `base` as the LMS had it, the latest journey, the unconfirmed ops. */
export interface Backup {
  v: 1;
  base: string;
  journey: string | null;
  ops: Op[];
}

/** Reads and writes one learner's backup; storage failures are swallowed. */
export class BackupStore {
  private readonly store = storage();
  constructor(private readonly key: string) {}

  read(): Backup | null {
    try {
      const b = JSON.parse(this.store.getItem(this.key) ?? 'null') as Backup | null;
      return b && b.v === 1 && typeof b.base === 'string' && Array.isArray(b.ops) ? b : null;
    } catch {
      return null;
    }
  }

  write(b: Backup): void {
    try {
      this.store.setItem(this.key, JSON.stringify(b));
    } catch {
      // Storage full or denied: the LMS copy is all there is.
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
