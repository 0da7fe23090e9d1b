/**
 * Full runs against a strict LMS written from the specifications: every value the adapter
 * writes must be accepted, in each version's vocabulary, format and field order.
 */
import { describe, expect, test } from 'vitest';
import { dialectOf } from '../../src/lms/dialect-of.ts';
import { walkWithAdapter, type Strategy } from '../../src/app/dev/course-walker.ts';
import { ScormAdapter } from '../../src/lms/scorm-adapter.ts';
import { ScormApi, type Api12, type Api2004 } from '../../src/lms/scorm-api.ts';
import { course, ManualTimers } from './helpers.ts';
import { StrictLms, type Version } from './strict-lms.ts';

const strategies: [string, Strategy][] = [
  ['best path, passed', {}],
  ['every wrong option first, wrong checks, two failed attempts', { decisions: 'wrong-first', checks: 'wrong', failedAttempts: 2 }],
  ['failed and left there', { giveUp: true }],
];

function run(version: Version, strategy: Strategy, track: string) {
  const { def } = course();
  const lms = new StrictLms(version, version === '1.2' ? { 'cmi.core.student_id': 'u1', 'cmi.student_data.mastery_score': '75' } : { 'cmi.learner_id': 'u1' });
  const timers = new ManualTimers();
  const api = new ScormApi(version, lms.api() as unknown as Api12 & Api2004, () => {});
  const adapter = new ScormAdapter(api, def, { dialect: dialectOf(version), timers });
  adapter.useText((k) => `text of ${k}`, () => 'en');
  walkWithAdapter(def, adapter, { ...strategy, track }, { now: () => (timers.advance(1234), timers.now()) });
  return { lms, adapter, timers };
}

describe.each(['1.2', '2004'] as const)('SCORM %s under a strict LMS', (version) => {
  const { def } = course();
  for (const [name, strategy] of strategies) {
    for (const track of def.tracks.map((t) => t.id)) {
      test(`${name}, track ${track}: nothing refused`, async () => {
        const { lms, timers } = run(version, strategy, track);
        await Promise.resolve();
        timers.advance(60000);
        expect(lms.refused).toEqual([]);
        const sets = lms.calls.filter((c) => /SetValue/.test(c.fn));
        expect(sets.length).toBeGreaterThan(10);
      });
    }
  }

  test('interaction fields: id first, then (2004) type before anything that depends on it', () => {
    const { lms } = run(version, { decisions: 'wrong-first' }, def.tracks[0].id);
    const seen = new Map<string, string[]>();
    for (const c of lms.calls) {
      const m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(c.element ?? '');
      if (m && /SetValue/.test(c.fn)) seen.set(m[1], [...(seen.get(m[1]) ?? []), m[2]]);
    }
    expect(seen.size).toBeGreaterThan(3);
    for (const fields of seen.values()) {
      expect(fields[0]).toBe('id');
      if (version === '2004') expect(fields[1]).toBe('type');
      const response = fields.findIndex((f) => /response|pattern/.test(f));
      expect(fields.indexOf('type')).toBeLessThan(response === -1 ? Infinity : response);
      expect(fields.indexOf('result')).toBeGreaterThan(fields.indexOf('type'));
    }
  });

  test('1.2 order on exit: status and session time, then commit, then finish; nothing after', async () => {
    const { lms } = run(version, {}, def.tracks[0].id);
    await Promise.resolve();
    const fns = lms.calls.map((c) => `${c.fn}${c.element ? ' ' + c.element : ''}`);
    const fin = fns.findIndex((f) => /^(LMSFinish|Terminate)/.test(f));
    expect(fin).toBe(fns.length - 1);
    expect(fns[fin - 1]).toMatch(/^(LMSCommit|Commit)$/);
    const tail = fns.slice(0, fin - 1);
    const sessionTime = tail.map((f) => /session_time/.test(f)).lastIndexOf(true);
    const exit = tail.map((f) => / cmi\.(core\.)?exit$/.test(f)).lastIndexOf(true);
    expect(sessionTime).toBeGreaterThan(-1);
    expect(exit).toBeGreaterThan(-1);
    expect(lms.store.get(version === '1.2' ? 'cmi.core.exit' : 'cmi.exit')).toBe(version === '1.2' ? '' : 'normal');
  });
});

