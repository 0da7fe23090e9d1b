/**
 * A learner's session: the course actor plus its journey log. Every accepted learner event
 * is appended to the log; `restore` replays a saved log through a fresh actor. Pure: no DOM,
 * no storage, no LMS. Subscribers (interface, LMS adapter) listen to `onChange` and `onDomain`.
 */
import { createActor, type AnyActorRef, type AnyMachineSnapshot } from 'xstate';
import type { CourseDefinition, Lang } from './definition.ts';
import type { DomainEvent, LearnerEvent } from './events.ts';
import { createCourseMachine, type CourseMachine } from './machine.ts';
import { decodeJourney, encodeJourney, eventOf, tokenOf, type Token } from './journey.ts';
import { currentForm, positionOf } from './position.ts';

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
  | { status: 'resumed'; replayed: number; total: number; lang: Lang }
  | { status: 'partial'; replayed: number; total: number; lang: Lang }
  | { status: 'corrupt'; reason: string };

export class CourseSession {
  readonly def: CourseDefinition;
  lang: Lang;
  seed: number;
  private readonly presetTrack: string | null;
  /** Built once: restoring or starting over only creates a new actor from it. */
  private readonly machine: CourseMachine;
  private actor!: AnyActorRef;
  private tokens: Token[] = [];
  private changeListeners = new Set<(s: AnyMachineSnapshot) => void>();
  private domainListeners = new Set<(e: TimedDomainEvent) => void>();
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
    this.actor = createActor(this.machine, { input: { seed: this.seed, presetTrack: this.presetTrack } });
    this.actor.on('*', (event: DomainEvent) => {
      if (this.replaying) return;
      const at = this.now();
      for (const l of this.domainListeners) l({ event, at, latencyMs: at - this.shownAt });
    });
    this.actor.subscribe((s: AnyMachineSnapshot) => {
      if (this.replaying) return;
      for (const l of this.changeListeners) l(s);
    });
    this.actor.start();
  }

  get snapshot(): AnyMachineSnapshot {
    return this.actor.getSnapshot();
  }

  /** Sends a learner event; returns false (and records nothing) when it does not apply here. */
  send(event: LearnerEvent): boolean {
    event = this.canonical(event);
    if (!this.snapshot.can(event)) return false;
    this.tokens.push(tokenOf(event));
    this.actor.send(event);
    if (!this.replaying) this.shownAt = this.now();
    return true;
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
    return encodeJourney({ content: this.def.version, lang: this.lang, seed: this.seed, tokens: this.tokens });
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
   * journey from older content replays as far as its events still apply.
   */
  restore(saved: string | null | undefined): RestoreOutcome {
    if (!saved) return { status: 'fresh' };
    const decoded = decodeJourney(saved);
    if (!decoded.ok) return { status: 'corrupt', reason: decoded.reason };
    const { journey } = decoded;
    this.seed = journey.seed;
    this.lang = journey.lang;
    this.tokens = [];
    this.replaying = true;
    let replayed = 0;
    try {
      this.start();
      for (const tk of journey.tokens) {
        const event = eventOf(tk, this.candidates());
        if (!event || !this.send(event)) break;
        replayed++;
      }
    } catch {
      // A machine error during replay means the log no longer fits this content: keep what applied.
    } finally {
      this.replaying = false;
    }
    this.shownAt = this.now();
    for (const l of this.changeListeners) l(this.snapshot);
    const total = journey.tokens.length;
    return { status: replayed === total ? 'resumed' : 'partial', replayed, total, lang: journey.lang };
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

  onChange(fn: (s: AnyMachineSnapshot) => void): () => void {
    this.changeListeners.add(fn);
    return () => this.changeListeners.delete(fn);
  }

  onDomain(fn: (e: TimedDomainEvent) => void): () => void {
    this.domainListeners.add(fn);
    return () => this.domainListeners.delete(fn);
  }
}
