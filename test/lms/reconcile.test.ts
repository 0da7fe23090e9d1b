/** Which journey wins at launch: the one that extends the other, whatever the format keeps at a run's end. */
import { describe, expect, test } from 'vitest';
import { CourseSession } from '../../src/engine/session.ts';
import { eventCount, extendsJourney, reconcile } from '../../src/lms/reconcile.ts';
import { nextEvent } from '../../src/app/dev/course-walker.ts';
import { course } from './helpers.ts';

const { def } = course();

/** Two saves of a learner in a run of "next" after "next" (the second one step further). */
function inARun(seed: number): [string, string, string] {
  const s = new CourseSession(def, { lang: 'fr', seed });
  const started = (s.send({ type: 'course.start' }), s.save());
  let last = '';
  for (let i = 0; i < 40; i++) {
    const e = nextEvent(def, s.snapshot, { track: def.tracks[0].id })!;
    const before = s.save();
    s.send(e);
    if (e.type === 'nav.next' && last === 'nav.next') return [started, before, s.save()];
    last = e.type;
  }
  throw new Error('no two pages in a row at the start of the course');
}

describe('reconcile', () => {
  const [started, three, four] = inARun(7);
  test('a run of "next" that goes on still extends the shorter one (its checkpoint moved)', () => {
    expect(three).not.toBe(four);
    expect(four.startsWith(three)).toBe(false); // not a prefix as text: the run's count and checkpoint changed
    expect(extendsJourney(four, three)).toBe(true);
    expect(reconcile(three, four)).toBe('browser');
    expect(reconcile(four, three)).toBe('lms');
    expect(reconcile(four, four)).toBe('lms');
  });
  test('another learner\'s seed, or a step that differs, is apart', () => {
    const other = inARun(8)[2];
    expect(reconcile(four, other)).toBe('apart');
    expect(reconcile(started, three.replace(/~fr~/, '~en~'))).toBe('browser'); // a language switch is not a step
  });
  test('nothing kept, or an unreadable copy, leaves the LMS\'s journey', () => {
    expect(reconcile(four, null)).toBe('lms');
    expect(reconcile(null, four)).toBe('browser');
    expect(reconcile(four, 'J9~garbage')).toBe('apart');
    expect(eventCount('J9~garbage')).toBe(0);
    expect(eventCount(four)).toBeGreaterThan(eventCount(three));
  });
});
