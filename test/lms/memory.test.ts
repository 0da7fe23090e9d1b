/** The memory twin records what a course sends, so application-level tests need no LMS. */
import { expect, test } from 'vitest';
import { MemoryAdapter } from '../../src/lms/memory.ts';
import { walkWithAdapter } from '../../src/app/dev/course-walker.ts';
import { course } from './helpers.ts';

test('a full run through the memory twin: saves, events, finish; then it resumes from its save', async () => {
  const { def } = course();
  const memory = new MemoryAdapter();
  walkWithAdapter(def, memory, {});
  expect(memory.finished).toBe(true);
  expect(memory.events.map((e) => e.event.type)).toContain('course.attested');
  expect(memory.saved?.journey).toMatch(/^J2~/);
  const again = new MemoryAdapter({ suspendData: memory.saved!.journey });
  expect(again.start().suspendData).toBe(memory.saved!.journey);
  const notices: string[] = [];
  again.notify('lms-lost');
  again.onNotice((n) => notices.push(n.kind));
  again.notify('lms-restored');
  expect(notices).toEqual(['lms-lost', 'lms-restored']);
});
