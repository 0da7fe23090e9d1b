/**
 * Full runs against a strict LMS written from the specifications: every value the adapter
 * writes must be accepted, in each version's vocabulary, format and field order.
 */
import { describe, expect, test } from 'vitest';
import { walkWithAdapter, type Strategy } from '../../src/lms/dev/course-walker.ts';
import { ScormAdapter } from '../../src/lms/scorm-adapter.ts';
import { ScormApi, type Api12, type Api2004 } from '../../src/lms/scorm-api.ts';
import { course, ManualTimers } from './helpers.ts';
import { StrictLms, type Version } from './strict-lms.ts';

const strategies: [string, Strategy][] = [
  ['best path, passed', {}],
  ['every wrong option first, wrong checks, two failed attempts', { decisions: 'wrong-first', checks: 'wrong', failedAttempts: 2 }],
  ['failed and left there', { failedAttempts: Infinity }],
];

function run(version: Version, strategy: Strategy, track: string) {
  const { def } = course();
  const lms = new StrictLms(version, version === '1.2' ? { 'cmi.core.student_id': 'u1', 'cmi.student_data.mastery_score': '75' } : { 'cmi.learner_id': 'u1' });
  const timers = new ManualTimers();
  const api = new ScormApi(version, lms.api() as unknown as Api12 & Api2004, () => {});
  const adapter = new ScormAdapter(api, def, { timers });
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
    const sessionTime = tail.findLastIndex((f) => /session_time/.test(f));
    const exit = tail.findLastIndex((f) => / cmi\.(core\.)?exit$/.test(f));
    expect(sessionTime).toBeGreaterThan(-1);
    expect(exit).toBeGreaterThan(-1);
    expect(lms.store.get(version === '1.2' ? 'cmi.core.exit' : 'cmi.exit')).toBe(version === '1.2' ? '' : 'normal');
  });
});
