/**
 * Model-based tests of the engine on the sample course: the whole course flow, every path of
 * every scenario, and a resume round trip at every reachable state.
 */
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/authoring/load.ts';
import { CourseSession } from '../../src/engine/session.ts';
import { stateData, stateKey } from '../../src/engine/graph.ts';
import { positionOf } from '../../src/engine/position.ts';
import { selectView } from '../../src/engine/view.ts';
import { createCourseMachine, type CourseContext } from '../../src/engine/machine.ts';
import type { LearnerEvent } from '../../src/engine/events.ts';
import { canFinish, courseAdjacency, learnerSteps, scenarioPaths, SEED, shortestPaths } from '../helpers/course-graph.ts';

const { compiled } = buildCourse('test/fixtures/sample-course');
const def = compiled!.definition;

describe('the course machine', () => {
  /** Every state node's id, depth first. */
  const ids = (node: { id: string; states: Record<string, unknown> }): string[] => [node.id, ...Object.values(node.states).flatMap((n) => ids(n as typeof node))];

  it('is the same fixed chart for every course: modules, steps and nodes are data, not states', () => {
    const shipped = buildCourse('.').compiled!.definition;
    const a = ids(createCourseMachine(def).root);
    expect(ids(createCourseMachine(shipped).root)).toEqual(a);
    expect(a).toEqual(['course', 'course.welcome', 'course.track', 'course.programme', 'course.learning', 'assessment', 'course.result', 'course.result.deciding', 'course.result.passed', 'course.result.failed', 'attestation', 'course.done']);
  });

  it("holds the module under way as an actor, and the scenario under way as the module's", () => {
    const s = new CourseSession(def, { lang: 'fr', seed: SEED });
    expect(s.send({ type: 'course.start' }) && s.send({ type: 'track.select', track: 'standard' })).toBe(true);
    if (positionOf(def, s.snapshot).phase === 'programme') expect(s.send({ type: 'programme.select', programme: def.programmes[0].id })).toBe(true);
    while (positionOf(def, s.snapshot).step?.kind !== 'scenario') expect(s.send({ type: 'nav.next' })).toBe(true);
    const module = s.snapshot.context.module!;
    const pos = positionOf(def, s.snapshot);
    expect(module.machine.id).toBe('module');
    expect(module.context.module).toBe(pos.module!.id);
    expect(module.context.step).toBe(pos.stepIndex);
    const scenario = module.context.scenario!;
    expect(scenario.machine.id).toBe('scenario');
    expect(scenario.context).toEqual({ scenario: pos.step!.id, node: def.scenarios[pos.step!.id].start, option: null });
  });
});

describe('course flow (sample course)', () => {
  const adj = courseAdjacency(def);
  const keys = Object.keys(adj);

  it('reaches every phase from welcome to the end, on both tracks', () => {
    const phases = new Set(Object.values(adj).map((v) => positionOf(def, v.state).phase));
    expect([...phases].sort()).toEqual(['assessment', 'attestation', 'done', 'learning', 'programme', 'result', 'track', 'welcome']);
    const tracks = new Set(Object.values(adj).filter((v) => v.state.status === 'done').map((v) => (v.state.context as { track: string }).track));
    expect([...tracks].sort()).toEqual(['minors', 'standard']);
  });

  it('can finish from every reachable state (no dead end, no trap)', () => {
    const ok = canFinish(adj);
    expect(keys.filter((k) => !ok.has(k))).toEqual([]);
  });

  it('reaches every node and every option of every scenario', () => {
    const seen = new Set<string>();
    for (const v of Object.values(adj)) {
      const pos = positionOf(def, v.state);
      if (pos.node && pos.step?.kind === 'scenario') seen.add(`${pos.step.id}/${pos.node.id}${pos.option ? `:${pos.option}` : ''}`);
    }
    for (const sc of Object.values(def.scenarios)) {
      for (const n of Object.values(sc.nodes)) {
        expect(seen, `${sc.id}/${n.id}`).toContain(`${sc.id}/${n.id}`);
        if (n.kind === 'decision') for (const o of n.options) expect(seen).toContain(`${sc.id}/${n.id}:${o.id}`);
      }
    }
  });

  it('minors-only scenarios are out of the standard path', () => {
    for (const v of Object.values(adj)) {
      const pos = positionOf(def, v.state);
      const track = (v.state.context as { track: string | null }).track;
      if (pos.step?.kind === 'scenario' && def.scenarios[pos.step.id].tracks?.includes('minors') && !def.scenarios[pos.step.id].tracks?.includes('standard')) {
        expect(track).toBe('minors');
      }
    }
  });
});

