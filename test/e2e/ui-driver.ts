/**
 * Drives the built course in Chromium by keyboard alone, the way a learner without a mouse
 * does: Tab to a control, Space / arrow keys to choose, Enter to act. Right answers are read
 * from the compiled definition (whatever course is built), never hard-coded.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildCourse } from '../../src/authoring/load.ts';
import { leadsBack } from '../../src/engine/links.ts';
import type { ContentStrings, CourseDefinition, Lang } from '../../src/engine/definition.ts';

/** The built package under test (UI_DIST serves another build, e.g. while dist/web is rebuilt). */
export const DIST = process.env.UI_DIST ?? 'dist/web';

const built = buildCourse(process.env.COURSE_ROOT ?? '.');
if (!built.compiled) throw new Error(`course does not compile: ${built.diagnostics.filter((d) => d.severity === 'error').slice(0, 3).map((d) => `${d.file}:${d.line} ${d.message}`).join('; ')}`);
export const def: CourseDefinition = built.compiled.definition;
export const content: Record<Lang, ContentStrings> = built.compiled.content;

type Strings = Record<string, unknown>;
const ui: Record<Lang, Strings> = {
  fr: JSON.parse(readFileSync('locales/fr/ui.json', 'utf8')),
  en: JSON.parse(readFileSync('locales/en/ui.json', 'utf8')),
};

/** An interface string, without interpolation (labels only). */
export function label(lang: Lang, key: string): string {
  const v = key.split('.').reduce<unknown>((o, k) => (o as Strings)?.[k], ui[lang]);
  if (typeof v !== 'string') throw new Error(`no string ${key}`);
  return v;
}

/** Plain text of a content key (course text), tokens left as they are. */
export function text(lang: Lang, key: string): string {
  const v = content[lang].text[key];
  if (typeof v === 'string') return v;
  return (v ?? []).map((b) => ('c' in b ? b.c : b.items.flat()).map((i) => (typeof i === 'string' ? i : 'b' in i ? i.b : i.i)).join('')).join(' ');
}

export const screenOf = (page: Page) => page.locator('main').getAttribute('data-screen') as Promise<string>;

/** Waits for a new screen, and checks focus landed on its heading. */
export async function nextScreen(page: Page, previous: string): Promise<string> {
  await page.waitForFunction((prev) => document.querySelector('main')?.dataset.screen !== prev, previous);
  await page.waitForFunction(() => document.activeElement?.id === 'screen-heading');
  return screenOf(page);
}

/** Horizontal overflow of the page, in CSS pixels (0 when everything reflows). */
export function overflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const input = el instanceof HTMLInputElement ? el : null;
    return { tag: el?.tagName.toLowerCase() ?? '', text: (el?.getAttribute('aria-label') || el?.textContent || '').trim(), type: input?.type ?? '', value: input?.value ?? '', checked: !!input?.checked, inMain: !!el?.closest('main') };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after a full lap. */
export async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, backwards = false) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (match(await focused(page))) return;
  }
  throw new Error('could not reach the control by Tab');
}

/** How the learner acts: keyboard alone, or touch (taps) on a phone. */
export type Mode = 'keyboard' | 'touch';
let mode: Mode = 'keyboard';

/** Tabs to the button with this text and presses Enter (or taps it). */
export async function press(page: Page, name: string) {
  if (mode === 'touch') return page.getByRole('button', { name, exact: true }).tap();
  await tabTo(page, (f) => f.tag === 'button' && f.text === name);
  await page.keyboard.press('Enter');
}

/** Tabs to whichever of these buttons the screen shows, presses Enter, returns its name. */
export async function pressAny(page: Page, names: string[]): Promise<string> {
  if (mode === 'touch') {
    for (const name of names) {
      const b = page.locator('main').getByRole('button', { name, exact: true });
      if (await b.count()) {
        await b.tap();
        return name;
      }
    }
    throw new Error(`none of ${names.join(', ')}`);
  }
  let found = '';
  await tabTo(page, (f) => f.tag === 'button' && f.inMain && names.includes(f.text) && !!(found = f.text));
  await page.keyboard.press('Enter');
  return found;
}

