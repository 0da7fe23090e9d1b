/**
 * Closing the course in the middle of a scenario and coming back, in both versions; and the
 * course without any LMS (progress kept in this browser, with a notice).
 */
import { describe, expect, test } from 'vitest';

import { readFileSync } from 'node:fs';
import { useBrowser } from './browser.ts';
import { course } from '../lms/helpers.ts';
import { startHarness, openLms } from './lms-harness.ts';
import { CourseDriver } from './lms-driver.ts';
import { expectedInteractions, journeyReader, recordedInteractions } from './lms-expect.ts';
import { positionOf } from '../../src/engine/position.ts';
import type { CourseSnapshot } from '../../src/engine/machine.ts';
import { stateKey } from '../../src/engine/graph.ts';

const { def, content } = course();
// A whole run of the real course clicks through hundreds of screens.
const LONG = 600_000;
const env = useBrowser(() => startHarness(def, content));

const ui = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/ui.json`, 'utf8'));
/** In a scenario, at a decision, after at least one screen of that scenario. */
const midScenario = (s: CourseSnapshot) => {
  const p = positionOf(def, s);
  return p.step?.kind === 'scenario' && p.node?.kind === 'decision' && !p.option && p.node.id !== def.scenarios[p.step.id].start;
};

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  test('closed mid-scenario and reopened: the same place, nothing lost or doubled', async () => {
    const lms = await openLms(env.browser, env.server, def, { version, language: 'en-CA' });
    await lms.launch();
    const driver = new CourseDriver({ def, content, frame: lms.frame, journey: journeyReader(lms.page), lang: 'en' });
    const at = await driver.play({ stopWhen: midScenario });
    expect(midScenario(at.snapshot)).toBe(true);
    const heading = await lms.frame.locator('h1').first().innerText();
    const prompt = await lms.frame.getByRole('radiogroup').or(lms.frame.getByRole('group')).first().innerText();

    await lms.closeCourse();
    const kept = (await lms.stored())!;
    expect(version === '1.2' ? kept.core.exit : kept.exit).toBe('suspend');
    expect(kept.suspend_data).toBe(at.save());

    // Which app draws the first heading of the course's frame: the resume question comes
    // from the first screen, before the engine has loaded.
    await lms.context.addInitScript(() => {
      const w = window as unknown as { drawnBy?: string };
      new MutationObserver((_, o) => {
        if (!document.querySelector('main[data-screen] h1')) return;
        w.drawnBy = `${document.getElementById('app')?.dataset.app}:${document.querySelector('main')?.dataset.screen}`;
        o.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await lms.launch();
    expect(version === '1.2' ? (await lms.cmi()).core.entry : (await lms.cmi()).entry).toBe('resume');
    await lms.frame.getByRole('button', { name: ui('en').resume.continue, exact: true }).waitFor();
    expect(await lms.frame.locator('body').evaluate(() => (window as unknown as { drawnBy?: string }).drawnBy)).toBe('first:resume');
    await lms.frame.getByRole('button', { name: ui('en').resume.continue, exact: true }).click();
    await expect.poll(() => lms.frame.locator('h1').first().innerText(), { timeout: 10000 }).toBe(heading);
    expect(await lms.frame.getByRole('radiogroup').or(lms.frame.getByRole('group')).first().innerText()).toBe(prompt);
    const back = await driver.mirror();
    expect(stateKey(back.snapshot)).toBe(stateKey(at.snapshot));

    // A few more steps, then closed again: every decision and answer is in the LMS once.
    await driver.play({}, 12);
    await lms.closeCourse();
    const cmi = (await lms.stored())!;
    expect(recordedInteractions(cmi, version)).toEqual(expectedInteractions(def, cmi.suspend_data, version));
    expect(recordedInteractions(cmi, version).length).toBeGreaterThan(0);
    expect(await lms.errors()).toEqual([]);
    await lms.context.close();
  }, LONG);
});

test('no LMS: progress is kept in this browser, the learner is told, a reload resumes', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(env.server.launchUrl(null, null), env.server.server.url).href);
  const main = page.mainFrame();
  const frame = { getByRole: main.getByRole.bind(main), locator: main.locator.bind(main) } as unknown as import('playwright-core').FrameLocator;
  // The page's language is known once the course has chosen it (its first heading is up).
  await page.locator('main h1').first().waitFor();
  const lang = (await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'fr';
  // A discreet notice, wherever the interface puts it.
  await expect.poll(() => page.getByText(ui(lang).notice['local-only'], { exact: true }).count(), { timeout: 10000 }).toBeGreaterThan(0);
  const driver = new CourseDriver({ def, content, frame, journey: journeyReader(page), lang });
  const at = await driver.play({ stopWhen: midScenario });
  const heading = await page.locator('h1').first().innerText();

  await page.reload();
  await page.getByRole('button', { name: ui(at.lang).resume.continue, exact: true }).click();
  await expect.poll(() => page.locator('h1').first().innerText(), { timeout: 10000 }).toBe(heading);
  expect(stateKey((await driver.mirror()).snapshot)).toBe(stateKey(at.snapshot));
  await context.close();
}, LONG);
