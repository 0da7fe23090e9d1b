/**
 * What start-up reads from the LMS before the adapter loads (lms/launch-peek.ts): the same
 * elements the dialects read, one Initialize shared with the adapter, and a browser that
 * keeps anything of the course is never taken for a first launch.
 */
import { describe, expect, test } from 'vitest';
import { PEEK_ELEMENTS, launchJourney, peekLaunch, type LaunchPeek } from '../../src/lms/launch-peek.ts';
import { dialect12 } from '../../src/lms/dialect-12.ts';
import { dialect2004 } from '../../src/lms/dialect-2004.ts';
import { LOCAL_KEY_PREFIX } from '../../src/lms/local.ts';
import { STORE_PREFIX } from '../../src/lms/unconfirmed-store.ts';
import { writerName } from '../../src/app/single-writer.ts';
import { StrictLms } from './strict-lms.ts';

describe('launch peek', () => {
  test('reads the elements the dialects read', () => {
    for (const d of [dialect12, dialect2004]) {
      expect(PEEK_ELEMENTS[d.version].learnerId).toBe(d.read.learnerId);
      expect(PEEK_ELEMENTS[d.version].language).toBe(d.read.language);
      expect(PEEK_ELEMENTS[d.version].entry).toBe(d.read.entry);
      expect(PEEK_ELEMENTS[d.version].suspendData).toBe(d.read.suspendData);
    }
  });

  test.each(['1.2', '2004'] as const)('SCORM %s: one Initialize, whether the adapter asks again or not', (version) => {
    const lms = new StrictLms(version, version === '1.2' ? { 'cmi.core.student_id': 'u1', 'cmi.suspend_data': 'j' } : { 'cmi.learner_id': 'u1', 'cmi.suspend_data': 'j' });
    const top = { [version === '1.2' ? 'API' : 'API_1484_11']: lms.api() } as Record<string, unknown>;
    top.parent = top;
    const peek = peekLaunch({ parent: top } as unknown as Window);
    expect(peek).toMatchObject({ opened: true, learnerId: 'u1', suspendData: 'j' });
    expect(peek.api!.init().ok).toBe(true);
    expect(lms.calls.filter((c) => /Initialize$/.test(c.fn))).toHaveLength(1);
  });

  test.each(['1.2', '2004'] as const)('SCORM %s, first attempt: suspend data is not read (a 2004 LMS calls that an error)', (version) => {
    const lms = new StrictLms(version, version === '1.2' ? { 'cmi.core.entry': 'ab-initio' } : { 'cmi.entry': 'ab-initio' });
    const top = { [version === '1.2' ? 'API' : 'API_1484_11']: lms.api() } as Record<string, unknown>;
    top.parent = top;
    expect(peekLaunch({ parent: top } as unknown as Window)).toMatchObject({ opened: true, suspendData: null });
    expect(lms.calls.filter((c) => c.element === 'cmi.suspend_data')).toEqual([]);
    expect(lms.refused).toEqual([]);
  });

  test('no LMS: opened, nothing saved there', () => {
    expect(peekLaunch({ parent: null, opener: null } as unknown as Window)).toMatchObject({ api: null, opened: true, suspendData: null });
  });

  test('the journey a launch resumes: the browser\'s without an LMS, the LMS\'s unless this browser keeps work it may not have', () => {
    const kv = (entries: Record<string, string>) => ({ length: Object.keys(entries).length, key: (i: number) => Object.keys(entries)[i] ?? null, getItem: (k: string) => entries[k] ?? null });
    const noLms: LaunchPeek = { api: null, opened: true, learnerId: null, language: null, suspendData: null };
    expect(launchJourney('c1', noLms, kv({}))).toEqual({ known: true, journey: null });
    expect(launchJourney('c1', noLms, kv({ [`${LOCAL_KEY_PREFIX}c1`]: 'J2~a', [`${LOCAL_KEY_PREFIX}c2`]: 'J2~b' }))).toEqual({ known: true, journey: 'J2~a' });
    const lms = { ...noLms, api: {} as LaunchPeek['api'], learnerId: 'u1', suspendData: 'J2~lms' };
    expect(launchJourney('c1', lms, kv({}))).toEqual({ known: true, journey: 'J2~lms' });
    // A writer's claim and copy, and the last learner seen, say nothing of this launch's journey.
    expect(launchJourney('c1', lms, kv({ [`${writerName('c1', 'u1')}:journey`]: 'J2~x', [`${STORE_PREFIX}c1:last-learner`]: 'u1' }))).toEqual({ known: true, journey: 'J2~lms' });
    expect(launchJourney('c1', lms, kv({ [`${STORE_PREFIX}c1:learner:u1`]: '{}' }))).toEqual({ known: false });
    expect(launchJourney('c1', lms, kv({ [`${LOCAL_KEY_PREFIX}c1`]: 'J2~a' }))).toEqual({ known: false });
    // What this browser keeps of other courses does not count.
    expect(launchJourney('c1', lms, kv({ [`${LOCAL_KEY_PREFIX}c2`]: 'J2~b', [`${STORE_PREFIX}c2:learner:u1`]: '{}', [`course-lms-backup:c2:u1`]: '{}' }))).toEqual({ known: true, journey: 'J2~lms' });
    expect(launchJourney('c1', lms, kv({ [`course-lms-backup:c1:u1`]: '{}' }))).toEqual({ known: false });
  });
});
