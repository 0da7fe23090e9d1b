import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/ui/App.svelte';
import { advance, makeApp } from './fixture.ts';

describe('App shell', () => {
  it('keeps progress, the current module, the glossary and the language switch at hand', async () => {
    const { app } = await makeApp('en');
    advance(app, 'page');
    render(App, { app });
    const banner = screen.getByRole('banner');
    expect(banner).toHaveTextContent('Module 1 of 1');
    expect(banner).toHaveTextContent('Gifts and working with minors');
    const bar = screen.getByRole('progressbar', { name: /Course progress: 0 of \d+ steps done/ });
    expect(bar).toHaveAttribute('value', '0');
    expect(screen.getByRole('button', { name: 'Glossary' })).toBeInTheDocument();
    const lang = screen.getByRole('button', { name: 'Lire en français' });
    expect(lang).toHaveAttribute('lang', 'fr');
    expect(lang).toHaveTextContent('Français');
  });

  it('moves focus to the new heading and sets the title on each screen change', async () => {
    const user = userEvent.setup();
    const { app } = await makeApp('en');
    render(App, { app });
    expect(document.title).toBe('Professional relationships with clients');
    expect(document.documentElement.lang).toBe('en');
    await user.click(screen.getByRole('button', { name: 'Start the course' }));
    const h1 = await screen.findByRole('heading', { level: 1, name: 'Do your duties involve working with minors?' });
    await waitFor(() => expect(h1).toHaveFocus());
    expect(document.title).toBe('Do your duties involve working with minors? · Professional relationships with clients');
    expect(screen.getByRole('main')).toHaveAttribute('data-screen', 'track');
  });

  it('switches language without losing place or the answer being chosen', async () => {
    const user = userEvent.setup();
    const { app, adapter } = await makeApp('en');
    advance(app, 'scenario', (s) => s.node.kind === 'decision');
    render(App, { app });
    const key = screen.getByRole('main').dataset.screen;
    await user.click(screen.getByRole('radio', { name: /quietly donate it/ }));
    const button = screen.getByRole('button', { name: 'Lire en français' });
    await user.click(button);
    await waitFor(() => expect(document.documentElement.lang).toBe('fr'));
    expect(screen.getByRole('main').dataset.screen).toBe(key);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent("L'enveloppe d'anniversaire");
    expect(screen.getByRole('radio', { name: /donner discrètement à l'organisme/ })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Read in English' })).toHaveFocus();
    const live = document.querySelector('[aria-live="polite"]');
    await waitFor(() => expect(live).toHaveTextContent('Le cours est maintenant en français. Votre place est conservée.'));
    expect(adapter.saves.at(-1)?.journey).toContain('~fr~');
  });

  it('opens the glossary as a labelled dialog with the terms, and closes it', async () => {
    const user = userEvent.setup();
    const { app } = await makeApp('fr');
    render(App, { app });
    const open = screen.getByRole('button', { name: 'Glossaire' });
    await user.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Glossaire' });
    expect(dialog).toHaveTextContent('Marque de reconnaissance');
    expect(dialog).toHaveTextContent('Règle de deux');
    await user.click(screen.getByRole('button', { name: 'Fermer le glossaire' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the saving notices the LMS layer raises', async () => {
    const { app, adapter } = await makeApp('en');
    render(App, { app });
    adapter.notify({ kind: 'lms-lost' });
    expect(await screen.findByText(/connection to your learning platform was lost/)).toBeInTheDocument();
    adapter.notify({ kind: 'lms-restored' });
    await waitFor(() => expect(screen.queryByText(/connection to your learning platform was lost/)).toBeNull());
    adapter.notify({ kind: 'local-only' });
    expect(await screen.findByRole('contentinfo')).toHaveTextContent('Your progress is saved in this browser only.');
  });

  it('asks "continue or start over" on return', async () => {
    const first = await makeApp('en');
    advance(first.app, 'check');
    const { app } = await makeApp('en', { saved: first.session.save() });
    render(App, { app });
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome back' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Continue where you left off' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Check your understanding' })).toHaveFocus());
  });
});
