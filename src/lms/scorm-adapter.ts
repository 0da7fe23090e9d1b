/**
 * The SCORM adapter (1.2 or 2004, through a dialect). Everything the learner does becomes an
 * op (records.ts) that is written at once and committed soon after (throttled). An LMS that
 * fails a commit or vanishes is retried with back-off while the learner carries on; until it
 * confirms, the journey and the unconfirmed ops are kept in the browser (backup.ts) and sent
 * at the next launch if need be. On exit: exit, session time, status, commit, then finish.
 */
import type { CourseDefinition, Lang, TextKey } from '../engine/definition.ts';
import type { TimedDomainEvent } from '../engine/session.ts';
import { toCourseLang } from '../i18n/language.ts';
import type { LaunchData, LmsAdapter, LmsNotice, SavePoint } from './adapter.ts';
import { BACKUP_KEY_PREFIX, BackupStore } from './backup.ts';
import { dialect12 } from './dialect-12.ts';
import { dialect2004 } from './dialect-2004.ts';
import { LocalAdapter } from './local.ts';
import { CmiMapper } from './mapping.ts';
import { Notifier } from './notifier.ts';
import { answersSoFar, displayName, trackOf } from './launch-state.ts';
import type { Op } from './records.ts';
import type { ScormApi } from './scorm-api.ts';
import { realTimers, Throttle, type Timers } from './timers.ts';
import { CmiWriter } from './writer.ts';

/** Tuning and test seams of the SCORM adapter. */
export interface ScormAdapterOptions {
  timers?: Timers;
  /** Shortest time between two commits (ms). */
  commitInterval?: number;
  /** Waits before each new try while the LMS fails (ms); the last one repeats. */
  retryDelays?: number[];
  /** Where to listen for `pagehide` (the course window); none in tests. */
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
  log?: (message: string) => void;
  /** A track fixed by the package (src/app/launch.ts), needed to replay a saved journey. */
  presetTrack?: string | null;
}

/** `live`: the LMS takes what is sent; `degraded`: it failed, work waits in the browser; `local`: it never started. */
export type AdapterState = 'new' | 'live' | 'degraded' | 'ended' | 'local';

/** The adapter for an LMS found by discovery, SCORM 1.2 or 2004. */
export class ScormAdapter implements LmsAdapter {
  readonly kind: 'scorm12' | 'scorm2004';
  state: AdapterState = 'new';
  readonly writer: CmiWriter;
  private mapper!: CmiMapper;
  private readonly notifier = new Notifier();
  private readonly timers: Timers;
  private readonly commits: Throttle;
  private readonly retryDelays: number[];
  private readonly log: (m: string) => void;
  private backup: BackupStore | null = null;
  private local: LocalAdapter | null = null;
  private launch: LaunchData | null = null;
  /** Ops since the last confirmed commit, and those the LMS failed to take. */
  private journal: Op[] = [];
  private failed: Op[] = [];
  private journey: string | null = null;
  private base = '';
  private startedAt = 0;
  private retries = 0;
  private retryHandle: unknown = null;
  private lastTry = -Infinity;
  private text: ((key: TextKey) => string) | null = null;
  private lang: () => Lang = () => 'fr';

  constructor(readonly api: ScormApi, readonly def: CourseDefinition, private readonly opts: ScormAdapterOptions = {}) {
    this.kind = api.version === '1.2' ? 'scorm12' : 'scorm2004';
    this.timers = opts.timers ?? realTimers;
    this.log = opts.log ?? ((m) => console.warn(m));
    this.writer = new CmiWriter(api, api.version === '1.2' ? dialect12 : dialect2004, this.log);
    this.commits = new Throttle(this.timers, opts.commitInterval ?? 5000, () => this.commit());
    this.retryDelays = opts.retryDelays ?? [1000, 2000, 5000, 10000];
  }

