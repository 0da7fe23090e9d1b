/**
 * The SCORM adapter (1.2 or 2004, through a dialect). Everything the learner does becomes an
 * op (records.ts) that is written at once and committed soon after (throttled). An LMS that
 * fails a commit or vanishes is retried with back-off while the learner carries on. Until the
 * LMS confirms a value that contains it, the journey and the unconfirmed ops are kept in this
 * browser (unconfirmed-store.ts), one record per course and learner; at every launch that
 * record is reconciled with what the LMS holds (reconcile.ts) and what the LMS lacks is sent.
 * An LMS that does not open at all (Initialize fails) leaves the session's work in a record
 * of its own, sent at the learner's next launch whose LMS opens.
 * On exit: exit, session time, status, commit, then finish.
 */
import type { CourseDefinition, Lang, TextKey } from '../engine/definition.ts';
import type { TimedDomainEvent } from '../engine/session.ts';
import { toCourseLang } from '../engine/language.ts';
import type { LaunchData, LmsAdapter, LmsNotice, RestoredState, SavePoint } from './adapter.ts';
import type { Dialect } from './dialect.ts';
import type { KeyedStorage } from './local.ts';
import { CmiMapper } from './mapping.ts';
import { Notifier } from './notifier.ts';
import { displayName, trackOf } from './launch-state.ts';
import { eventCount, extendsJourney, reconcile } from './reconcile.ts';
import type { Op } from './records.ts';
import type { ScormApi } from './scorm-api.ts';
import { realTimers, Throttle, type Timers } from './timers.ts';
import { UnconfirmedStore, type Found } from './unconfirmed-store.ts';
import { CmiWriter } from './writer.ts';

/** What launch found in the browser, and what writing will do with it (see reconcileKept). */
interface KeptPlan {
  /** The journey to resume. */
  journey: string | null;
  /** Ops the LMS never confirmed, to send. */
  carried: Op[];
  /** Records now carried by the learner's own. */
  remove: string[];
  /** A journey that lost to one it went apart from, kept aside. */
  aside: string | null;
}

/** Tuning and test seams of the SCORM adapter. */
export interface ScormAdapterOptions {
  /**
   * The words of the LMS's SCORM version (dialect-12.ts or dialect-2004.ts), passed in so that
   * a course loads only its own version's (see detect.ts `loadDialect`).
   */
  dialect: Dialect;
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
  /** Where unconfirmed work is kept (localStorage by default). */
  storage?: KeyedStorage;
}

/**
 * `live`: the LMS takes what is sent; `degraded`: it failed, work waits in the browser and is
 * retried; `offline`: it never opened, work waits in the browser for the next launch;
 * `paused`: another tab of the same learner writes.
 */
