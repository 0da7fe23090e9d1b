/**
 * The resume question and "open elsewhere" drawn before the engine loads (ui/FirstApp.svelte
 * over app/first-screen.ts, where the learner stopped read from the saved journey alone) are
 * the full app's pages, element for element, in both languages, so handing over changes
 * nothing on screen; what the learner presses meanwhile is done by the full app.
 */
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import App from '../../src/ui/App.svelte';
import FirstApp from '../../src/ui/FirstApp.svelte';
import { FirstScreenApp, firstView } from '../../src/app/first-screen.ts';
import { courseHead, type CourseHead } from '../../src/engine/head.ts';
import { resumeOutline } from '../../src/engine/resume-outline.ts';
import { structureFingerprint } from '../../src/engine/fingerprint.ts';
import type { Screen } from '../../src/engine/view.ts';
import type { Lang } from '../../src/engine/definition.ts';
import type { Strings } from '../../src/app/translate.ts';
import { advance, content, def, makeApp } from './fixture.ts';

const ui = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/ui.json`, 'utf8')) as Strings;
/** The head as the build makes it (virtual:course-head). */
const head: CourseHead = { ...courseHead(def), resume: resumeOutline(def, structureFingerprint(def)) };
/** As first-screen.test.ts: markup without Svelte's anchors and the full app's leading blank. */
const page = (el: HTMLElement) => el.innerHTML.replace(/<!--[^]*?-->/g, '').replace(/(<main[^>]*>)\s+/, '$1');

/** A journey saved in `lang` on the first screen of `kind` (the `n`th one met). */
async function savedAt(lang: Lang, kind: Screen['kind'], n = 1) {
  const { app, session } = await makeApp(lang);
  let seen = 0;
  advance(app, kind, () => ++seen === n);
  return session.save();
}

/** The first screen's app for this journey, as openFirstScreen makes it. */
function firstApp(lang: Lang, journey: string | null, writer: boolean) {
  const shown = firstView(head, journey, writer, null);
  if (!shown) throw new Error('the first screen cannot tell');
  return new FirstScreenApp(head, lang, content[lang], ui(lang), false, shown);
}

describe('first screen, returning learner', () => {
  const stops: [Screen['kind'], number][] = [['page', 1], ['page', 2], ['scenario', 2], ['check', 1], ['track', 1], ['assessment', 2]];
  for (const lang of ['fr', 'en'] as const) {
    for (const [kind, n] of stops) {
      it(`${lang}, stopped on ${kind} #${n}: the full app's resume page`, async () => {
        const journey = await savedAt(lang, kind, n);
        const { app } = await makeApp(lang, { saved: journey });
        expect(app.askResume).toBe(true);
        // The journey's language wins, as start.ts chooses it.
        expect(firstView(head, journey, true, null)?.resume?.lang).toBe(lang);
        const full = render(App, { app });
        const fullPage = page(full.container);
        full.unmount();
        const first = firstApp(lang, journey, true);
        const firstPage = page(render(FirstApp, { app: first }).container);
        expect(firstPage).toContain('data-screen="resume"');
        expect(firstPage).toBe(fullPage);
        expect(first.resumePlace).toBe(app.resumePlace);
      });
    }

    it(`${lang}, another tab writes: the full app's "open elsewhere" page, heading focused`, async () => {
      const journey = await savedAt(lang, 'page', 2);
      const { app } = await makeApp(lang, { saved: journey });
      app.writer = 'elsewhere';
      const full = render(App, { app });
      await waitFor(() => expect(document.activeElement?.id).toBe('screen-heading'));
      const fullPage = page(full.container);
      full.unmount();
      const first = firstApp(lang, journey, false);
      const firstPage = page(render(FirstApp, { app: first }).container);
      expect(firstPage).toContain('data-screen="elsewhere"');
      expect(firstPage).toBe(fullPage);
      await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());
    });
  }

  it('a first launch in a tab that is not the writer: "open elsewhere" over the welcome header', async () => {
    const { app } = await makeApp('en');
    app.writer = 'elsewhere';
    const full = render(App, { app });
    const fullPage = page(full.container);
    full.unmount();
    expect(page(render(FirstApp, { app: firstApp('en', null, false) }).container)).toBe(fullPage);
  });

  it('Continue and Start over, pressed before the full app is there, are done by it', async () => {
    const journey = await savedAt('en', 'page', 2);
    const first = firstApp('en', journey, true);
    render(FirstApp, { app: first });
    await userEvent.click(screen.getByRole('button', { name: 'Continue where you left off' }));
    const { app } = await makeApp('en', { saved: journey });
    const at = app.view.screen;
    expect(app.askResume).toBe(true);
    first.handOver(app);
    expect(app.askResume).toBe(false);
    expect(app.view.screen).toEqual(at);

    const again = firstApp('en', journey, true);
    again.startOver();
    const other = await makeApp('en', { saved: journey });
    again.handOver(other.app);
    expect(other.app.askResume).toBe(false);
    expect(other.app.view.screen.kind).toBe('welcome');
  });

  it('"Continue here", pressed before the full app is there, takes over once it is', async () => {
    const first = firstApp('fr', null, false);
    render(FirstApp, { app: first });
    const button = screen.getByRole('button', { name: 'Continuer ici' });
    await userEvent.click(button);
    const { app } = await makeApp('fr');
    let taken = 0;
    app.takeOver = async () => void taken++;
    expect(taken).toBe(0);
    first.handOver(app);
    expect(taken).toBe(1);
  });

  it('a journey it cannot place for sure leaves the first screen to the full app', () => {
    expect(firstView(head, 'J1~0~fr~1~s', true, null)).toBeNull();
    expect(firstView({ ...head, resume: undefined }, 'J2~x~y~fr~1~', true, null)).toBeNull();
  });
});