describe('course flow with two attempts at the assessment (sample course)', () => {
  const limited = { ...def, assessment: { ...def.assessment, attempts: 2 } };
  const adj = courseAdjacency(limited);
  const states = Object.values(adj).map((v) => v.state);
  const attempt = (s: (typeof states)[number]) => (s.context as CourseContext).attempt;
  const exhausted = (s: (typeof states)[number]) => positionOf(limited, s).result === 'failed' && !s.can({ type: 'assessment.retry' });

  it('from every reachable state, the end or the result after the last attempt (no trap)', () => {
    const ok = canFinish(adj, (s) => s.status === 'done' || exhausted(s));
    expect(Object.keys(adj).filter((k) => !ok.has(k))).toEqual([]);
    expect(states.filter(exhausted).length).toBeGreaterThan(0);
    expect(states.filter(exhausted).map(attempt)).toEqual(states.filter(exhausted).map(() => 2));
  });

  it('after the last attempt: the screen says none is left (with what to do next), and offers no retry', () => {
    for (const s of states.filter(exhausted)) {
      const screen = selectView(limited, s).screen;
      expect(screen.kind === 'result' && [screen.canRetry, screen.attemptsLeft]).toEqual([false, 0]);
    }
  });

  it('a first failure leaves one retry; a pass at the second attempt leads to the attestation', () => {
    const firstFailed = states.filter((s) => positionOf(limited, s).result === 'failed' && attempt(s) === 1);
    expect(firstFailed.length).toBeGreaterThan(0);
    for (const s of firstFailed) {
      const screen = selectView(limited, s).screen;
      expect(screen.kind === 'result' && [screen.canRetry, screen.attemptsLeft]).toEqual([true, 1]);
    }
    const passedAtSecond = states.filter((s) => positionOf(limited, s).result === 'passed' && attempt(s) === 2);
    expect(passedAtSecond.length).toBeGreaterThan(0);
    for (const s of passedAtSecond) expect(s.can({ type: 'nav.next' })).toBe(true);
  });
});

describe('every path of every scenario (sample course)', () => {
  for (const sc of Object.values(def.scenarios)) {
    it(`${sc.id}: every simple path ends, every decision explains itself in both languages`, () => {
      const { mini, paths } = scenarioPaths(def, sc.id);
      expect(paths.length).toBeGreaterThan(0);
      const finished = paths.filter((p) => positionOf(mini, p.state).phase !== 'learning');
      expect(finished.length).toBeGreaterThan(0);
      const endings = new Set<string>();
      for (const p of finished) {
        const events = p.steps.map((s) => s.event as LearnerEvent).filter((e) => e.type === 'choice.select');
        expect(events.length).toBeGreaterThan(0);
        endings.add(JSON.stringify(p.steps[p.steps.length - 1].state.value));
      }
      for (const n of Object.values(sc.nodes)) {
        if (n.kind !== 'decision') continue;
        expect(n.options.filter((o) => o.best)).toHaveLength(1);
        for (const o of n.options) {
          for (const lang of ['fr', 'en'] as const) {
            const fb = compiled!.content[lang].text[o.feedback];
            expect(Array.isArray(fb) && fb.length > 0, `${sc.id}/${n.id}/${o.id} feedback in ${lang}`).toBe(true);
          }
        }
      }
    });
  }
});

describe('resume', () => {
  const paths = shortestPaths(def);

  it(`replays to the same state from every reachable state (${paths.length} states)`, () => {
    expect(paths.length).toBeGreaterThan(50);
    for (const p of paths) {
      const a = new CourseSession(def, { lang: 'fr', seed: SEED });
      for (const step of learnerSteps(p.steps)) expect(a.send(step.event as LearnerEvent)).toBe(true);
      const saved = a.save();
      const b = new CourseSession(def, { lang: 'en', seed: 1 });
      const outcome = b.restore(saved);
      expect(outcome.status).toBe('resumed');
      expect(stateKey(b.snapshot)).toBe(stateKey(a.snapshot));
      expect(stateData(b.snapshot)).toEqual(stateData(a.snapshot));
      expect(b.lang).toBe('fr');
    }
  });

  it('a corrupt saved state starts cleanly, never throws', () => {
    for (const bad of ['', 'garbage', 'J1~x~fr~zz~', 'J1~0.1.0~de~1~s', 'J1~0.1.0~fr~1~s9999999999n', 'J1~0.1.0~fr~1~c', 'J1~0.1.0~fr~1~a0', 'J9~0.1.0~fr~1~s', '\u0000\u0001']) {
      const s = new CourseSession(def, { lang: 'fr', seed: 3 });
      const out = s.restore(bad);
      expect(['corrupt', 'fresh', 'resumed', 'partial']).toContain(out.status);
      expect(s.snapshot.status).toBe('active');
    }
    const s = new CourseSession(def, { lang: 'fr', seed: 3 });
    expect(s.restore('J1~0.1.0~fr~1~szz!').status).toBe('corrupt');
    expect(positionOf(def, s.snapshot).phase).toBe('welcome');
  });

  it('an older content version resumes as far as its decisions still exist', () => {
    const a = new CourseSession(def, { lang: 'fr', seed: 5 });
    const events: LearnerEvent[] = [
      { type: 'course.start' }, { type: 'track.select', track: 'standard' }, { type: 'programme.select', programme: 'youth' },
      { type: 'nav.next' }, { type: 'nav.next' }, { type: 'choice.select', option: 'keep-card' }, { type: 'nav.next' },
      { type: 'choice.select', option: 'accept-log' }, { type: 'nav.next' },
    ];
    for (const e of events) expect(a.send(e)).toBe(true);
    // The newer content renamed the second decision's options: replay stops before it.
    const edited = structuredClone(def);
    const sc = edited.scenarios['birthday-envelope'];
    const jam = sc.nodes.jam;
    if (jam.kind !== 'decision') throw new Error('fixture changed');
    jam.options = jam.options.map((o) => ({ ...o, id: `${o.id}-v2` }));
    const b = new CourseSession(edited, { lang: 'fr' });
    const out = b.restore(a.save());
    expect(out.status).toBe('partial');
    expect(out.status === 'partial' && out.replayed).toBe(7);
    expect(positionOf(edited, b.snapshot).node?.id).toBe('jam');
  });
});
