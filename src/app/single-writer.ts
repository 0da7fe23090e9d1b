/**
 * One writer at a time: of the tabs and windows open on the same course for the same
 * learner, only the one holding the writer role may save or report, so two copies never
 * overwrite each other's journey. Through the Web Locks API where there is one (the lock is
 * held for the page's life, and released by the browser when the page goes); else through
 * a claim in localStorage kept fresh by a heartbeat.
 */
import { storage } from '../lms/local.ts';

/** This tab's part in writing the learner's progress. */
export interface Writer {
  /** Whether this tab holds the role now. */
  readonly held: boolean;
  /** Takes the role from whichever tab holds it. */
  steal(): Promise<void>;
  /** Called when another tab takes the role from this one. */
  onLost(listener: () => void): void;
}

/** The role's name: one per course and learner ('local' when there is no LMS learner). */
export const writerName = (courseId: string, learnerId: string | null) => `course-writer:${courseId}:${learnerId ?? 'local'}`;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Claims the role if no other tab holds it. */
export function claimWriter(name: string, nav: Navigator = navigator, win: Window = window, store: Store = storage()): Promise<Writer> {
  return nav.locks ? viaLocks(nav.locks, name) : viaStorage(name, win, store);
}

async function viaLocks(locks: LockManager, name: string): Promise<Writer> {
  let lost = () => {};
  const w = {
    held: false,
    steal: () => hold(true).then(() => undefined),
    onLost: (f: () => void) => void (lost = f),
  };
  const hold = (steal: boolean) =>
    new Promise<void>((granted) => {
      locks
        .request(name, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
          w.held = !!lock;
          granted();
          // Kept until the page goes, or until another tab steals it (which rejects below).
          return lock ? new Promise<void>(() => {}) : undefined;
        })
        .catch(() => {
          w.held = false;
          lost();
        });
    });
  await hold(false);
  return w;
}

/** A claim older than this belongs to a tab that died without letting go. */
const STALE_MS = 6000;
const BEAT_MS = 2000;

async function viaStorage(name: string, win: Window, store: Store): Promise<Writer> {
  const key = `${name}:claim`;
  const me = Math.random().toString(36).slice(2);
  const read = (): { id: string; at: number } | null => {
    try {
      return JSON.parse(store.getItem(key) ?? 'null');
    } catch {
      return null;
    }
  };
  const write = () => {
    try {
      store.setItem(key, JSON.stringify({ id: me, at: Date.now() }));
    } catch {
      /* storage denied: each tab then writes as if alone, as before */
    }
  };
  let lost = () => {};
  let beat: ReturnType<typeof setInterval> | undefined;
  const w = {
    held: false,
    steal: async () => take(),
    onLost: (f: () => void) => void (lost = f),
  };
  const take = () => {
    write();
    w.held = true;
    clearInterval(beat);
    beat = setInterval(check, BEAT_MS);
  };
  // Another tab's claim means it took over; a missing one (this page back from the
  // back-forward cache after letting go) is simply renewed.
  const check = () => {
    if (!w.held) return;
    const c = read();
    if (c && c.id !== me) {
      w.held = false;
      clearInterval(beat);
      lost();
    } else write();
  };
  win.addEventListener('storage', (e) => e.key === key && check());
  win.addEventListener('pagehide', () => {
    try {
      if (w.held && read()?.id === me) store.removeItem(key);
    } catch {
      /* see write */
    }
  });
  const c = read();
  if (!c || c.id === me || Date.now() - c.at > STALE_MS) take();
  return w;
}
