import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/ui/App.svelte';
import { advance, makeApp } from './fixture.ts';

describe('the course open in another tab or window', () => {
  it('says so in French, heading focused, and offers to continue here by keyboard', async () => {
    const user = userEvent.setup();
    const { app, adapter } = await makeApp('fr');
    let takenOver = 0;
    app.takeOver = async () => void takenOver++;
    app.writer = 'elsewhere';
    render(App, { app });
    const h1 = screen.getByRole('heading', { level: 1, name: 'Ce cours est ouvert dans un autre onglet ou une autre fenêtre' });
    await waitFor(() => expect(h1).toHaveFocus());
    expect(document.title).toBe(`Ce cours est ouvert dans un autre onglet ou une autre fenêtre · ${app.content.plain(app.def.title)}`);
    const main = screen.getByRole('main');
    expect(main).toHaveAttribute('data-screen', 'elsewhere');
    const button = within(main).getByRole('button', { name: 'Continuer ici' });
    expect(button).toHaveAccessibleDescription(/cesse alors d'enregistrer votre progression/);
    // Nothing of the course itself is offered here: only the way to continue.
    expect(within(main).getAllByRole('button')).toHaveLength(1);
    await user.tab();
    while (document.activeElement !== button && document.activeElement !== document.body) await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(takenOver).toBe(1);
    expect(adapter.saves).toEqual([]);
  });

  it('says in English that the course continued elsewhere, moving focus there, and offers to take it back', async () => {
    const user = userEvent.setup();
    const { app } = await makeApp('en');
    advance(app, 'page');
    let takenOver = 0;
    app.takeOver = async () => void takenOver++;
    render(App, { app });
    expect(screen.getByRole('main')).toHaveAttribute('data-screen', expect.stringMatching(/^page:/));
    app.writer = 'moved';
    const h1 = await screen.findByRole('heading', { level: 1, name: 'The course continued in another tab or window' });
    await waitFor(() => expect(h1).toHaveFocus());
    const main = screen.getByRole('main');
    expect(main).toHaveAttribute('data-screen', 'moved');
    expect(main).toHaveTextContent('Nothing you do in this tab is recorded.');
    await user.click(within(main).getByRole('button', { name: 'Continue here instead' }));
    expect(takenOver).toBe(1);
  });
});
