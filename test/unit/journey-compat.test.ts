/**
 * Journeys saved by the course engine before modules and scenarios became actors (when every
 * module, step and node was a state of one generated machine) resume on today's engine: the
 * same screen, the same view, the same saved text, and a learner playing the same way sends
 * the LMS the same domain events in the same order. The fixture was recorded with that engine
 * on test/fixtures/sample-course: 4 walks (both tracks, wrong answers first and best answers),
 * a checkpoint every 5 steps.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/authoring/load.ts';
import type { DomainEvent } from '../../src/engine/events.ts';
import { placeOf } from '../../src/engine/place.ts';
import { CourseSession } from '../../src/engine/session.ts';
import { selectView } from '../../src/engine/view.ts';
import { nextEvent, type Strategy } from '../../src/app/dev/course-walker.ts';

interface Recorded {
  walks: {
    strategy: Strategy;
    seed: number;
    steps: number;
    events: DomainEvent[];
    checkpoints: { journey: string; place: string; view: unknown; status: string }[];
  }[];
}

const def = buildCourse('test/fixtures/sample-course').compiled!.definition;
const recorded = JSON.parse(readFileSync('test/fixtures/journeys-generated-machine.json', 'utf8')) as Recorded;

describe('journeys saved by the engine with one generated machine', () => {
  it('the fixture covers every track, both strategies and the end of the course', () => {
    expect(new Set(recorded.walks.map((w) => w.strategy.track))).toEqual(new Set(def.tracks.map((t) => t.id)));
    expect(recorded.walks.flatMap((w) => w.checkpoints).filter((c) => c.status === 'done')).toHaveLength(recorded.walks.length);
  });

  recorded.walks.forEach((w, k) => {
    it(`walk ${k + 1} (${w.strategy.track}, ${w.strategy.decisions}): every checkpoint resumes on the same screen`, () => {
      for (const cp of w.checkpoints) {
        const s = new CourseSession(def, { lang: 'fr', now: () => 0 });
        const outcome = s.restore(cp.journey);
        expect(outcome.status, cp.place).toBe('resumed');
        expect(placeOf(def, s.snapshot)).toBe(cp.place);
        expect(selectView(def, s.snapshot)).toEqual(cp.view);
        expect(s.snapshot.status).toBe(cp.status);
        expect(s.save()).toBe(cp.journey);
      }
    });

    it(`walk ${k + 1}: played again, it sends the same domain events in the same order`, () => {
      const s = new CourseSession(def, { lang: 'fr', seed: w.seed, now: () => 0 });
      const events: DomainEvent[] = [];
      s.onDomain((e) => events.push(e.event));
      const memory = new Map();
      let steps = 0;
      for (let ev = nextEvent(def, s.snapshot, w.strategy, memory); ev; ev = nextEvent(def, s.snapshot, w.strategy, memory)) {
        expect(s.send(ev), JSON.stringify(ev)).toBe(true);
        steps++;
      }
      expect(steps).toBe(w.steps);
      expect(events).toEqual(w.events);
    });
  });
});
