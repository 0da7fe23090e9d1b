/**
 * A learner's session: the course actor plus its journey log. Every accepted learner event
 * is appended to the log; `restore` replays a saved log through a fresh actor. Pure: no DOM,
 * no storage, no LMS. Subscribers (interface, LMS adapter) listen to `onChange`, `onDomain`
 * and `onError`: a step the machine fails on is not logged, so the journey stays as it was
 * last saved and restoring it brings the learner back to the screen before the failure.
 */
import { createActor, type Actor } from 'xstate';
import type { CourseDefinition, Lang } from './definition.ts';
import type { DomainEvent, LearnerEvent } from './events.ts';
import { createCourseMachine, type CourseMachine, type CourseSnapshot } from './machine.ts';
import { decodeJourney, encodeJourney, saveKey, tokenOf, type Journey, type Token } from './journey.ts';
import { currentForm, positionOf } from './position.ts';
import { structureFingerprint } from './fingerprint.ts';
import { itemOf, placeOf } from './place.ts';
import { replayTokens } from './replay.ts';

export interface TimedDomainEvent {
  event: DomainEvent;
  /** When it happened (ms since epoch) and how long the learner took since the screen appeared. */
  at: number;
  latencyMs: number;
}

export interface SessionOptions {
  lang: Lang;
  seed?: number;
  presetTrack?: string | null;
  now?: () => number;
}

export type RestoreOutcome =
  | { status: 'fresh' }
  /** `changed`: the course's structure is not the one the journey was saved against. */
  | { status: 'resumed'; replayed: number; total: number; lang: Lang; changed: boolean }
  | { status: 'partial'; replayed: number; total: number; lang: Lang; changed: boolean }
  | { status: 'corrupt'; reason: string };

export class CourseSession {
  readonly def: CourseDefinition;
  lang: Lang;
  seed: number;
  private readonly presetTrack: string | null;
  /** Built once: restoring or starting over only creates a new actor from it. */
  private readonly machine: CourseMachine;
  private actor!: Actor<CourseMachine>;
  private tokens: Token[] = [];
  private changeListeners = new Set<(s: CourseSnapshot) => void>();
  private domainListeners = new Set<(e: TimedDomainEvent) => void>();
  private errorListeners = new Set<(error: unknown) => void>();
  /** What the machine failed on, until the session is restored or reset; null while it runs. */
  private failure: { error: unknown } | null = null;
  private shownAt: number;
  private replaying = false;
  private readonly now: () => number;

  constructor(def: CourseDefinition, opts: SessionOptions) {
    this.def = def;
    this.lang = opts.lang;
    this.now = opts.now ?? (() => Date.now());
    this.seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
    this.presetTrack = opts.presetTrack ?? null;
    this.shownAt = this.now();
    this.machine = createCourseMachine(def);
    this.start();
  }

  private start() {
    this.actor?.stop();
    this.failure = null;
    this.actor = createActor(this.machine, { input: { seed: this.seed, presetTrack: this.presetTrack } });
    this.actor.on('*', (event: DomainEvent) => {
      if (this.replaying) return;
      const at = this.now();
      for (const l of this.domainListeners) l({ event, at, latencyMs: at - this.shownAt });
    });
    // Changes are told from `send`, once the step is in the log, so a save made on a change
    // holds it. An action that throws stops the actor: without an error observer the error
    // would surface nowhere the interface can see, and the screen would stop responding.
    this.actor.subscribe({ error: (error: unknown) => this.fail(error) });
    this.actor.start();
  }

  get snapshot(): CourseSnapshot {
    return this.actor.getSnapshot();
  }

  /** The machine failed on a step: nothing more is accepted until `restore` or `reset`. */
  get failed(): boolean {
    return this.failure !== null;
  }

  /**
   * Sends a learner event; returns false (and records nothing) when it does not apply here,
   * or when the machine fails on it.
   */
  send(event: LearnerEvent): boolean {
    if (this.failure) return false;
    let token: Token;
    const before = this.snapshot;
    if (before.status !== 'active') return false;
    try {
      event = this.canonical(event);
      token = tokenOf(event, event.type === 'item.answer' ? itemOf(this.def, before) : null);
    } catch (error) {
      this.fail(error);
      return false;
    }
    // A guard or action that throws stops the actor (see start); an event that does not
    // apply here leaves the very same snapshot.
    this.actor.send(event);
    if (this.failure || this.snapshot === before) return false;
    this.log(token);
    if (!this.replaying) {
      this.shownAt = this.now();
      for (const l of this.changeListeners) l(this.snapshot);
    }
    return true;
  }