/** Chooses options by keyboard: arrow keys in a radio group, Space on checkboxes. */
export async function choose(page: Page, ids: string[]) {
  if (mode === 'touch') {
    for (const id of ids) await page.locator(`main label[for="${await page.locator(`main input[value="${id}"]`).getAttribute('id')}"]`).tap();
    for (const id of ids) expect(await page.locator(`main input[value="${id}"]`).isChecked()).toBe(true);
    return;
  }
  await tabTo(page, (f) => f.tag === 'input' && f.inMain);
  let f = await focused(page);
  if (f.type === 'radio') {
    if (!f.checked) await page.keyboard.press('Space');
    for (let i = 0; i < 20 && (await focused(page)).value !== ids[0]; i++) await page.keyboard.press('ArrowDown');
    f = await focused(page);
    expect(f.value).toBe(ids[0]);
    expect(f.checked).toBe(true);
    return;
  }
  while (f.type === 'checkbox') {
    if (ids.includes(f.value) !== f.checked) await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    f = await focused(page);
  }
  await page.keyboard.press('Shift+Tab');
}

export interface WalkOptions {
  lang: Lang;
  /** Keyboard alone (default) or taps. */
  mode?: Mode;
  track: string;
  /** Take one poor choice (consequence, then replay) at the first decision that allows it. */
  poorChoiceOnce?: boolean;
  /** Fail the first assessment attempt on purpose (when a retry is allowed). */
  failFirstAttempt?: boolean;
  /** Called with the button pressed to leave a scenario feedback or text step. */
  onPress?: (key: string, name: string) => void;
  /** Called on each new screen, before acting on it. */
  onScreen?: (key: string) => Promise<void>;
}

/** Finishes the course from the current screen by keyboard alone; returns the screens seen. */
export async function walk(page: Page, o: WalkOptions): Promise<string[]> {
  const L = (k: string) => label(o.lang, k);
  mode = o.mode ?? 'keyboard';
  const seen: string[] = [];
  let poorDone = !o.poorChoiceOnce;
  let attempts = 0;
  let key = await screenOf(page);
  for (let guard = 0; guard < 400; guard++) {
    seen.push(key);
    await o.onScreen?.(key);
    const [kind, a, b, c] = key.split(':');
    if (kind === 'done') return seen;
    if (kind === 'resume') await press(page, L('resume.continue'));
    else if (kind === 'welcome') await press(page, L('start'));
    else if (kind === 'track') {
      await choose(page, [o.track]);
      await press(page, L('next'));
    } else if (kind === 'programme') {
      await choose(page, [def.programmes[0].id]);
      await press(page, L('next'));
    } else if (kind === 'page') await press(page, L('next'));
    else if (kind === 'scenario') {
      const node = def.scenarios[a].nodes[b];
      if (node.kind === 'decision' && !c) {
        const best = node.options.find((x) => x.best)!;
        // A poor option that comes back to this decision (through its consequence, if any).
        const poor = node.options.find((x) => !x.best && x.next !== node.id && leadsBack(def.scenarios[a], x.next, node.id));
        const pick = !poorDone && poor ? poor : best;
        if (pick === poor) poorDone = true;
        await choose(page, [pick.id]);
        await press(page, L('scenario.confirm'));
      } else {
        // Feedback and text steps: "Continue", or "Try this decision again" on the step
        // that returns to a decision the learner got wrong (checked by the tests).
        const name = await pressAny(page, [L('next'), L('scenario.tryAgain')]);
        o.onPress?.(key, name);
      }
    } else if (kind === 'check' && b === 'ask') {
      await choose(page, def.items[a].forms[0].options.filter((x) => x.correct).map((x) => x.id));
      await press(page, L('submit'));
    } else if (kind === 'check') await press(page, L('next'));
    else if (kind === 'assessment') {
      const form = def.items[b].forms.find((f) => f.id === c)!;
      const fail = o.failFirstAttempt && attempts === 0 && def.assessment.attempts !== 1;
      const ids = fail ? [form.options.find((x) => !x.correct)!.id] : form.options.filter((x) => x.correct).map((x) => x.id);
      await choose(page, ids);
      await press(page, L('submit'));
    } else if (kind === 'result') {
      attempts++;
      const passed = (await page.locator('h1').textContent())?.includes(L('result.passed'));
      await press(page, passed ? L('result.toAttestation') : L('retry'));
    } else if (kind === 'attestation') {
      if (mode === 'touch') await page.locator('main label[for="attest"]').tap();
      else {
        await tabTo(page, (f) => f.type === 'checkbox');
        await page.keyboard.press('Space');
      }
      await press(page, L('attestation.confirm'));
    } else throw new Error(`unknown screen ${key}`);
    key = await nextScreen(page, key);
  }
  throw new Error('the course did not end');
}