export type AdapterState = 'new' | 'live' | 'degraded' | 'paused' | 'ended' | 'offline';

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
  private store: UnconfirmedStore | null = null;
  /** This launch's record in the store. */
  private storeKey = '';
  private probableLearner: string | null = null;
  private launch: LaunchData | null = null;
  private objectiveIds: string[] = [];
  /** What the browser kept, reconciled with the LMS at launch; carried out when writing begins. */
  private plan: KeptPlan | null = null;
  private pausedFrom: 'live' | 'degraded' = 'live';
  /** Ops since the last confirmed commit, and those the LMS failed to take. */
  private journal: Op[] = [];
  private failed: Op[] = [];
  private journey: string | null = null;
  /** The suspend data the LMS confirmed last. */
  private base = '';
  private startedAt = 0;
  private retries = 0;
  private retryHandle: unknown = null;
  private lastTry = -Infinity;
  private text: ((key: TextKey) => string) | null = null;
  private lang: () => Lang = () => 'fr';

  constructor(readonly api: ScormApi, readonly def: CourseDefinition, private readonly opts: ScormAdapterOptions) {
    this.kind = api.version === '1.2' ? 'scorm12' : 'scorm2004';
    this.timers = opts.timers ?? realTimers;
    this.log = opts.log ?? ((m) => console.warn(m));
    if (opts.dialect.version !== api.version) throw new Error(`SCORM ${api.version} API given the ${opts.dialect.version} dialect`);
    this.writer = new CmiWriter(api, opts.dialect, this.log);
    this.commits = new Throttle(this.timers, opts.commitInterval ?? 5000, () => this.commit());
    this.retryDelays = opts.retryDelays ?? [1000, 2000, 5000, 10000];
  }

  /** Gives descriptions in the learner's current language (the interface owns the text). */
  useText(text: (key: TextKey) => string, lang: () => Lang): void {
    this.text = text;
    this.lang = lang;
  }

  launchData(): LaunchData {
    try {
      return this.launch ?? this.read();
    } catch (e) {
      this.log(`LMS: could not start (${String(e)})`);
      return this.launch ?? this.offline();
    }
  }

  start(journey?: string | null): LaunchData {
    const launch = this.launchData();
    this.safely(() => this.open(journey));
    return launch;
  }

  /** Initialize and reads only: nothing is written, so a tab that waits changes nothing. */
  private read(): LaunchData {
    this.store = new UnconfirmedStore(this.def.id, this.opts.storage);
    const init = this.api.init();
    // An LMS that says "already initialized" may still hold a live session: try reading.
    if (!init.ok && !this.api.get(this.writer.dialect.read.learnerId).ok) return this.offline();
    const read = this.writer.dialect.read;
    const learnerId = this.api.read(read.learnerId);
    const name = this.api.read(read.learnerName);
    const language = this.api.read(read.language);
    const mode = this.api.read(read.mode);
    const mastery = this.writer.dialect.masteryFrom(this.api.read(this.writer.dialect.masteryElement));
    this.objectiveIds = this.writer.load(this.api.read(read.entry)).objectiveIds;
    this.writer.reviewing(mode === 'review' || mode === 'browse');
    this.mapper = new CmiMapper(this.def, mastery, this.api.version);
    this.mapper.source = { text: (k) => this.text?.(k) ?? '', lang: () => this.lang() };

    this.base = this.writer.suspend;
    this.storeKey = this.store.keyOf(learnerId || 'anonymous');
    this.plan = this.reconcileKept(learnerId || 'anonymous');
    this.journey = this.plan.journey;
    this.seed(this.journey);
    this.launch = { learnerId: learnerId || null, learnerName: displayName(name), language: toCourseLang(language, this.def.languages), suspendData: this.journey };
    return this.launch;
  }

  /**
   * The track, read back from a journey or the LMS's objectives; the answers of an attempt
   * under way come from the app once it has replayed the journey (`restored`).
   */
  private seed(journey: string | null) {
    const preset = this.opts.presetTrack ?? null;
    this.mapper.track = preset ?? trackOf(this.def, journey, this.objectiveIds);
    this.mapper.seedAttempt([]);
  }

  restored(state: RestoredState): void {
    if (!this.mapper) return;
    if (state.track && !this.opts.presetTrack) this.mapper.track = state.track;
    this.mapper.seedAttempt(state.answers);
  }

  /**
   * Writing begins: the attempt is marked under way, the records reconciled at launch are
   * carried out (what the LMS lacks is sent), and the learner is remembered in this browser.
   * `journey`: a newer journey, left by a tab this one took over from.
   */
  private open(journey: string | null | undefined) {
    if (this.state !== 'new' || !this.launch || !this.plan) return;
    const plan = this.plan;
    this.plan = null;
    const store = this.store!;
    for (const key of plan.remove) store.remove(key);
    if (plan.aside) store.keepAside(this.storeKey, { v: 2, journey: plan.aside, ops: [] });
    store.lastLearner = this.launch.learnerId ?? 'anonymous';
    if (journey !== undefined && journey !== null && journey !== this.journey) {
      this.journey = journey;
      this.seed(journey);
    }
    this.startedAt = this.timers.now();
    this.state = 'live';
    this.opts.window?.addEventListener('pagehide', this.onPageHide);
    this.apply({ t: 'course', r: { completion: 'incomplete', exit: 'suspend' } });
    for (const op of plan.carried) this.apply(op);
    // A journey the LMS cannot hold stays in the browser from the first moment.
    if (this.journey && this.journey.length > this.writer.dialect.limits.suspendData) this.notifier.emit('local-only');
    this.keep();
  }

  /** Another tab writes now: nothing more is sent from this one, not even at page hide. */
  pause(): void {
    if (this.state !== 'live' && this.state !== 'degraded') return;
    this.pausedFrom = this.state;
    this.state = 'paused';
    this.commits.cancel();
    this.stopRetrying();
    this.opts.window?.removeEventListener('pagehide', this.onPageHide);
  }

  resume(): void {
    if (this.state !== 'paused') return;
    this.state = this.pausedFrom;
    this.opts.window?.addEventListener('pagehide', this.onPageHide);
    if (this.state === 'degraded') this.scheduleRetry(0);
  }

  /**
   * What this browser kept for the learner, against what the LMS holds: the learner's own
   * record, then those of sessions whose LMS never opened that were this learner's (or that
   * extend a journey the LMS already holds for them: a record of unknown owner is never shown
   * to another learner on a shared computer).
   * - A journey that extends the other wins, and the ops the LMS lacks are sent.
   * - Journeys that went apart: the ops are still sent (they are what the learner did: a
   *   module completed, a pass), the journey further along is resumed, the other is kept aside.
   */
  private reconcileKept(learner: string): KeptPlan {
    const store = this.store!;
    const plan: KeptPlan = { journey: this.base || null, carried: [], remove: [], aside: null };
    const mine = store.forLearner(learner);
    const others = store.unidentified().filter((f) => f.record.probableLearner === learner || (!f.record.probableLearner && !!this.base));
    for (const f of [mine, ...others].filter((x): x is Found => !!x)) {
      const verdict = reconcile(plan.journey, f.record.journey);
      const owned = f === mine || f.record.probableLearner === learner;
      if (verdict === 'apart' && !owned) continue;
      if (verdict === 'browser') {
        plan.journey = f.record.journey;
        plan.carried.push(...f.record.ops);
      } else if (verdict === 'apart') {
        plan.carried.push(...f.record.ops);
        const further = eventCount(f.record.journey) > eventCount(plan.journey);
        plan.aside = further ? plan.journey : f.record.journey;
        if (further) plan.journey = f.record.journey;
      }
      // The learner's own record is rewritten by keep(); another session's now lives there.
      if (f !== mine) plan.remove.push(f.key);
    }
    return plan;
  }

  save(point: SavePoint): void {
    this.safely(() => {
      this.apply({ t: 'save', journey: point.journey, location: point.location, progress: point.progress });
    });
  }

  report(event: TimedDomainEvent): void {
    this.safely(() => {
      if (this.state !== 'live' && this.state !== 'degraded' && this.state !== 'offline') return;
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
    if (this.state === 'offline') {
      this.state = 'ended';
      return;
    }
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

  /** The LMS did not open: the session's work is kept in a record of its own for a later launch. */
  private offline(): LaunchData {
    this.log('LMS: initialization failed; progress is kept in this browser and sent at the next launch');
    this.state = 'offline';
    this.startedAt = this.timers.now();
    this.storeKey = this.store!.newUnidentifiedKey(this.startedAt);
    this.probableLearner = this.store!.lastLearner;
    // The LMS's own passing score is unknown: the course's pass mark is the safe guess (no
    // 1.2 score that a mastery override could turn into a final status before the last attempt).
    this.mapper = new CmiMapper(this.def, Math.min(...this.def.assessment.sections.map((s) => s.passingScore)), this.api.version);
    this.mapper.source = { text: (k) => this.text?.(k) ?? '', lang: () => this.lang() };
    this.mapper.track = this.opts.presetTrack ?? null;
    this.notifier.emit('lms-lost');
    // Nobody is known: no journey is offered, so no learner sees another's.
    this.launch = { learnerId: null, learnerName: null, language: null, suspendData: null };
    return this.launch;
  }

  private apply(op: Op) {
    if (this.state !== 'live' && this.state !== 'degraded' && this.state !== 'offline') return; // nothing after Terminate
    if (op.t === 'save') {
      this.journal = this.journal.filter((o) => o.t !== 'save');
      this.journey = op.journey;
    }
    this.journal.push(op);
    if (this.state === 'offline') return this.keep();
    if (this.state === 'degraded') {
      this.failed.push(op);
      this.keep();
      return this.retrySoon();
    }
    const wasOver = this.writer.overflow;
    if (!this.writeOp(op)) {
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

  /**
   * A kept op that the writer cannot handle (a record from another version of the course) is
   * dropped with a log line rather than stopping every op after it.
   */
  private writeOp(op: Op): boolean {
    try {
      return this.writer.apply(op);
    } catch (e) {
      this.log(`LMS: an op could not be written and is dropped (${String(e)})`);
      return true;
    }
  }

  /**
   * Keeps in the browser what the LMS has not confirmed (ops, or a journey it does not hold:
   * too long for it, refused, or not committed yet); the record goes once the LMS has
   * confirmed a journey that contains the latest one.
   */
  private keep() {
    if (!this.store) return;
    const held = this.state !== 'offline' && !this.journal.length && extendsJourney(this.base || null, this.journey);
    if (held) this.store.remove(this.storeKey);
    else this.store.write(this.storeKey, { v: 2, journey: this.journey, ops: this.journal, ...(this.state === 'offline' ? { probableLearner: this.probableLearner } : {}) });
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
      if (!this.writeOp(this.failed[0])) return this.scheduleRetry();
      this.failed.shift();
    }
    if (!this.api.commit().ok) return this.scheduleRetry();
    this.stopRetrying();
    this.state = 'live';
    this.confirmed();
    this.notifier.emit('lms-restored');
  }
}