describe('the strict LMS itself refuses what strict LMSs refuse', () => {
  const started = (v: Version) => {
    const lms = new StrictLms(v);
    lms.init('init');
    return lms;
  };
  test.each([
    ['1.2', 'cmi.core.session_time', '0:3:00'],
    ['1.2', 'cmi.suspend_data', 'x'.repeat(4097)],
    ['1.2', 'cmi.core.lesson_status', 'not attempted'],
    ['2004', 'cmi.session_time', 'P0S'],
    ['2004', 'cmi.session_time', 'PT50S.21S'],
    ['2004', 'cmi.completion_status', 'passed'],
  ] as const)('%s %s = %s', (v, el, value) => {
    const lms = started(v);
    expect(lms.set('set', el, value)).toBe('false');
  });
  test('1.2: result "incorrect", dotted ids, choice responses that are not single characters', () => {
    const lms = started('1.2');
    expect(lms.set('s', 'cmi.interactions.0.id', 'scn.a.b')).toBe('false');
    expect(lms.set('s', 'cmi.interactions.0.result', 'wrong')).toBe('false'); // before its id
    expect(lms.set('s', 'cmi.interactions.0.id', 'scn_a_b')).toBe('true');
    expect(lms.set('s', 'cmi.interactions.0.result', 'incorrect')).toBe('false');
    expect(lms.set('s', 'cmi.interactions.0.type', 'choice')).toBe('true');
    expect(lms.set('s', 'cmi.interactions.0.student_response', 'decline')).toBe('false');
    expect(lms.set('s', 'cmi.interactions.0.student_response', 'a,c')).toBe('true');
  });
  test('2004: type before responses, [,] between choices, 250-character descriptions', () => {
    const lms = started('2004');
    expect(lms.set('s', 'cmi.interactions.0.id', 'asm_x')).toBe('true');
    expect(lms.set('s', 'cmi.interactions.0.learner_response', 'a')).toBe('false');
    expect(lms.set('s', 'cmi.interactions.0.type', 'choice')).toBe('true');
    expect(lms.set('s', 'cmi.interactions.0.learner_response', 'a,b')).toBe('false');
    expect(lms.set('s', 'cmi.interactions.0.learner_response', 'a[,]b')).toBe('true');
    expect(lms.set('s', 'cmi.interactions.0.description', '{lang=fr}' + 'é'.repeat(251))).toBe('false');
  });
});

describe('values recorded in a full run', () => {
  test.each(['1.2', '2004'] as const)('%s: passed, score 100, every module completed, one interaction per answer', async (version) => {
    const { def } = course();
    const { lms } = run(version, {}, def.tracks[0].id);
    await Promise.resolve();
    const get = (el: string) => lms.store.get(el);
    if (version === '1.2') {
      expect(get('cmi.core.lesson_status')).toBe('passed');
      expect(get('cmi.core.score.raw')).toBe('100');
    } else {
      expect([get('cmi.completion_status'), get('cmi.success_status'), get('cmi.score.scaled'), get('cmi.progress_measure')]).toEqual(['completed', 'passed', '1', '1']);
    }
    const statusKey = version === '1.2' ? 'status' : 'completion_status';
    const objectives = [...lms.store].filter(([k]) => /^cmi\.objectives\.\d+\.id$/.test(k)).map(([k, id]) => [id, get(k.replace(/id$/, statusKey))]);
    for (const [id, status] of objectives.filter(([id]) => id!.startsWith('mod_'))) expect([id, status]).toEqual([id, 'completed']);
    expect(objectives.map(([id]) => id)).toContain(`trk_${def.tracks[0].id}`);
  });
});
