/**
 * The specification's limits, kept by the adapter itself: scorm-again would accept 64000
 * characters of 1.2 suspend data, a strict LMS stops at 4096.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { dialectOf } from '../../src/lms/dialect-of.ts';
import { ScormAdapter } from '../../src/lms/scorm-adapter.ts';
import { ScormApi, type Api12, type Api2004 } from '../../src/lms/scorm-api.ts';
import { dialect12, response12 } from '../../src/lms/dialect-12.ts';
import { dialect2004, langString, response2004 } from '../../src/lms/dialect-2004.ts';
import type { InteractionRecord } from '../../src/lms/records.ts';
import { LIMITS } from '../../src/lms/vocabulary.ts';
import { adapterFor, cmiOf, course, installLocalStorage, list, ManualTimers, scormAgain } from './helpers.ts';
import { StrictLms, type Version } from './strict-lms.ts';

beforeEach(() => void installLocalStorage());
const { def } = course();

const journey = (n: number) => `J1~0.1.0~fr~1~s${'n'.repeat(Math.max(0, n - 15))}`;

function launch(version: Version, data: Record<string, string> = {}) {
  const lms = new StrictLms(version, { [version === '1.2' ? 'cmi.core.student_id' : 'cmi.learner_id']: 'u1', ...data });
  const log: string[] = [];
  const adapter = new ScormAdapter(new ScormApi(version, lms.api() as unknown as Api12 & Api2004, (m) => log.push(m)), def, { dialect: dialectOf(version), timers: new ManualTimers(), log: (m) => log.push(m) });
  const notices: string[] = [];
  adapter.onNotice((n) => notices.push(n.kind));
  return { lms, adapter, log, notices };
}

describe('1.2 suspend data: at most 4096 characters, even where the LMS would take more', () => {
  test('scorm-again itself takes 5000 characters (so the adapter must refuse them)', () => {
    const { api } = scormAgain('1.2');
    api.lmsInitialize();
    expect(api.lmsSetValue('cmi.suspend_data', 'x'.repeat(5000))).toBe('true');
  });

  test('a longer journey is not sent: the LMS keeps the last one that fit, this browser keeps all', () => {
    const first = launch('1.2');
    first.adapter.start();
    first.adapter.save({ journey: journey(4096), location: 'm/1', progress: 0.5 });
    expect(first.lms.store.get('cmi.suspend_data')).toHaveLength(4096);
    first.adapter.save({ journey: journey(5000), location: 'm/2', progress: 0.6 });
    first.adapter.flush();
    expect(first.lms.refused).toEqual([]);
    expect(first.lms.store.get('cmi.suspend_data')).toHaveLength(4096);
    expect(first.lms.store.get('cmi.core.lesson_location')).toBe('m/2');
    expect(first.notices).toEqual(['local-only']);
    expect(first.log.join('\n')).toMatch(/5000 characters is over the 4096/);
    first.adapter.end();

    // Next launch in the same browser: the whole journey comes back.
    const again = launch('1.2', Object.fromEntries(first.lms.commits[first.lms.commits.length - 1]));
    expect(again.adapter.start().suspendData).toBe(journey(5000));
  });

  test('2004 takes up to 64000', () => {
    const { lms, adapter } = launch('2004');
    adapter.start();
    adapter.save({ journey: journey(64000), location: 'm/1', progress: 0.5 });
    expect(lms.store.get('cmi.suspend_data')).toHaveLength(64000);
    adapter.save({ journey: journey(64001), location: 'm/1', progress: 0.5 });
    expect(lms.store.get('cmi.suspend_data')).toHaveLength(64000);
  });
});

describe('other limits', () => {
  test.each(['1.2', '2004'] as const)('%s: the location is cut to its limit', (v) => {
    const { lms, adapter } = launch(v);
    adapter.start();
    adapter.save({ journey: journey(20), location: 'x'.repeat(2000), progress: 0 });
    expect(lms.store.get(v === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location')).toHaveLength(LIMITS[v].location);
  });

  test('2004 descriptions: at most 250 characters, no language tag an LMS would show', () => {
    // No `{lang=…}` in front: LMS screens show it literally.
    expect(langString('é'.repeat(300), 'fr')).toBe('é'.repeat(250));
    expect(langString('{curly} start', 'en')).toBe(' {curly} start');
  });

  const answer = (adapter: { report: ScormAdapter['report'] }) => {
    const item = Object.values(def.items)[0];
    const form = item.forms[0];
    adapter.report({ event: { type: 'item.answered', item: item.id, form: form.id, section: null, itemType: item.type, selected: [form.options[0].id], correctOptions: [form.options[0].id], correct: true, critical: false, objective: item.objective }, at: 0, latencyMs: 0 });
  };

  test.each(['1.2', '2004'] as const)('%s: an LMS at the minimum of 250 interactions refuses the 251st: logged once, not retried', (v) => {
    const { lms, adapter, log, notices } = launch(v);
    lms.maxInteractions = 250;
    adapter.start();
    for (let i = 0; i < 260; i++) answer(adapter);
    const ids = [...lms.store.keys()].filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k));
    expect(ids).toHaveLength(250);
    expect(lms.refused).toHaveLength(1);
    expect(log.filter((m) => /no more than 250 interactions/.test(m))).toHaveLength(1);
    expect(adapter.state).toBe('live');
    expect(notices).toEqual([]);
  });

  test('an LMS that takes more (scorm-again) gets them all', () => {
    const { api } = scormAgain('2004');
    const { adapter } = adapterFor('2004', api, def);
    adapter.start();
    for (let i = 0; i < 260; i++) answer(adapter);
    expect(list(cmiOf(api).interactions)).toHaveLength(260);
  });
});

describe('responses in each version', () => {
  const r = (type: InteractionRecord['type'], options: string[]): InteractionRecord => ({ id: ['x'], type, options, response: [], correct: null, result: 'neutral', objectives: [], at: 0, latencyMs: 0, description: '', lang: 'fr' });
  test('1.2: option letters in the order of the course file; t/f', () => {
    const choice = r('choice', ['decline', 'accept-small', 'accept-once', 'give-team']);
    expect(response12(choice, ['decline'])).toBe('a');
    expect(response12(choice, ['give-team', 'accept-small'])).toBe('d,b');
    expect(response12(r('true-false', ['true', 'false']), ['false'])).toBe('f');
  });
  test('1.2: more than 36 options cannot be said, the response is left out', () => {
    const many = r('choice', Array.from({ length: 40 }, (_, i) => `o${i}`));
    expect(response12(many, ['o35'])).toBe('9');
    expect(response12(many, ['o36'])).toBe(null);
  });
  test('2004: option ids joined by [,]; true/false', () => {
    expect(response2004(r('choice', ['card', 'cookies']), ['card', 'cookies'])).toBe('card[,]cookies');
    expect(response2004(r('true-false', ['true', 'false']), ['true'])).toBe('true');
  });
  test('result words: wrong in 1.2, incorrect in 2004', () => {
    const rec = { ...r('choice', ['a', 'b']), response: ['b'], correct: ['a'], result: 'incorrect' as const };
    expect(dialect12.interaction(0, rec)).toContainEqual(['cmi.interactions.0.result', 'wrong']);
    expect(dialect2004.interaction(0, rec)).toContainEqual(['cmi.interactions.0.result', 'incorrect']);
  });
});
