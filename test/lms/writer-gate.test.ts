/**
 * The single-writer gate's copy of the journey (src/app/writer-gate.ts): kept beside an LMS,
 * whose window launched with an older journey; not kept beside the adapter without an LMS,
 * whose own browser copy any tab reads.
 */
import { describe, expect, test } from 'vitest';
import { WriterGate } from '../../src/app/writer-gate.ts';
import { LocalAdapter, LOCAL_KEY_PREFIX } from '../../src/lms/local.ts';
import { MemoryAdapter } from '../../src/lms/memory.ts';
import { installLocalStorage } from './helpers.ts';

const point = (journey: string) => ({ journey, location: 'm1/0', progress: 0.1 });

describe('writer gate', () => {
  test('without an LMS: one browser write per save, and a tab taking over reads the adapter\'s copy', () => {
    const storage = installLocalStorage();
    const gate = new WriterGate(new LocalAdapter('c1'), 'course-writer:c1:-:journey');
    gate.start();
    const writes: string[] = [];
    const setItem = localStorage.setItem.bind(localStorage);
    localStorage.setItem = (k: string, v: string) => (writes.push(k), setItem(k, v));
    gate.save(point('J2~a'));
    gate.save(point('J2~ab'));
    expect(writes).toEqual([`${LOCAL_KEY_PREFIX}c1`, `${LOCAL_KEY_PREFIX}c1`]);
    expect([...storage.keys()]).toEqual([`${LOCAL_KEY_PREFIX}c1`]);
    expect(new WriterGate(new LocalAdapter('c1'), 'course-writer:c1:-:journey').latest()).toBe('J2~ab');
  });

  test('beside an LMS: the journey saved last is kept for a tab taking over; nothing while another tab writes', () => {
    installLocalStorage();
    const gate = new WriterGate(new MemoryAdapter({ suspendData: 'J2~lms' }), 'course-writer:c1:u1:journey');
    gate.start();
    expect(gate.latest()).toBe('J2~lms');
    gate.save(point('J2~x'));
    expect(new WriterGate(new MemoryAdapter(), 'course-writer:c1:u1:journey').latest()).toBe('J2~x');
    gate.stop();
    gate.save(point('J2~xy'));
    expect(gate.latest()).toBe('J2~x');
  });
});
