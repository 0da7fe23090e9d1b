/**
 * A real CourseApp over the sample course (fixed fixture, so screen tests do not depend on
 * content being written), with a stub LMS, and a helper that walks the engine to a screen.
 */
import { buildCourse } from '../../src/authoring/load.ts';
import type { CourseDefinition, Lang } from '../../src/engine/definition.ts';
import { CourseSession } from '../../src/engine/session.ts';
import type { Screen, ViewModel } from '../../src/engine/view.ts';
import type { LearnerEvent } from '../../src/engine/events.ts';
import type { LmsAdapter, LmsNotice, SavePoint } from '../../src/lms/adapter.ts';
import type { TimedDomainEvent } from '../../src/engine/session.ts';
import { createI18n } from '../../src/i18n/i18n.ts';
import { CourseApp } from '../../src/app/course-app.svelte.ts';

const built = buildCourse('test/fixtures/sample-course');
if (!built.compiled) throw new Error('sample course does not compile');
export const def = built.compiled.definition;
export const content = built.compiled.content;

export class StubAdapter implements LmsAdapter {
  readonly kind = 'memory' as const;
  saves: SavePoint[] = [];
  reports: TimedDomainEvent[] = [];
  finished = false;
  private listeners = new Set<(n: LmsNotice) => void>();
  launchData() {
    return { learnerId: null, learnerName: null, language: null, suspendData: null };
  }
  start() {
    return this.launchData();
  }
  save(p: SavePoint) {
    this.saves.push(p);
  }
  report(e: TimedDomainEvent) {
    this.reports.push(e);
  }
  flush() {}
  finish() {
    this.finished = true;
  }
  onNotice(l: (n: LmsNotice) => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  notify(n: LmsNotice) {
    this.listeners.forEach((l) => l(n));
  }
}

/** `course`: another definition with the same text (an edited or deliberately broken copy). */
export async function makeApp(lang: Lang = 'en', opts: { seed?: number; saved?: string; course?: CourseDefinition } = {}) {
  const course = opts.course ?? def;
  const session = new CourseSession(course, { lang, seed: opts.seed ?? 7 });
  const adapter = new StubAdapter();
  const i18n = await createI18n(lang);
  const app = new CourseApp(course, session, adapter, i18n, async (l) => content[l], content[lang]);
  if (opts.saved) app.applyRestore(session.restore(opts.saved));
  return { app, adapter, session };
}

export interface Route {
  track?: string;
  /** Pick a poor option at decisions (the first one that is not best). */
  poor?: boolean;
  /** Answer the assessment wrongly. */
  fail?: boolean;
}

/** The event a learner following `route` sends on this view. */
function eventFor(v: ViewModel, r: Route): LearnerEvent {
  const s = v.screen;
  switch (s.kind) {
    case 'welcome': return { type: 'course.start' };
    case 'track': return { type: 'track.select', track: r.track ?? def.tracks[0].id };
    case 'programme': return { type: 'programme.select', programme: s.options[0].id };
    case 'scenario': {
      if (s.node.kind !== 'decision') return { type: 'nav.next' };
      const node = def.scenarios[s.scenario].nodes[s.node.id];
      if (node.kind !== 'decision') throw new Error('not a decision');
      const pick = (r.poor && node.options.find((o) => !o.best)) || node.options.find((o) => o.best)!;
      return { type: 'choice.select', option: pick.id };
    }
    case 'check': {
      if (s.answered) return { type: 'nav.next' };
      return { type: 'item.answer', options: def.items[s.quiz.item].forms[0].options.filter((o) => o.correct).map((o) => o.id) };
    }
    case 'assessment': {
      const form = def.items[s.quiz.item].forms.find((f) => f.id === s.quiz.form)!;
      return { type: 'item.answer', options: r.fail ? [form.options.find((o) => !o.correct)!.id] : form.options.filter((o) => o.correct).map((o) => o.id) };
    }
    case 'result': return s.result.passed ? { type: 'nav.next' } : { type: 'assessment.retry' };
    case 'attestation': return { type: 'attestation.confirm' };
    default: return { type: 'nav.next' };
  }
}

/** Sends the learner's events until `stop` holds; returns the screen reached. */
export function advance<K extends Screen['kind']>(app: CourseApp, kind: K, stop: (s: Extract<Screen, { kind: K }>) => boolean = () => true, route: Route = {}): Extract<Screen, { kind: K }> {
  for (let i = 0; i < 500; i++) {
    const s = app.view.screen;
    if (s.kind === kind && stop(s as Extract<Screen, { kind: K }>)) return s as Extract<Screen, { kind: K }>;
    if (!app.send(eventFor(app.view, route))) throw new Error(`stuck on ${s.kind}`);
  }
  throw new Error(`never reached ${kind}`);
}
