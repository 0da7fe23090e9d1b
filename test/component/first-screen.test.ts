/**
 * The welcome screen drawn before the engine loads (ui/FirstApp.svelte over
 * app/first-screen.ts) is the full app's welcome page, element for element, so handing over
 * changes nothing on screen; what the learner does meanwhile is done by the full app.
 */
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import App from '../../src/ui/App.svelte';
import FirstApp from '../../src/ui/FirstApp.svelte';
import { FirstScreenApp } from '../../src/app/first-screen.ts';
import { courseHead } from '../../src/engine/head.ts';
import type { Strings } from '../../src/app/translate.ts';
import { content, def, makeApp } from './fixture.ts';

const ui = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/ui.json`, 'utf8')) as Strings;
/**
 * The page as the learner gets it: markup without Svelte's anchors, without the blank the
 * full app leaves at the start of <main> (not drawn: it opens a block), and with the
 * generated ids of content notices numbered in order (each mount counts on from the last).
 */
const page = (el: HTMLElement) => {
  const ids = new Map<string, string>();
  return el.innerHTML
    .replace(/<!--[^]*?-->/g, '')
    .replace(/(<main[^>]*>)\s+/, '$1')
    .replace(/"(c\d+)"/g, (_, id: string) => `"id${ids.get(id) ?? ids.set(id, String(ids.size)).get(id)}"`);
};

describe('first screen', () => {
  for (const lang of ['fr', 'en'] as const) {
    for (const localOnly of [false, true]) {
      it(`${lang}${localOnly ? ', no LMS' : ''}: the same page as the full app's welcome screen`, async () => {
        const { app, adapter } = await makeApp(lang);
        if (localOnly) adapter.notify({ kind: 'local-only' });
        const full = render(App, { app });
        const fullPage = page(full.container);
        full.unmount();
        const first = new FirstScreenApp(courseHead(def), lang, content[lang], ui(lang), localOnly);
        const firstPage = page(render(FirstApp, { app: first }).container);
        expect(firstPage).toContain('id="screen-heading"');
        expect(firstPage).toBe(fullPage);
      });
    }
  }

  it('a click on Start waits for the full app, then starts there', async () => {
    const first = new FirstScreenApp(courseHead(def), 'en', content.en, ui('en'), false);
    render(FirstApp, { app: first });
    await userEvent.click(screen.getByRole('button', { name: 'Start the course' }));
    const { app } = await makeApp('en');
    expect(app.view.screen.kind).toBe('welcome');
    first.handOver(app);
    expect(app.view.screen.kind).toBe('track');
  });
});
