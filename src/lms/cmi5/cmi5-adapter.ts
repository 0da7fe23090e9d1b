/**
 * The cmi5 adapter: the course as a cmi5 AU. Statements and the journey (xAPI State
 * resource, per AU + registration + agent) go through one ordered outbox (PendingStore)
 * that is written before anything is sent and emptied only as the LRS confirms; an LRS that
 * is slow or down is retried with back-off, and what is left is replayed on the next launch.
 *
 * cmi5 rules kept here: initialized first, terminated last and nothing after it; passed at
 * most once per registration and never followed by failed; completed once; no
 * completed/passed/failed outside the Normal launch mode; a mastery score from the LMS
 * decides pass/fail from the score.
 */
import { eventCount, reconcile } from '../reconcile.ts';
import type XAPI from '@xapi/xapi';
import type { CourseDefinition, Lang } from '../../engine/definition.ts';
import type { TimedDomainEvent } from '../../engine/session.ts';
import type { LaunchData, LmsAdapter, LmsNotice, SavePoint } from '../adapter.ts';
import { Notifier } from '../notifier.ts';
import { realTimers, type Timers } from '../timers.ts';
import { courseIri, xapiIds } from './ids.ts';
import { interactionOf, type Texts } from './interactions.ts';
import { LrsError, type Cmi5LaunchData, type LaunchParams } from './launch.ts';
import type { Pending, PendingStore } from './outbox.ts';
import { answered, defined, type StatementContext } from './statements.ts';

/** The State document the course keeps for the AU and registration. */
export interface CourseState {
  v: 1;
  journey: string | null;
  /** cmi5 allows one passed and one completed per registration. */
  passed: boolean;
  completed: boolean;
}
export const STATE_ID = 'course-journey';

/** Everything the adapter needs, resolved by the launch (index.ts). */
export interface Cmi5Setup {
  def: CourseDefinition;
  params: LaunchParams;
  launchData: Cmi5LaunchData;
  xapi: Pick<XAPI, 'sendStatement' | 'sendStatements' | 'setState'>;
  /** Where to listen for `pagehide` (the course window); none in unit tests. */
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
  store: PendingStore;
  saved: CourseState | null;
  learnerName: string | null;
  /** A stable key for the learner (account or mailbox), for the one-writer rule. */
  learnerId?: string;
  language: Lang | null;
  presetTrack: string | null;
  timers?: Timers;
  retryDelays?: number[];
  log?: (m: string) => void;
}

type Statement = Record<string, unknown>;

export class Cmi5Adapter implements LmsAdapter {
  readonly kind = 'cmi5' as const;
  private readonly notifier = new Notifier();
  private readonly timers: Timers;
  private readonly log: (m: string) => void;
  private readonly ctx: StatementContext;
  private pending: Pending;
  private state: CourseState;
  private texts: Texts = {};
  private track: string | null;
  private programme: string | null = null;
  private startedAt = 0;
  private started = false;
  private ended = false;
  private failedThisSession = false;
  private sending = false;
  private retries = 0;
  private retryHandle: unknown = null;
  private lost = false;
  private paused = false;

  constructor(private readonly s: Cmi5Setup) {
    this.timers = s.timers ?? realTimers;
    this.log = s.log ?? ((m) => console.warn(m));
    this.track = s.presetTrack;
    this.state = s.saved ?? { v: 1, journey: null, passed: false, completed: false };
    // Unconfirmed work of an earlier launch: its statements are sent first; its journey is
    // resumed when it extends the LRS copy (or went further when they went apart), and
    // dropped when the LRS copy already contains it (the learner moved on elsewhere).
    this.pending = this.readPending();
    const base = courseIri(s.def.id);
    this.ctx = {
      actor: s.params.actor,
      activityId: s.params.activityId,
      registration: s.params.registration,
      template: s.launchData.contextTemplate,
      masteryScore: s.launchData.masteryScore,
      extensions: () => {
        const x: Record<string, string> = { [xapiIds.ext(base, 'content-version')]: s.def.version };
        if (this.track) x[xapiIds.ext(base, 'track')] = this.track;
        if (this.programme) x[xapiIds.ext(base, 'programme')] = this.programme;
        return x;
      },
    };
  }

