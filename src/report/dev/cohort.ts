/**
 * A seeded cohort played through the real course session and the real SCORM adapter, with
 * scorm-again as the LMS. Each learner's choices follow known distributions; the generator
 * tallies what it chose, so a test can compare the report's figures with the truth. Used by
 * the report tests and `npm run bench -- report`; Node only, not part of the learner bundle.
 */

import type { CourseDefinition, ItemFormDef } from '../../engine/definition.ts';
import type { LearnerEvent } from '../../engine/events.ts';
import type { CourseSnapshot } from '../../engine/machine.ts';
import { rng } from '../../engine/draw.ts';
import { currentForm, positionOf } from '../../engine/position.ts';
import { CourseSession } from '../../engine/session.ts';
import { selectView } from '../../engine/view.ts';
import { wireSession } from '../../app/wiring.ts';
import type { ScormVersion } from '../../lms/vocabulary.ts';
import { adapterFor, cmiOf, scormAgain } from './lms.ts';
import type { MoodleRow } from './moodle-writer.ts';

export type Profile = 'not-started' | 'stopped' | 'failed' | 'completed';

export interface Truth {
  /** `scenario/node` → option → learners whose first choice it was. */
  firstChoice: Map<string, Map<string, number>>;
  /** Question key (`chk:item`, `asm:form`) → answers and right answers (first try / first attempt). */
  questions: Map<string, { answers: number; right: number }>;
  /** Per learner (in row order): expected status, track, follow-up, first-attempt answers. */
  learners: { email: string; profile: Profile; track: string; programme: string; stalled: boolean; firstAttempt: { key: string; right: boolean }[] }[];
}

const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

/** Option weights of a decision's first choice: the best gets `bestShare`, the others share the rest by position. */
function pickOption(options: { id: string; best: boolean }[], bestShare: number, r: () => number): string {
  const best = options.find((o) => o.best) ?? options[0];
  if (r() < bestShare) return best.id;
  const others = options.filter((o) => o !== best);
  // Earlier poor options are chosen twice as often as later ones: a known, uneven spread.
  const weights = others.map((_, i) => 2 ** (others.length - 1 - i));
  let x = r() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < others.length; i++) if ((x -= weights[i]) < 0) return others[i].id;
  return others[others.length - 1].id;
}

const rightOf = (f: ItemFormDef) => f.options.filter((o) => o.correct).map((o) => o.id);
const wrongOf = (f: ItemFormDef, r: () => number) => {
  const w = f.options.filter((o) => !o.correct);
  return [w[Math.floor(r() * w.length)]?.id ?? f.options[0].id];
};

export interface CohortOptions { perTrack: number; seed: number; base: number }

/** Plays the cohort; learners alternate between a SCORM 1.2 and a SCORM 2004 package. */
export function playCohort(def: CourseDefinition, opts: CohortOptions): { rows: Record<ScormVersion, MoodleRow[]>; truth: Truth } {
  const truth: Truth = { firstChoice: new Map(), questions: new Map(), learners: [] };
  const rows: Record<ScormVersion, MoodleRow[]> = { '1.2': [], '2004': [] };
  const r = rng(opts.seed);
  let n = 0;
  for (const track of def.tracks.map((t) => t.id)) {
    for (let i = 0; i < opts.perTrack; i++, n++) {
      const version: ScormVersion = n % 2 ? '2004' : '1.2';
      const x = r();
      const profile: Profile = x < 0.05 ? 'not-started' : x < 0.2 ? 'stopped' : x < 0.3 ? 'failed' : 'completed';
      const programme = def.programmes[Math.floor(r() * def.programmes.length)].id;
      const ability = 0.35 + r() * 0.65;
      const email = `learner${String(n).padStart(4, '0')}@example.invalid`;
      const started = opts.base + n * 3600000;
      const stalled = profile === 'stopped' && r() < 0.5;
      const last = stalled ? started + 600000 : opts.base + 400 * 86400000 + n * 60000;
      const me = { email, profile, track, programme, stalled, firstAttempt: [] as { key: string; right: boolean }[] };
      truth.learners.push(me);
      const row: MoodleRow = { name: `Learner ${n}`, email, cmi: null, version, started, last };
      rows[version].push(row);
      if (profile === 'not-started') continue;
      const { api } = scormAgain(version);
      const { adapter, timers } = adapterFor(version, api, def);
      const launch = adapter.start();
      const session = new CourseSession(def, { lang: n % 3 ? 'fr' : 'en', seed: opts.seed + n, now: timers.now });
      wireSession(def, session, adapter);
      session.restore(launch.suspendData);
      const seen = new Set<string>();
      const stopAt = profile === 'stopped' ? 20 + Math.floor(r() * 120) : Infinity;
      for (let steps = 0; steps < 20000; steps++) {
        timers.advance(2000);
        const ev = next(def, session.snapshot, { track, programme, profile, ability, seen, r, truth, me, steps, stopAt });
        if (!ev) break;
        if (!session.send(ev)) throw new Error(`cohort: ${JSON.stringify(ev)} does not apply`);
      }
      row.cmi = cmiOf(api);
    }
  }
  return { rows, truth };
}

