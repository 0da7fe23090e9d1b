/**
 * What the first screen reads of a cmi5 launch (lms/cmi5/peek.ts): the token once, the
 * learner's language and saved journey as the adapter reads them, and "cannot tell" when this
 * browser keeps unconfirmed work or the LRS fails.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PEEK_PENDING_PREFIX, PEEK_STATE_ID, peekCmi5 } from '../../src/lms/cmi5/peek.ts';
import { STATE_ID } from '../../src/lms/cmi5/cmi5-adapter.ts';
import { CMI5_PENDING_PREFIX } from '../../src/lms/cmi5/outbox.ts';

const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'u1' } };
const search = `?endpoint=${encodeURIComponent('https://lrs.example/xapi')}&fetch=${encodeURIComponent('https://lms.example/token')}&actor=${encodeURIComponent(JSON.stringify(actor))}&registration=r1&activityId=${encodeURIComponent('https://course.example/au')}`;

/** An LRS answering the token, the learner preferences and the State document. */
function lrs(o: { state?: unknown; status?: number; language?: string }) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${url}`);
    if (url.startsWith('https://lms.example/token')) return new Response(JSON.stringify({ 'auth-token': 'T0K' }));
    expect(new Headers(init?.headers).get('Authorization')).toBe('Basic T0K');
    if (url.includes('/agents/profile?')) return o.language ? new Response(JSON.stringify({ languagePreference: o.language })) : new Response('', { status: 404 });
    if (url.includes('/activities/state?')) return o.state ? new Response(JSON.stringify(o.state)) : new Response('', { status: o.status ?? 404 });
    return new Response('', { status: 500 });
  });
  return calls;
}
const storage = (keys: string[]) => vi.stubGlobal('localStorage', { length: keys.length, key: (i: number) => keys[i] ?? null });

afterEach(() => vi.unstubAllGlobals());

describe('cmi5 peek', () => {
  test('names what the adapter uses', () => {
    expect(PEEK_STATE_ID).toBe(STATE_ID);
    expect(PEEK_PENDING_PREFIX).toBe(CMI5_PENDING_PREFIX);
  });

  test('a return: the token once, the language preference, the saved journey', async () => {
    storage([]);
    const calls = lrs({ state: { v: 1, journey: 'J2~x', passed: false, completed: false }, language: 'fr-CA, en' });
    const peek = await peekCmi5(search, 'c1');
    expect(peek).toEqual({
      read: { token: 'T0K', language: 'fr-CA', state: { v: 1, journey: 'J2~x', passed: false, completed: false } },
      learnerId: 'https://lms.example|u1',
      journey: { known: true, value: 'J2~x' },
    });
    expect(calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
    expect(calls.some((c) => c.includes(`stateId=${PEEK_STATE_ID}`) && c.includes('registration=r1') && c.startsWith('GET https://lrs.example/xapi/activities/state?'))).toBe(true);
  });

  test('a first launch (no State document): no journey', async () => {
    storage([]);
    lrs({});
    const peek = await peekCmi5(search, 'c1');
    expect(peek?.journey).toEqual({ known: true, value: null });
    expect(peek?.read).toEqual({ token: 'T0K', language: null, state: null });
  });

  test('cannot tell when the LRS fails or this browser keeps unconfirmed work', async () => {
    storage([]);
    lrs({ status: 503 });
    const failed = await peekCmi5(search, 'c1');
    expect(failed?.journey).toEqual({ known: false });
    // What could not be read is left to the adapter to read.
    expect(failed?.read).toEqual({ token: 'T0K', language: null });
    storage([`${CMI5_PENDING_PREFIX}c1:https://lms.example|u1:r1`]);
    lrs({ state: { v: 1, journey: 'J2~x' } });
    expect((await peekCmi5(search, 'c1'))?.journey).toEqual({ known: false });
  });

  test('no launch parameters, or no token: nothing', async () => {
    expect(await peekCmi5('?x=1', 'c1')).toBeNull();
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 401 }));
    expect(await peekCmi5(search, 'c1')).toBeNull();
  });
});