  /**
   * A closed tab: terminated is queued and everything pending leaves at once (keepalive
   * requests outlive the page); what the LRS does not confirm is replayed next launch.
   */
  private readonly onPageHide = (e: Event) => {
    if (!(e as PageTransitionEvent).persisted) this.end();
    // The journey too, beside the statements: the page will not wait for their answer.
    const journey = this.pending.journey;
    if (journey !== null) void this.send(() => this.putState(journey)).then((ok) => ok && this.pending.journey === journey && ((this.pending.journey = null), this.persist()));
    this.sending = false;
    void this.pump();
  };

  private putState(journey: string | null) {
    const p = this.s.params;
    const doc: CourseState = { ...this.state, journey };
    return this.s.xapi.setState({ agent: p.actor as never, activityId: p.activityId, registration: p.registration, stateId: STATE_ID, state: doc as never });
  }

  /** Content text in each language, for interaction names and choices. */
  useTexts(texts: Texts): void {
    this.texts = texts;
  }

  /** The pending work, its journey resumed only by the reconcile rule above. */
  private readPending(): Pending {
    const pending = this.s.store.read();
    const kept = pending.journey;
    if (kept === null) return pending;
    const verdict = reconcile(this.state.journey, kept);
    if (verdict === 'browser' || (verdict === 'apart' && eventCount(kept) > eventCount(this.state.journey))) this.state = { ...this.state, journey: kept };
    else pending.journey = null;
    return pending;
  }

  launchData(): LaunchData {
    return { learnerId: this.s.learnerId ?? null, learnerName: this.s.learnerName, language: this.s.language, suspendData: this.state.journey };
  }

  start(journey?: string | null): LaunchData {
    if (!this.started) {
      const launch = this.launchData();
      // Read again: a tab this one took over from may have queued more since the page opened.
      this.pending = this.readPending();
      if (journey !== undefined && journey !== null) this.state = { ...this.state, journey };
      this.started = true;
      this.startedAt = this.timers.now();
      this.enqueue(defined(this.ctx, 'initialized', Date.now()));
      this.s.window?.addEventListener('pagehide', this.onPageHide);
      return launch;
    }
    return this.launchData();
  }

  /** Another tab writes now: nothing more leaves this one, not even at page hide. */
  pause(): void {
    this.paused = true;
    this.s.window?.removeEventListener('pagehide', this.onPageHide);
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (!this.ended) this.s.window?.addEventListener('pagehide', this.onPageHide);
    void this.pump();
  }

  save(point: SavePoint): void {
    if (this.ended) return;
    this.state = { ...this.state, journey: point.journey };
    this.pending.journey = point.journey;
    this.persist();
    this.pump();
  }

  report(e: TimedDomainEvent): void {
    if (this.ended || !this.started) return;
    try {
      this.map(e);
    } catch (err) {
      this.log(`LRS: ${String(err)}`);
    }
  }

  private get normal() {
    return this.s.launchData.launchMode === 'Normal';
  }

  private map(e: TimedDomainEvent) {
    const ev = e.event;
    if (ev.type === 'track.chosen') this.track = ev.track;
    if (ev.type === 'programme.chosen') this.programme = ev.programme || null;
    const i = interactionOf(this.s.def, this.texts, e);
    if (i) return this.enqueue(answered(this.ctx, i));
    if (!this.normal) return; // Browse / Review: no completion or success (cmi5 §10.2.2)
    if (ev.type === 'assessment.finished') {
      if (this.state.passed) return;
      const scaled = Math.max(0, Math.min(1, ev.score / 100));
      const mastery = this.s.launchData.masteryScore;
      const passed = ev.passed && (mastery === null || scaled >= mastery);
      if (!passed && this.failedThisSession) return;
      this.failedThisSession ||= !passed;
      this.state = { ...this.state, passed };
      this.enqueue(defined(this.ctx, passed ? 'passed' : 'failed', e.at, { scaled, durationMs: this.timers.now() - this.startedAt }));
    }
    if (ev.type === 'course.attested' && !this.state.completed) {
      this.state = { ...this.state, completed: true };
      this.enqueue(defined(this.ctx, 'completed', e.at, { durationMs: this.timers.now() - this.startedAt }));
    }
  }

