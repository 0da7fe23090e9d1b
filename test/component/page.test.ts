import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PageScreen from '../../src/ui/screens/PageScreen.svelte';
import { advance, makeApp } from './fixture.ts';

describe('PageScreen', () => {
  it('shows the page with its programme values filled in, and moves on', async () => {
    const { app } = await makeApp('en');
    render(PageScreen, { app, screen: advance(app, 'page') });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Token of appreciation or gift?');
    expect(screen.getByText(/under \$25/)).toBeInTheDocument();
    expect(screen.getByText('token of appreciation').tagName).toBe('STRONG');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(app.view.screen.kind).toBe('scenario');
  });

  it('shows a content notice page set apart', async () => {
    const { app } = await makeApp('fr');
    const page = advance(app, 'page', (p) => p.notice, { track: 'minors' });
    render(PageScreen, { app, screen: page });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^\s*Avis de contenu\s*$/);
    expect(screen.getByText(/mauvais traitements/).closest('.notice-page')).not.toBeNull();
    // The step before is a knowledge check, which cannot be reopened: no way back here.
    expect(screen.queryByRole('button', { name: 'Retour' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    expect(app.view.screen.kind).toBe('scenario');
  });
});
