import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/ui/App.svelte';
import { CourseApp, type ContentParts } from '../../src/app/course-app.svelte.ts';
import { CourseSession } from '../../src/engine/session.ts';
import type { Lang } from '../../src/engine/definition.ts';
import { createI18n } from '../../src/i18n/i18n.ts';
import { splitContent } from '../../src/build/content-split.ts';
import { StubAdapter, content, def } from './fixture.ts';

/** Text in parts as the built package serves it, with each module fetch held until released. */
function heldParts() {
  const fetched: string[] = [];
  const held: { release: () => void; fail: () => void }[] = [];
  const source: ContentParts = {
    core: async (lang) => splitContent(def, content[lang]).core,
    module: (lang, id) => {
      fetched.push(`${lang}/${id}`);
      return new Promise((resolve, reject) => held.push({ release: () => resolve(splitContent(def, content[lang]).modules[id]), fail: () => reject(new Error('offline')) }));
    },
  };
  return { source, fetched, held };
}

async function appWith(source: ContentParts, lang: Lang = 'en') {
  const session = new CourseSession(def, { lang, seed: 7 });
  return new CourseApp(def, session, new StubAdapter(), await createI18n(lang), source, await source.core(lang));
}

describe('text in parts', () => {
  it('splits the text into a core and one part per module, losing nothing', () => {
    const { core, modules } = splitContent(def, content.en);
    const all = { ...core.text, ...Object.assign({}, ...Object.values(modules)) };
    expect(Object.keys(all).sort()).toEqual(Object.keys(content.en.text).sort());
    expect(core.text[def.title]).toBe('Professional relationships with clients');
    expect(core.text[def.modules[0].title]).toBeDefined();
    expect(Object.keys(core.text).some((k) => k.startsWith('s.') || k.startsWith('i.'))).toBe(false);
  });

  it('shows the first screen from the core alone, and a module screen once its text is here', async () => {
    const user = userEvent.setup();
    const { source, fetched, held } = heldParts();
    const app = await appWith(source);
    render(App, { app });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Professional relationships with clients');
    expect(fetched).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Start the course' }));
    await user.click(screen.getByRole('radio', { name: 'Common path' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('radio', { name: 'Home and community support' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Loading…')).toBeInTheDocument();
    expect(fetched).toEqual([`en/${def.modules[0].id}`]);
    held[0].release();
    const h1 = await screen.findByRole('heading', { level: 1, name: 'Token of appreciation or gift?' });
    await waitFor(() => expect(h1).toHaveFocus());
  });

  it('offers to try again when a part cannot be fetched', async () => {
    const user = userEvent.setup();
    const { source, held } = heldParts();
    const app = await appWith(source, 'fr');
    render(App, { app });
    app.send({ type: 'course.start' });
    app.send({ type: 'track.select', track: 'standard' });
    app.send({ type: 'programme.select', programme: 'youth' });
    await waitFor(() => expect(held).toHaveLength(1));
    held[0].fail();
    expect(await screen.findByText(/n'a pas pu être chargée/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    held[1].release();
    expect(await screen.findByRole('heading', { level: 1, name: 'Marque de reconnaissance ou cadeau?' })).toBeInTheDocument();
  });

  it('fetches the rest in the background, in the learner’s order, and uses it without waiting', async () => {
    const { source, fetched, held } = heldParts();
    const app = await appWith(source);
    const done = app.prefetchText();
    await waitFor(() => expect(held).toHaveLength(1));
    held[0].release();
    await done;
    expect(fetched).toEqual(def.modules.map((m) => `en/${m.id}`));
    render(App, { app });
    app.send({ type: 'course.start' });
    app.send({ type: 'track.select', track: 'standard' });
    app.send({ type: 'programme.select', programme: 'youth' });
    expect(app.ready).toBe(true);
    expect(await screen.findByRole('heading', { level: 1, name: 'Token of appreciation or gift?' })).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(fetched).toHaveLength(def.modules.length);
  });
});