  flush(): void {
    this.pump();
  }

  /** terminated, last; deferred to the end of the learner step so its save point goes first. */
  finish(): void {
    queueMicrotask(() => this.end());
  }

  /** Sends terminated (with the session's duration); nothing is queued after it. */
  end(): void {
    if (this.ended || !this.started) return;
    this.enqueue(defined(this.ctx, 'terminated', Date.now(), { durationMs: this.timers.now() - this.startedAt }));
    this.ended = true;
    this.s.window?.removeEventListener('pagehide', this.onPageHide);
  }

  onNotice(listener: (n: LmsNotice) => void): () => void {
    return this.notifier.subscribe(listener);
  }

  /** Statements and journey waiting for the LRS (for the preview and tests). */
  get waiting(): number {
    return this.pending.statements.length + (this.pending.journey !== null ? 1 : 0);
  }

  private enqueue(st: Statement) {
    if (this.ended) return;
    this.pending.statements.push(st);
    this.persist();
    this.pump();
  }

  /** The outbox is written before anything is sent: a closed tab loses nothing. */
  private persist() {
    this.s.store.write({ v: 1, statements: this.pending.statements, journey: this.pending.journey });
  }

  /** Sends the outbox in order, one request at a time. */
  private async pump(): Promise<void> {
    if (this.sending || this.paused) return;
    this.sending = true;
    try {
      while (!this.paused && (this.pending.statements.length || this.pending.journey !== null)) {
        if (this.pending.statements.length) {
          const batch = this.batch();
          if (!(await this.sendBatch(batch))) return;
          this.pending.statements.splice(0, batch.length);
        } else {
          const journey = this.pending.journey;
          if (!(await this.send(() => this.putState(journey)))) return;
          if (this.pending.journey === journey) this.pending.journey = null;
        }
        this.persist();
      }
      this.retries = 0;
      if (this.lost) {
        this.lost = false;
        this.notifier.emit('lms-restored');
      }
    } finally {
      this.sending = false;
    }
  }

  /** The first statements, in order, within the 64 KB a keepalive request may carry. */
  private batch(): Statement[] {
    const out: Statement[] = [];
    let size = 0;
    for (const st of this.pending.statements) {
      size += JSON.stringify(st).length;
      if (out.length && size > 40000) break;
      out.push(st);
    }
    return out;
  }

  /**
   * Sends statements in one request; when the LRS already holds one of them (a batch sent
   * before the tab closed, its answer lost), they go one by one so each is kept once.
   */
  private async sendBatch(batch: Statement[]): Promise<boolean> {
    let conflict = false;
    const ok = await this.send(
      () => this.s.xapi.sendStatements({ statements: batch as never }),
      () => (conflict = true),
    );
    if (!ok || !conflict || batch.length === 1) return ok;
    for (const st of batch) if (!(await this.send(() => this.s.xapi.sendStatement({ statement: st as never })))) return false;
    return true;
  }

  /**
   * One request. False when it should be tried again later (LRS unreachable or failing);
   * a statement the LRS already holds (409) or refuses for good (other 4xx) is not retried.
   */
  private async send(request: () => Promise<unknown>, onConflict?: () => void): Promise<boolean> {
    try {
      await request();
      return true;
    } catch (e) {
      const status = e instanceof LrsError ? e.status : 0;
      if (status === 409) {
        onConflict?.();
        return true;
      }
      if (status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 408 && status !== 429) {
        this.log(`LRS refused a request (${status}): ${String(e).slice(0, 300)}`);
        return true;
      }
      if (!this.lost) {
        this.lost = true;
        this.notifier.emit('lms-lost');
      }
      this.retryLater();
      return false;
    }
  }

  private retryLater() {
    const delays = this.s.retryDelays ?? [1000, 2000, 5000, 10000];
    if (this.retryHandle !== null) this.timers.clearTimeout(this.retryHandle);
    this.retryHandle = this.timers.setTimeout(() => {
      this.retryHandle = null;
      void this.pump();
    }, delays[Math.min(this.retries++, delays.length - 1)]);
  }
}