  /** Gives descriptions in the learner's current language (the interface owns the text). */
  useText(text: (key: TextKey) => string, lang: () => Lang): void {
    this.text = text;
    this.lang = lang;
  }

  start(): LaunchData {
    try {
      return this.begin();
    } catch (e) {
      this.log(`LMS: could not start (${String(e)})`);
      return this.launch ?? this.fallBack();
    }
  }

  private begin(): LaunchData {
    if (this.launch) return this.launch; // one Initialize per page load
    const init = this.api.init();
    // An LMS that says "already initialized" may still hold a live session: try reading.
    if (!init.ok && !this.api.get(this.writer.dialect.read.learnerId).ok) return this.fallBack();
    const read = this.writer.dialect.read;
    this.startedAt = this.timers.now();
    const learnerId = this.api.read(read.learnerId);
    const name = this.api.read(read.learnerName);
    const language = this.api.read(read.language);
    const mode = this.api.read(read.mode);
    const mastery = this.writer.dialect.masteryFrom(this.api.read(this.writer.dialect.masteryElement));
    const { objectiveIds } = this.writer.load(this.api.read(read.entry));
    this.writer.reviewing(mode === 'review' || mode === 'browse');
    this.mapper = new CmiMapper(this.def, mastery, this.api.version);
    this.mapper.source = { text: (k) => this.text?.(k) ?? '', lang: () => this.lang() };

    // Unconfirmed work from an earlier launch in this browser, if the LMS is where it left it.
    this.backup = new BackupStore(`${BACKUP_KEY_PREFIX}${this.def.id}:${learnerId || 'anonymous'}`);
    this.base = this.writer.suspend;
    const saved = this.backup.read();
    const usable = saved && saved.base === this.base;
    if (saved && !usable) this.backup.clear();
    const suspendData = (usable ? saved.journey : null) ?? (this.base || null);
    const preset = this.opts.presetTrack ?? null;
    this.mapper.track = preset ?? trackOf(this.def, suspendData, objectiveIds);
    this.mapper.seedAttempt(answersSoFar(this.def, suspendData, preset));

    this.state = 'live';
    this.opts.window?.addEventListener('pagehide', this.onPageHide);
    this.apply({ t: 'course', r: { completion: 'incomplete', exit: 'suspend' } });
    if (usable) for (const op of saved.ops) this.apply(op);
    this.launch = { learnerName: displayName(name), language: toCourseLang(language, this.def.languages), suspendData };
    return this.launch;
  }

  save(point: SavePoint): void {
    this.safely(() => {
      if (this.state === 'local') return this.local!.save(point);
      this.apply({ t: 'save', journey: point.journey, location: point.location, progress: point.progress });
    });
  }

  report(event: TimedDomainEvent): void {
    this.safely(() => {
      if (this.state !== 'live' && this.state !== 'degraded') return;
      for (const op of this.mapper.map(event)) this.apply(op);
    });
  }

  flush(): void {
    this.safely(() => this.commitNow());
  }

  /** Nothing the LMS layer does may break the learner's screen: an unexpected fault is logged. */
  private safely(fn: () => void) {
    try {
      fn();
    } catch (e) {
      this.log(`LMS: ${String(e)}`);
    }
  }

  private commitNow(): void {
    if (this.state === 'live') {
      this.writer.write([this.writer.dialect.sessionTime(this.timers.now() - this.startedAt)]);
      this.commits.runNow();
    } else if (this.state === 'degraded') this.recover();
  }

  /**
   * Ends the session once the course is finished (its exit was reported). Deferred to the end
   * of the current learner step, so the step's own save point still reaches the LMS.
   */
  finish(): void {
    queueMicrotask(() => this.safely(() => this.end()));
  }

