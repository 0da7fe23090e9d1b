/**
 * Writes ops to the LMS in one version's words: finds the index of each interaction and
 * objective, keeps statuses from going back, and holds every value to the specification's
 * limits (1.2 suspend data over 4096 characters is not sent: the LMS keeps the last one
 * that fit, and the adapter keeps the rest in the browser).
 */
import type { Dialect, Write } from './dialect.ts';
import { makeId } from './identifiers.ts';
import { mergeStatus, type CourseRecord, type Op, type StatusState } from './records.ts';
import type { ScormApi } from './scorm-api.ts';

/** Writes ops through one dialect to the LMS. */
export class CmiWriter {
  /** The course status as the LMS holds it (read at launch, then as written). */
  course: StatusState = { completion: 'not attempted', success: null };
  /** The suspend data the LMS holds now. */
  suspend = '';
  /** The LMS does not hold the latest journey (too long for this version, or refused). */
  overflow = false;
  /**
   * Review or browse mode over a result the LMS already holds as passed (or completed): only
   * the place is written, so reviewing can change nothing the learner earned.
   */
  frozen = false;
  private interactions = 0;
  private readonly objectiveIndex = new Map<string, number>();
  private readonly objectiveState = new Map<string, StatusState>();
  private readonly created = new Set<string>();
  /** Index given to an interaction op, kept so a retried op lands on the same record. */
  private readonly assigned = new WeakMap<Op, number>();
  private warned = new Set<string>();
  private place = '';

  constructor(private readonly api: ScormApi, readonly dialect: Dialect, private readonly log: (m: string) => void) {}

  /**
   * Reads counts, objective ids and statuses the LMS already holds. A first attempt
   * (`ab-initio`) has no suspend data by definition: it is not asked for, since a 2004 LMS
   * answers an unset element with an error code.
   */
  load(entry: string): { objectiveIds: string[] } {
    const d = this.dialect;
    this.course = d.statusFrom(d.statusElements.map((e) => this.api.read(e)));
    this.suspend = entry === 'ab-initio' ? '' : this.api.read(d.read.suspendData);
    this.interactions = Number(this.api.read(d.read.interactionsCount)) || 0;
    const count = Number(this.api.read(d.read.objectivesCount)) || 0;
    const objectiveIds: string[] = [];
    for (let n = 0; n < count; n++) {
      const id = this.api.read(d.read.objectiveId(n));
      if (!id) continue;
      objectiveIds.push(id);
      this.objectiveIndex.set(id, n);
      this.created.add(id);
      this.objectiveState.set(id, d.statusFrom(d.objectiveStatusElements(n).map((e) => this.api.read(e))));
    }
    this.objectiveCount = count;
    return { objectiveIds };
  }
  private objectiveCount = 0;

  /**
   * Called after `load` with the LMS's launch mode. Moodle opens a SCO in review mode once its
   * status is failed, passed or completed, unless the learner asks for a new attempt, and it
   * keeps what is written then: a learner not yet passed can still pass, and that is written.
   */
  reviewing(review: boolean): void {
    const c = this.course;
    this.frozen = review && c.success !== 'failed' && (c.success === 'passed' || c.completion === 'completed');
  }

  /** Writes one op. False when the LMS failed (not our data): the op must be tried again. */
  apply(op: Op): boolean {
    switch (op.t) {
      case 'save': return this.save(op.journey, op.location, op.progress);
      case 'course': return this.frozen || this.courseOp(op.r);
      case 'obj': return this.frozen || this.objective(op);
      case 'ia': return this.frozen || this.interaction(op);
    }
  }

  /** Writes values in order; stops at the first LMS failure. Refused values are logged and skipped. */
  write(writes: Write[]): boolean {
    for (const [element, value] of writes) {
      const r = this.api.set(element, value);
      if (!r.ok && r.fault !== 'data') return false;
    }
    return true;
  }

  private save(journey: string, location: string, progress: number): boolean {
    const d = this.dialect;
    const fits = journey.length <= d.limits.suspendData;
    if (!fits) this.warnOnce('suspend', `suspend data of ${journey.length} characters is over the ${d.limits.suspendData} allowed: kept in this browser`);
    let held = fits && journey === this.suspend;
    if (fits && !held) {
      const r = this.api.set(d.suspendElement, journey);
      if (!r.ok && r.fault !== 'data') return false;
      // Refused as data (a stricter LMS): it does not hold it, so the browser keeps it.
      if (!r.ok) this.warnOnce('suspend-refused', `the LMS refused the suspend data (${journey.length} characters): kept in this browser`);
      held = r.ok;
    }
    // Nothing is whole until the attestation: progress stays under 1 before it.
    const p = this.course.completion === 'completed' ? progress : Math.min(progress, 0.99);
    const place = d.place(location, p);
    const placeKey = JSON.stringify(place);
    if (placeKey !== this.place && !this.write(place)) return false;
    this.place = placeKey;
    if (held) this.suspend = journey;
    this.overflow = !held;
    return true;
  }

  private courseOp(r: CourseRecord): boolean {
    const next = mergeStatus(this.course, r);
    const changed = next.completion !== this.course.completion || next.success !== this.course.success;
    const record = changed ? r : { ...r, completion: undefined, success: undefined };
    if (!this.write(this.dialect.course(next, record))) return false;
    this.course = next;
    return true;
  }

  private objective(op: Extract<Op, { t: 'obj' }>): boolean {
    const id = makeId(op.r.id, this.dialect.limits.identifier);
    let n = this.objectiveIndex.get(id);
    if (n === undefined) {
      if (this.objectiveCount >= this.dialect.limits.objectives) return this.warnOnce('objectives', `more than ${this.dialect.limits.objectives} objectives: ${id} not recorded`);
      n = this.objectiveCount++;
      this.objectiveIndex.set(id, n);
    }
    const known = this.objectiveState.get(id) ?? { completion: 'not attempted', success: null };
    const next = mergeStatus(known, op.r);
    const isNew = !this.created.has(id);
    if (!this.write(this.dialect.objective(n, op.r, next, isNew))) return false;
    this.created.add(id);
    this.objectiveState.set(id, next);
    return true;
  }

  /**
   * Every LMS must take 250 interactions (2004's smallest permitted maximum); past that, they
   * are written as long as the LMS accepts them, and not tried again once it refuses one.
   */
  private interaction(op: Extract<Op, { t: 'ia' }>): boolean {
    if (this.interactionsFull) return true;
    let n = this.assigned.get(op);
    if (n === undefined) {
      n = this.interactions++;
      this.assigned.set(op, n);
    }
    const [first, ...rest] = this.dialect.interaction(n, op.r);
    if (n >= this.dialect.limits.interactions) {
      const r = this.api.set(...first);
      if (!r.ok && r.fault !== 'data') return false;
      if (!r.ok) {
        this.interactionsFull = true;
        return this.warnOnce('interactions', `the LMS takes no more than ${n} interactions: the rest are not recorded`);
      }
      return this.write(rest);
    }
    return this.write([first, ...rest]);
  }
  private interactionsFull = false;

  private warnOnce(key: string, message: string): true {
    if (!this.warned.has(key)) this.log(`LMS: ${message}`);
    this.warned.add(key);
    return true;
  }
}