  /**
   * Appends a step, with the screen it landed on when that depends on the course's layout; a
   * run of "next" or "back" keeps only its last screen.
   */
  private log(token: Token) {
    if (token.t === 'n' || token.t === 'p') {
      const last = this.tokens.length - 1;
      if (this.tokens[last]?.t === token.t) this.tokens[last] = { t: token.t };
    }
    if (token.t === 'n' || token.t === 'p' || token.t === 's' || token.t === 't' || token.t === 'g') {
      token = { ...token, at: saveKey(placeOf(this.def, this.snapshot)) };
    }
    this.tokens.push(token);
  }

  private fail(error: unknown) {
    if (this.failure) return;
    this.failure = { error };
    if (this.replaying) return;
    for (const l of this.errorListeners) l(error);
  }

  /**
   * A multiple answer is a set: the options are put in the item's written order, so the saved
   * journey and the LMS response do not depend on the (shuffled) order they were ticked in.
   */
  private canonical(event: LearnerEvent): LearnerEvent {
    if (event.type !== 'item.answer' || event.options.length < 2) return event;
    const written = this.candidates().options;
    const known = written.filter((id) => event.options.includes(id));
    const unknown = event.options.filter((id) => !written.includes(id));
    return { type: 'item.answer', options: [...known, ...unknown] };
  }

  /** The saved form of everything the learner did. */
  save(): string {
    return encodeJourney({ content: this.def.version, structure: structureFingerprint(this.def), lang: this.lang, seed: this.seed, tokens: this.tokens });
  }

  /** Ids the learner can pick where they stand: used to resolve saved keys. */
  candidates() {
    const pos = positionOf(this.def, this.snapshot);
    const form = currentForm(this.def, this.snapshot, pos);
    const options = form
      ? form.options.map((o) => o.id)
      : pos.node?.kind === 'decision'
        ? pos.node.options.map((o) => o.id)
        : [];
    return { tracks: this.def.tracks.map((t) => t.id), programmes: this.def.programmes.map((p) => p.id), options };
  }

  /**
   * Replays a saved journey from the start. Never throws: a corrupt text starts cleanly; a
   * journey saved against other content replays as far as its steps can be found by id
   * (replay.ts), and says the content changed.
   */
  restore(saved: string | null | undefined): RestoreOutcome {
    if (!saved) return { status: 'fresh' };
    const decoded = decodeJourney(saved);
    if (!decoded.ok) return { status: 'corrupt', reason: decoded.reason };
    const { journey } = decoded;
    const changed = this.changedSince(journey);
    this.seed = journey.seed;
    this.lang = journey.lang;
    this.replaying = true;
    let replayed = 0;
    try {
      this.rebuild([]);
      replayed = replayTokens(this, journey.tokens, changed);
    } catch {
      // The log no longer fits this content in a way replay did not foresee: start cleanly.
      this.rebuild([]);
    } finally {
      this.replaying = false;
    }
    this.shownAt = this.now();
    for (const l of this.changeListeners) l(this.snapshot);
    const total = journey.tokens.length;
    return { status: replayed === total ? 'resumed' : 'partial', replayed, total, lang: journey.lang, changed };
  }

  /** An old journey (J1) knows only the version label, which a trainer may forget to bump. */
  private changedSince(journey: Journey): boolean {
    return journey.structure !== undefined ? journey.structure !== structureFingerprint(this.def) : journey.content !== this.def.version;
  }

  /** Starts again from the beginning and sends these events (used while replaying). */
  rebuild(events: LearnerEvent[]) {
    this.tokens = [];
    this.start();
    for (const e of events) this.send(e);
  }

  /** Starts over: a new seed and an empty log. */
  reset(seed = Math.floor(Math.random() * 2 ** 31)) {
    this.seed = seed;
    this.tokens = [];
    this.start();
    this.shownAt = this.now();
    for (const l of this.changeListeners) l(this.snapshot);
  }

  setLang(lang: Lang) {
    this.lang = lang;
  }

  onChange(fn: (s: CourseSnapshot) => void): () => void {
    this.changeListeners.add(fn);
    return () => this.changeListeners.delete(fn);
  }

  onDomain(fn: (e: TimedDomainEvent) => void): () => void {
    this.domainListeners.add(fn);
    return () => this.domainListeners.delete(fn);
  }

  /** Called when the machine fails on a learner's step (not while replaying). */
  onError(fn: (error: unknown) => void): () => void {
    this.errorListeners.add(fn);
    return () => this.errorListeners.delete(fn);
  }
}