  /** Ends the session now: exit and status are set; session time, commit, then finish. */
  end(): void {
    if (this.state === 'local') return this.local!.finish();
    if (this.state !== 'live' && this.state !== 'degraded') return;
    this.commits.cancel();
    if (this.state === 'degraded') this.recover();
    if (this.state === 'live') {
      this.writer.write([this.writer.dialect.sessionTime(this.timers.now() - this.startedAt)]);
      this.commit();
    }
    // 1.2 order: LMSCommit (above), then LMSFinish; nothing is sent after.
    this.api.finish();
    this.state = 'ended';
    this.stopRetrying();
    this.opts.window?.removeEventListener('pagehide', this.onPageHide);
  }

  onNotice(listener: (n: LmsNotice) => void): () => void {
    return this.notifier.subscribe(listener);
  }

  /** Notices in force. */
  get notices() {
    return this.notifier.current;
  }

  /** Ops waiting for the LMS (for the preview and tests). */
  get pending(): number {
    return this.journal.length;
  }

  private readonly onPageHide = (e: Event) => {
    // A page kept in the back-forward cache may come back: commit only.
    if ((e as PageTransitionEvent).persisted) this.flush();
    else this.safely(() => this.end());
  };

  private fallBack(): LaunchData {
    this.log('LMS: initialization failed; progress is kept in this browser');
    this.state = 'local';
    this.local = new LocalAdapter(this.def.id);
    this.local.onNotice((n) => this.notifier.emit(n.kind));
    this.launch = this.local.start();
    return this.launch;
  }

  private apply(op: Op) {
    if (this.state !== 'live' && this.state !== 'degraded') return; // nothing after Terminate
    if (op.t === 'save') {
      this.journal = this.journal.filter((o) => o.t !== 'save');
      this.journey = op.journey;
    }
    this.journal.push(op);
    if (this.state === 'degraded') {
      this.failed.push(op);
      this.keep();
      return this.retrySoon();
    }
    const wasOver = this.writer.overflow;
    if (!this.writer.apply(op)) {
      this.failed.push(op);
      this.degrade();
    } else if (this.writer.overflow && !wasOver) this.notifier.emit('local-only');
    this.keep();
    this.commits.request();
  }

  private commit() {
    if (this.state !== 'live') return;
    if (this.api.commit().ok) this.confirmed();
    else this.degrade();
  }

  /** The LMS confirmed everything written so far. */
  private confirmed() {
    this.journal = [];
    this.base = this.writer.suspend;
    this.keep();
  }

  /** Keeps unconfirmed work (or a journey too long for the LMS) in the browser, or drops the copy. */
  private keep() {
    if (!this.backup) return;
    if (this.journal.length || this.writer.overflow) this.backup.write({ v: 1, base: this.base, journey: this.journey, ops: this.journal });
    else this.backup.clear();
  }

  private degrade() {
    if (this.state !== 'live') return;
    this.state = 'degraded';
    this.commits.cancel();
    this.notifier.emit('lms-lost');
    this.retries = 0;
    this.scheduleRetry();
  }

  private scheduleRetry(wait = this.retryDelays[Math.min(this.retries++, this.retryDelays.length - 1)]) {
    this.stopRetrying();
    this.retryHandle = this.timers.setTimeout(() => this.recover(), wait);
  }

  /** A learner step while the LMS is down is a good moment to try again (not more than every second). */
  private retrySoon() {
    if (this.timers.now() - this.lastTry >= 1000) this.scheduleRetry(0);
  }

  private stopRetrying() {
    if (this.retryHandle !== null) this.timers.clearTimeout(this.retryHandle);
    this.retryHandle = null;
  }

  /** Sends what failed, then commits; back to live on success, else tries again later. */
  private recover() {
    if (this.state !== 'degraded') return;
    this.lastTry = this.timers.now();
    while (this.failed.length) {
      if (!this.writer.apply(this.failed[0])) return this.scheduleRetry();
      this.failed.shift();
    }
    if (!this.api.commit().ok) return this.scheduleRetry();
    this.stopRetrying();
    this.state = 'live';
    this.confirmed();
    this.notifier.emit('lms-restored');
  }
}
