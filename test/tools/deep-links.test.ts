/**
 * Deep links of the author preview: every module, page, scenario, node and option feedback
 * of every course opens by address, through the real engine (a CourseSession replaying the
 * shortest learner journey the engine's graph finds), and a wrong address says what exists.
 */
import { describe, expect, it } from 'vitest';
import { CourseSession } from '../../src/engine/session.ts';
import { positionOf } from '../../src/engine/position.ts';
import type { CourseContext } from '../../src/engine/machine.ts';
import { createCourseMachine } from '../../src/engine/machine.ts';
import { findPath } from '../../src/tools/graph/find-path.ts';
import { isAt, type Target } from '../../src/tools/graph/target.ts';
import { jump } from '../../src/tools/preview/jump.ts';
import { readParams, targetOf, writeParams } from '../../src/tools/preview/params.ts';
import { compiled, courses, SAMPLE } from './helpers.ts';

function everyTarget(c: ReturnType<typeof courses>[number]['c']): Target[] {
  const def = c.definition;
  const out: Target[] = [];
  for (const m of def.modules) {
    out.push({ module: m.id });
    for (const s of m.steps) {
      if (s.kind === 'page') out.push({ module: m.id, step: s.id });
      else if (s.kind === 'check') out.push({ module: m.id, step: s.item });
      else {
        for (const n of Object.values(def.scenarios[s.id].nodes)) {
          out.push({ module: m.id, scenario: s.id, node: n.id });
          if (n.kind === 'decision') for (const o of n.options) out.push({ module: m.id, scenario: s.id, node: n.id, option: o.id });
        }
      }
    }
  }
  return out;
}

describe('deep links', () => {
  for (const { name, c } of courses()) {
    it(`opens every module, page, check, node and option of the ${name} course`, () => {
      const def = c.definition;
      const machine = createCourseMachine(def);
      const targets = everyTarget(c);
      expect(targets.length).toBeGreaterThan(10);
      for (const t of targets) {
        const found = findPath(def, t, {}, machine);
        if (!found.ok) throw new Error(`${JSON.stringify(t)}: ${found.reason}`);
        // Played by a real session, the journey lands where the link says.
        const session = new CourseSession(def, { lang: 'en', seed: 7 });
        for (const e of found.events) expect(session.send(e), `${JSON.stringify(t)} ${e.type}`).toBe(true);
        expect(isAt(positionOf(def, session.snapshot), t), JSON.stringify(t)).toBe(true);
      }
    });
  }

  it('presets the track and programme, and finds a track-only scenario without one', () => {
    const def = compiled(SAMPLE)!.definition;
    const session = new CourseSession(def, { lang: 'fr', presetTrack: 'minors' });
    const r = jump(session, { scenario: 'late-night-dm', node: 'secret' }, { programme: 'youth' });
    expect(r).toMatchObject({ ok: true, track: 'minors', programme: 'youth' });
    const ctx = session.snapshot.context as CourseContext;
    expect([ctx.track, ctx.programme]).toEqual(['minors', 'youth']);
    expect(positionOf(def, session.snapshot).node?.id).toBe('secret');
    // No track given: the first track whose learners meet the scenario is used.
    expect(findPath(def, { scenario: 'late-night-dm' })).toMatchObject({ ok: true, track: 'minors' });
  });

  it('says what exists when a link is wrong', () => {
    const def = compiled(SAMPLE)!.definition;
    const reason = (t: Target, p = {}) => {
      const r = findPath(def, t, p);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason({ scenario: 'birthday-envelop' })).toMatch(/unknown scenario "birthday-envelop" \(scenarios: birthday-envelope, late-night-dm\)/);
    expect(reason({ scenario: 'birthday-envelope', node: 'cards' })).toMatch(/unknown node "cards" in scenario "birthday-envelope" \(nodes: intro, card,/);
    expect(reason({ scenario: 'birthday-envelope', node: 'card', option: 'keep' })).toMatch(/unknown option "keep" at "card" \(options: take-all, keep-card, donate\)/);
    expect(reason({ module: 'nope' })).toMatch(/unknown module "nope"/);
    expect(reason({ node: 'card' })).toMatch(/needs its scenario/);
    expect(reason({ scenario: 'late-night-dm' }, { track: 'standard' })).toMatch(/no learner of track "standard" reaches scenario "late-night-dm"/);
    expect(reason({ scenario: 'late-night-dm' }, { track: 'teachers' })).toMatch(/unknown track "teachers" \(tracks: standard, minors\)/);
    expect(reason({ scenario: 'late-night-dm' }, { programme: 'x' })).toMatch(/unknown programme "x"/);
  });

  it('reads and writes preview addresses, and names the screen a session is on', () => {
    const p = readParams('?lang=en&track=minors&programme=youth&module=m4&scenario=birthday-envelope&node=dp2');
    expect(p).toEqual({ lang: 'en', track: 'minors', programme: 'youth', target: { module: 'm4', scenario: 'birthday-envelope', node: 'dp2' }, map: undefined });
    expect(readParams(writeParams(p))).toEqual(p);
    expect(readParams('?map')).toMatchObject({ map: true, target: null });
    expect(writeParams({ lang: 'fr', map: true })).toBe('?lang=fr&map');
    expect(readParams('?lang=de').lang).toBeUndefined();

    const def = compiled(SAMPLE)!.definition;
    const session = new CourseSession(def, { lang: 'en' });
    expect(jump(session, { scenario: 'birthday-envelope', node: 'card', option: 'donate' }).ok).toBe(true);
    expect(targetOf(positionOf(def, session.snapshot))).toEqual({ module: 'sample-gifts-and-minors', scenario: 'birthday-envelope', node: 'card', option: 'donate' });
    // The journey a jump leaves is an ordinary one: saved and restored, it comes back to the same screen.
    const again = new CourseSession(def, { lang: 'en' });
    expect(again.restore(session.save()).status).toBe('resumed');
    expect(targetOf(positionOf(def, again.snapshot))).toEqual(targetOf(positionOf(def, session.snapshot)));
  });
});
