/**
 * The built cmi5 package in Chromium against the local LRS (in memory, started here):
 * a whole run (order, cmi5 rules, every decision and answer, score and success), resume
 * from the State resource after a closed tab, and an LRS that fails and comes back.
 * Every stored statement is checked with Learning Locker's xAPI validator.
 */
import { describe, expect, test } from 'vitest';

import { readFileSync } from 'node:fs';
import { useBrowser } from './browser.ts';
import { course } from '../lms/helpers.ts';
import { CourseDriver } from './lms-driver.ts';
import { openAu, startCmi5Harness } from './cmi5-harness.ts';
import { moveOnFor } from '../../src/build/package-cmi5.ts';
import { passingScore } from '../../src/build/package-manifest.ts';
import { positionOf } from '../../src/engine/position.ts';
import { decodeJourney, eventOf } from '../../src/engine/journey.ts';
import { CourseSession } from '../../src/engine/session.ts';
import type { DomainEvent } from '../../src/engine/events.ts';
import { statementProblems, type StoredStatement } from '../../src/preview/lrs/lrs.ts';
import type { CourseSnapshot } from '../../src/engine/machine.ts';
import { stateKey } from '../../src/engine/graph.ts';

const { def, content } = course();
const LONG = 600_000;
const env = useBrowser(() => startCmi5Harness(def, content));
const ui = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/ui.json`, 'utf8'));

const ADL = 'http://adlnet.gov/expapi/verbs/';
const CAT_CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const CAT_MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const BASE = `urn:course:${def.id}`;

type St = StoredStatement & Record<string, any>;
const verb = (s: St) => String(s.verb.id).replace(ADL, '');
const categories = (s: St) => (s.context?.contextActivities?.category ?? []).map((c: { id: string }) => c.id);
const ofRegistration = (reg: string) => env.server.lrs.statements.filter((s) => (s as St).context?.registration === reg) as St[];

/** The domain events of a saved journey, replayed through the course (track fixed by the package). */
function eventsOf(journey: string, presetTrack: string): DomainEvent[] {
  const d = decodeJourney(journey);
  if (!d.ok) throw new Error(`unreadable journey: ${d.reason}`);
  const s = new CourseSession(def, { lang: d.journey.lang, seed: d.journey.seed, presetTrack });
  const events: DomainEvent[] = [];
  s.onDomain((e) => events.push(e.event));
  for (const tk of d.journey.tokens) {
    const e = eventOf(tk, s.candidates());
    if (!e || !s.send(e)) throw new Error(`journey does not replay at ${JSON.stringify(tk)}`);
  }
  return events;
}

/** What the LRS should hold for each decision and answer of a journey (the id convention of docs/lms-reporting.md). */
function expectedAnswers(journey: string) {
  return eventsOf(journey, def.tracks[0].id).flatMap((e) => {
    if (e.type === 'decision.made')
      return [{ id: `${BASE}/scenario/${e.scenario}/${e.node}`, response: e.option, success: e.bestOption ? e.best : undefined }];
    if (e.type === 'item.answered') {
      const tf = e.itemType === 'truefalse';
      return [{ id: e.section === null ? `${BASE}/check/${e.item}` : `${BASE}/assessment/${e.form}`, response: tf ? e.selected[0] : e.selected.join('[,]'), success: e.correct }];
    }
    return [];
  });
}
const answersIn = (list: St[]) => list.filter((s) => verb(s) === 'answered').map((s) => ({ id: s.object.id, response: s.result.response, success: s.result.success }));

/** cmi5 rules every session must keep: initialized first, terminated last, context templates. */
function expectSession(list: St[], sessionId: string) {
  const own = list.filter((s) => s.context?.extensions?.[SESSION] === sessionId);
  expect(own.length).toBeGreaterThan(1);
  expect(verb(own[0])).toBe('initialized');
  expect(verb(own[own.length - 1])).toBe('terminated');
  expect(own.filter((s) => verb(s) === 'terminated')).toHaveLength(1);
  for (const s of own) {
    const defined = ['initialized', 'completed', 'passed', 'failed', 'terminated'].includes(verb(s));
    expect(categories(s).includes(CAT_CMI5)).toBe(defined);
    expect(categories(s).includes(CAT_MOVEON)).toBe(['completed', 'passed', 'failed'].includes(verb(s)));
    expect(s.context.contextActivities.grouping.map((g: { id: string }) => g.id)).toContain(s.context.contextActivities.grouping[0].id);
  }
  return own;
}

describe('cmi5 package against a real LRS', () => {
  const track = def.tracks[0].id;

  test('a whole run: statements in the cmi5 order, every decision and answer, score and success', async () => {
    const au = await openAu(env.browser, env.server, def, { track, languagePreference: 'en-CA,fr-CA' });
    const driver = new CourseDriver({ def, content, frame: au.frame, journey: () => au.journey(), lang: 'en', presetTrack: track });
    const end = await driver.play({ decisions: 'wrong-first', failedAttempts: 1 });
    expect(end.snapshot.status).toBe('done');
    expect(end.lang).toBe('en'); // from cmi5LearnerPreferences
    await expect.poll(() => ofRegistration(au.launch.registration).some((s) => verb(s) === 'terminated'), { timeout: 15000 }).toBe(true);
    const all = ofRegistration(au.launch.registration);

    for (const s of all) expect(statementProblems(s), JSON.stringify(s)).toEqual([]);
    const own = expectSession(all, au.launch.sessionId);
    expect(own).toHaveLength(all.length);
    for (const s of all) {
      expect(s.actor).toEqual(au.launch.actor);
      expect(s.context.contextActivities.grouping[0].id).toBe(`${BASE}/au/track-${track}`);
    }

    // Defined statements: one failed attempt then passed, completed once; score and success.
    const defined = all.map(verb).filter((v) => v !== 'answered');
    expect(defined).toEqual(['initialized', 'failed', 'passed', 'completed', 'terminated']);
    const mastery = Number(moveOnFor(passingScore(def, track)).masteryScore);
    const failed = all.find((s) => verb(s) === 'failed')!;
    const passed = all.find((s) => verb(s) === 'passed')!;
    expect(failed.result.success).toBe(false);
    expect(failed.result.score.scaled).toBeLessThan(mastery);
    expect(passed.result).toMatchObject({ success: true, score: { scaled: 1, raw: 100, min: 0, max: 100 } });
    expect(passed.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(mastery);
    expect(all.find((s) => verb(s) === 'completed')!.result.completion).toBe(true);
    for (const v of ['completed', 'terminated']) expect(all.find((s) => verb(s) === v)!.result.duration).toMatch(/^PT\d+H\d+M\d+(\.\d+)?S$/);
    for (const s of all) expect(s.object.id === au.launch.activityId).toBe(verb(s) !== 'answered');

    // Every decision and answer, in order, as a cmi.interaction in both languages.
    const journey = (await au.journey())!;
    expect(answersIn(all)).toEqual(expectedAnswers(journey));
    const answered = all.filter((s) => verb(s) === 'answered');
    expect(answered.some((s) => s.object.id.includes('/scenario/') && s.result.success === false)).toBe(true);
    expect(answered.some((s) => s.object.id.includes('/check/'))).toBe(true);
    expect(answered.some((s) => s.object.id.includes('/assessment/'))).toBe(true);
    for (const s of answered) {
      const d = s.object.definition;
      expect(d.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
      expect(['choice', 'true-false']).toContain(d.interactionType);
      expect(Object.keys(d.description).sort()).toEqual(['en', 'fr']);
      if (d.interactionType === 'choice') for (const c of d.choices) expect(Object.keys(c.description).sort()).toEqual(['en', 'fr']);
      expect(s.result.duration).toMatch(/^PT\d+H\d+M\d+(\.\d+)?S$/);
      if (!s.object.id.includes('/scenario/')) expect(d.correctResponsesPattern).toHaveLength(1);
    }
    // Nothing is sent once terminated, even after the tab closes.
    await au.closeTab();
    expect(ofRegistration(au.launch.registration)).toHaveLength(all.length);
    console.log(`cmi5 full run: ${all.length} statements (${answered.length} answered)`);
    await au.context.close();
  }, LONG);

  /** In a scenario, at a decision, after at least one screen of that scenario. */
  const midScenario = (s: CourseSnapshot) => {
    const p = positionOf(def, s);
    return p.step?.kind === 'scenario' && p.node?.kind === 'decision' && !p.option && p.node.id !== def.scenarios[p.step.id].start;
  };

  test('closed tab, reopened in another browser: the journey comes back from the State resource', async () => {
    const first = await openAu(env.browser, env.server, def, { track, languagePreference: 'en' });
    const driver = new CourseDriver({ def, content, frame: first.frame, journey: () => first.journey(), lang: 'en', presetTrack: track });
    const at = await driver.play({ stopWhen: midScenario });
    const heading = await first.page.locator('h1').first().innerText();
    const saved = at.save();
    await first.closeTab();
    await expect.poll(() => ofRegistration(first.launch.registration).some((s) => verb(s) === 'terminated'), { timeout: 15000 }).toBe(true);
    await first.context.close();

    // A new browser context: nothing kept locally, only what the LRS holds.
    const again = await openAu(env.browser, env.server, def, { track, registration: first.launch.registration, languagePreference: 'en' });
    expect(await again.journey()).toBe(saved);
    await again.page.getByRole('button', { name: ui('en').resume.continue, exact: true }).click();
    await expect.poll(() => again.page.locator('h1').first().innerText(), { timeout: 10000 }).toBe(heading);
    const d2 = new CourseDriver({ def, content, frame: again.frame, journey: () => again.journey(), lang: 'en', presetTrack: track });
    expect(stateKey((await d2.mirror()).snapshot)).toBe(stateKey(at.snapshot));
    await d2.play({}, 10);
    await again.closeTab();
    await expect.poll(() => ofRegistration(first.launch.registration).filter((s) => verb(s) === 'terminated').length, { timeout: 15000 }).toBe(2);

    const all = ofRegistration(first.launch.registration);
    for (const s of all) expect(statementProblems(s)).toEqual([]);
    expectSession(all, first.launch.sessionId);
    expectSession(all, again.launch.sessionId);
    // Each decision and answer once, across both sessions.
    expect(answersIn(all)).toEqual(expectedAnswers((await again.journey())!));
    await again.context.close();
  }, LONG);

  test('the LRS fails and comes back: nothing lost, replayed in order on the next launch', async () => {
    const lrs = env.server.lrs;
    const first = await openAu(env.browser, env.server, def, { track, languagePreference: 'en' });
    const driver = new CourseDriver({ def, content, frame: first.frame, journey: () => first.journey(), lang: 'en', presetTrack: track });
    await driver.play({ stopWhen: midScenario });
    const reg = first.launch.registration;
    const before = ofRegistration(reg).length;

    lrs.down = true;
    try {
      const at = await driver.play({ decisions: 'wrong-first' }, 15);
      // The learner is told, and carries on; the LRS got nothing meanwhile.
      await expect.poll(() => first.page.getByText(ui('en').notice['lms-lost'], { exact: true }).count(), { timeout: 10000 }).toBeGreaterThan(0);
      expect(ofRegistration(reg)).toHaveLength(before);
      const stored = lrs.getState(first.launch.activityId, first.launch.actor, reg, 'course-journey') as { journey: string };
      expect(stored.journey).not.toBe(at.save());
      expect(await first.journey()).toBe(at.save()); // kept in the browser meanwhile
      await first.closeTab();
    } finally {
      lrs.down = false;
    }

    // Next launch, same browser: the first session's work reaches the LRS first, in order.
    const again = await openAu(env.browser, env.server, def, { track, registration: reg, languagePreference: 'en', context: first.context });
    await expect.poll(() => ofRegistration(reg).filter((s) => verb(s) === 'terminated').length, { timeout: 20000 }).toBe(1);
    // …and the new session's initialized after it.
    await expect.poll(() => ofRegistration(reg).some((s) => s.context?.extensions?.[SESSION] === again.launch.sessionId), { timeout: 20000 }).toBe(true);
    await again.page.getByRole('button', { name: ui('en').resume.continue, exact: true }).click();
    const all = ofRegistration(reg);
    for (const s of all) expect(statementProblems(s)).toEqual([]);
    const s1 = expectSession(all, first.launch.sessionId);
    expect(all.slice(0, s1.length)).toEqual(s1); // the replayed session comes before the new one
    expect(verb(all[s1.length])).toBe('initialized');
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    const journey = (await again.journey())!;
    expect(answersIn(all)).toEqual(expectedAnswers(journey));
    await again.context.close();
  }, LONG);
});
