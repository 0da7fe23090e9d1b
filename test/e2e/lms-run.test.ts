/**
 * Whole runs in Chromium, the real package in an LMS frame over scorm-again, both versions:
 * finished and passed, and failed. Asserts the values the LMS recorded (statuses, score,
 * interactions, objectives) and that scorm-again raised no error code.
 */
import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser.ts';
import { course } from '../lms/helpers.ts';
import { startHarness, openLms } from './lms-harness.ts';
import { CourseDriver } from './lms-driver.ts';
import { expectedInteractions, journeyReader, recordedInteractions } from './lms-expect.ts';
import { learnerPath, sectionsFor } from '../../src/engine/scope.ts';
import type { CourseContext } from '../../src/engine/machine.ts';
import { decodeJourney } from '../../src/engine/journey.ts';

const { def, content } = course();
// A whole run of the real course clicks through hundreds of screens.
const LONG = 600_000;
const env = useBrowser(() => startHarness(def, content));

const list = (o: Record<string, any> | undefined) => Object.keys(o ?? {}).filter((k) => /^\d+$/.test(k)).sort((a, b) => +a - +b).map((k) => o![k]);

describe.each([
  ['1.2', 'en-CA', 'en'],
  ['2004', 'fr-CA', 'fr'],
] as const)('SCORM %s (learner language %s)', (version, language, lang) => {
  const track = def.tracks[def.tracks.length - 1].id;

  test('the course is finished and passed: the LMS records it all', async () => {
    const lms = await openLms(env.browser, env.server, def, { version, language });
    await lms.launch();
    const driver = new CourseDriver({ def, content, frame: lms.frame, journey: journeyReader(lms.page), lang });
    const end = await driver.play({ track, decisions: 'wrong-first', failedAttempts: 1 });
    expect(end.snapshot.status).toBe('done');
    expect(end.lang).toBe(lang); // the LMS's language preference was used
    await expect.poll(async () => (await lms.commits()).some((c) => c.terminate && c.ok), { timeout: 10000 }).toBe(true);
    const cmi = (await lms.stored())!;
    const journey = cmi.suspend_data as string;

    if (version === '1.2') {
      expect(cmi.core.lesson_status).toBe('passed');
      expect([cmi.core.score.raw, cmi.core.score.min, cmi.core.score.max]).toEqual(['100', '0', '100']);
      expect(cmi.core.exit).toBe('');
      expect(journey.length).toBeLessThanOrEqual(4096);
    } else {
      expect([cmi.completion_status, cmi.success_status]).toEqual(['completed', 'passed']);
      expect([cmi.score.scaled, cmi.score.raw, cmi.progress_measure, cmi.exit]).toEqual(['1', '100', '1', 'normal']);
    }

    // Every decision and answer, in order, with its id, type, response, right answer and result.
    const recorded = recordedInteractions(cmi, version);
    expect(recorded).toEqual(expectedInteractions(def, journey, version));
    expect(recorded.some((i) => i.id.startsWith('scn_') && i.result !== 'correct')).toBe(true);
    const attempts = (end.snapshot.context as CourseContext).attempt;
    expect(recorded.filter((i) => i.id.startsWith('asm_')).length).toBeGreaterThan(0);
    expect(attempts).toBe(2);
    for (const i of list(cmi.interactions)) {
      if (version === '1.2') {
        expect(i.time).toMatch(/^\d\d:\d\d:\d\d$/);
        expect(i.latency).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/);
      } else {
        expect(i.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d\dZ$/);
        expect(i.latency).toMatch(/^PT\d+H\d+M\d+(\.\d{1,2})?S$/);
        // The question in words, with no `{lang=…}` tag an LMS screen would show literally.
        expect(i.description).toMatch(/^[^{\s]/);
      }
    }

    // One objective per module of the path, the track, and each assessment section.
    const objectives = Object.fromEntries(list(cmi.objectives).map((o) => [o.id, o]));
    const status = (id: string) => (version === '1.2' ? objectives[id]?.status : `${objectives[id]?.completion_status}/${objectives[id]?.success_status}`);
    for (const { module } of learnerPath(def, track, (end.snapshot.context as CourseContext).programme)) expect(status(`mod_${module.id}`)).toBe(version === '1.2' ? 'completed' : 'completed/unknown');
    expect(status(`trk_${track}`)).toBe(version === '1.2' ? 'passed' : 'completed/passed');
    expect(objectives[`trk_${track}`].score.raw).toBe('100');
    for (const s of sectionsFor(def, track)) expect(status(`sec_${s.id}`)).toBe(version === '1.2' ? 'passed' : 'completed/passed');

    expect(await lms.errors()).toEqual([]);
    await lms.context.close();
  }, LONG);

  test('the assessment is failed (attempts left) and the learner leaves: not final, suspended, resumable', async () => {
    const lms = await openLms(env.browser, env.server, def, { version, language });
    await lms.launch();
    const driver = new CourseDriver({ def, content, frame: lms.frame, journey: journeyReader(lms.page), lang });
    const end = await driver.play({ track: def.tracks[0].id, giveUp: true });
    const result = (end.snapshot.context as CourseContext).result!;
    expect(result.passed).toBe(false);
    await lms.closeCourse();
    const cmi = (await lms.stored())!;
    if (version === '1.2') {
      // A 1.2 `failed`, or a score the LMS's mastery score would turn into failed, would open the
      // next launch in review mode (Moodle): incomplete and no score until the last attempt.
      expect([cmi.core.lesson_status, cmi.core.score.raw, cmi.core.exit]).toEqual(['incomplete', '', 'suspend']);
      expect(cmi.core.session_time).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/);
    } else {
      expect([cmi.completion_status, cmi.success_status, cmi.exit]).toEqual(['incomplete', 'failed', 'suspend']);
      expect(cmi.score.raw).toBe(String(result.score));
      expect(cmi.session_time).toMatch(/^PT\d+H\d+M\d+(\.\d{1,2})?S$/);
    }
    const trk = list(cmi.objectives).find((o) => o.id === `trk_${def.tracks[0].id}`);
    expect(version === '1.2' ? trk.status : trk.success_status).toBe('failed');
    expect(recordedInteractions(cmi, version)).toEqual(expectedInteractions(def, cmi.suspend_data, version));
    expect(await lms.errors()).toEqual([]);
    await lms.context.close();
  }, LONG);
});

test('a package with a fixed track: the learner is not asked, the LMS records that track', async () => {
  const track = def.tracks[def.tracks.length - 1].id;
  const lms = await openLms(env.browser, env.server, def, { version: '1.2', track, language: 'en-CA' });
  await lms.launch();
  const driver = new CourseDriver({ def, content, frame: lms.frame, journey: journeyReader(lms.page), lang: 'en', presetTrack: track });
  const other = def.tracks.find((t) => t.id !== track)?.id;
  // Were the track screen shown, this strategy would pick another track.
  const at = await driver.play({ track: other, stopWhen: (s) => (s.context as CourseContext).programme !== null });
  expect((at.snapshot.context as CourseContext).track).toBe(track);
  // The course saved no track choice: it never showed the question.
  const saved = decodeJourney((await lms.cmi()).suspend_data);
  expect(saved.ok && saved.journey.tokens.some((t) => t.t === 't')).toBe(false);
  const cmi = await lms.cmi();
  expect(list(cmi.objectives).map((o) => o.id)).toContain(`trk_${track}`);
  expect(await lms.errors()).toEqual([]);
  await lms.context.close();
}, LONG);
