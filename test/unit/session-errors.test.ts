/**
 * A step the machine fails on: the session says so, records nothing of it, reports nothing,
 * and restoring the saved journey brings the learner back to where they were.
 */
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/authoring/load.ts';
import { CourseSession, type TimedDomainEvent } from '../../src/engine/session.ts';
import { placeOf } from '../../src/engine/place.ts';
import type { LearnerEvent } from '../../src/engine/events.ts';
import { nextEvent } from '../../src/app/dev/course-walker.ts';
import { BROKEN_ITEM, withBrokenCheck } from '../helpers/broken-course.ts';

const def = buildCourse('test/fixtures/sample-course').compiled!.definition;
const broken = withBrokenCheck(def);
const CHECK = `check:check-${BROKEN_ITEM}:ask`;
const answer: LearnerEvent = { type: 'item.answer', options: [def.items[BROKEN_ITEM].forms[0].options[0].id] };

/** Best options up to the knowledge check. */
function toCheck(s: CourseSession) {
  const there = () => placeOf(s.def, s.snapshot) === CHECK;
  for (let e = nextEvent(s.def, s.snapshot, { track: 'standard', stopWhen: there }); e; e = nextEvent(s.def, s.snapshot, { track: 'standard', stopWhen: there })) {
    expect(s.send(e)).toBe(true);
  }
  expect(placeOf(s.def, s.snapshot)).toBe(CHECK);
  return s;
}

describe('a machine error', () => {
  it('is observed: the step is refused, not logged, not reported, and the session stops taking steps', () => {
    const s = toCheck(new CourseSession(broken, { lang: 'fr', seed: 3 }));
    const before = s.save();
    const errors: unknown[] = [];
    const reported: TimedDomainEvent[] = [];
    const changes: unknown[] = [];
    s.onError((e) => errors.push(e));
    s.onDomain((e) => reported.push(e));
    s.onChange((c) => changes.push(c));
    expect(s.send(answer)).toBe(false);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/answer key unavailable/);
    expect(s.failed).toBe(true);
    expect(s.save()).toBe(before);
    expect(reported).toEqual([]);
    expect(changes).toEqual([]);
    expect(s.send({ type: 'nav.back' })).toBe(false);
    expect(s.save()).toBe(before);
  });

  it('is left behind by restoring the saved journey: the learner is back on the screen, with a live course', () => {
    const s = toCheck(new CourseSession(broken, { lang: 'fr', seed: 3 }));
    const before = s.save();
    const errors: unknown[] = [];
    s.onError((e) => errors.push(e));
    s.send(answer);
    const out = s.restore(s.save());
    expect(out).toMatchObject({ status: 'resumed', changed: false });
    expect(s.failed).toBe(false);
    expect(s.snapshot.status).toBe('active');
    expect(placeOf(broken, s.snapshot)).toBe(CHECK);
    expect(s.save()).toBe(before);
    // The same step fails the same way, and is observed again rather than lost.
    expect(s.send(answer)).toBe(false);
    expect(errors).toHaveLength(2);
  });

  it('while replaying, stops the replay at the step before it, with a live session', () => {
    const good = toCheck(new CourseSession(def, { lang: 'fr', seed: 3 }));
    expect(good.send(answer)).toBe(true);
    expect(good.send({ type: 'nav.next' })).toBe(true);
    const errors: unknown[] = [];
    const s = new CourseSession(broken, { lang: 'fr' });
    s.onError((e) => errors.push(e));
    const out = s.restore(good.save());
    expect(out.status).toBe('partial');
    expect(placeOf(broken, s.snapshot)).toBe(CHECK);
    expect(s.snapshot.status).toBe('active');
    expect(s.failed).toBe(false);
    expect(errors).toEqual([]);
  });
});