interface Ctx {
  track: string; programme: string; profile: Profile; ability: number; seen: Set<string>; r: () => number;
  truth: Truth; me: Truth['learners'][number]; steps: number; stopAt: number;
}

function tally(truth: Truth, key: string, right: boolean) {
  const q = truth.questions.get(key) ?? { answers: 0, right: 0 };
  q.answers++;
  if (right) q.right++;
  truth.questions.set(key, q);
}

function next(def: CourseDefinition, snap: CourseSnapshot, c: Ctx): LearnerEvent | null {
  if (snap.status === 'done' || c.steps >= c.stopAt) return null;
  const pos = positionOf(def, snap);
  const ctx = snap.context;
  switch (pos.phase) {
    case 'welcome': return { type: 'course.start' };
    case 'track': return { type: 'track.select', track: c.track };
    case 'programme': return { type: 'programme.select', programme: c.programme };
    case 'attestation': return { type: 'attestation.confirm' };
    case 'result':
      if (pos.result === 'passed') return { type: 'nav.next' };
      return c.profile === 'failed' ? null : { type: 'assessment.retry' };
    case 'assessment': {
      const form = currentForm(def, snap, pos)!;
      const first = ctx.attempt === 1;
      // "failed" learners answer badly on purpose; everyone answers right from the second attempt.
      const right = c.profile === 'failed' ? c.r() < 0.2 : first ? c.r() < c.ability : true;
      if (first) {
        tally(c.truth, `asm:${form.id}`, right);
        c.me.firstAttempt.push({ key: `asm:${form.id}`, right });
      }
      return { type: 'item.answer', options: right ? rightOf(form) : wrongOf(form, c.r) };
    }
    default: break;
  }
  if (pos.check === 'ask') {
    const form = currentForm(def, snap, pos)!;
    const item = (pos.step as { item: string }).item;
    const right = c.r() < c.ability;
    if (!c.seen.has(`chk:${item}`)) {
      c.seen.add(`chk:${item}`);
      tally(c.truth, `chk:${item}`, right);
    }
    return { type: 'item.answer', options: right ? rightOf(form) : wrongOf(form, c.r) };
  }
  const view = selectView(def, snap).screen;
  if (view.kind === 'scenario' && view.node.kind === 'decision' && pos.node?.kind === 'decision') {
    const key = `${view.scenario}/${pos.node.id}`;
    const best = pos.node.options.find((o) => o.best) ?? pos.node.options[0];
    if (c.seen.has(key)) return { type: 'choice.select', option: best.id };
    c.seen.add(key);
    const pick = pickOption(pos.node.options, 0.5, c.r);
    const m = c.truth.firstChoice.get(key) ?? new Map<string, number>();
    bump(m, pick);
    c.truth.firstChoice.set(key, m);
    return { type: 'choice.select', option: pick };
  }
  return { type: 'nav.next' };
}
