import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import TrackScreen from '../../src/ui/screens/TrackScreen.svelte';
import ProgrammeScreen from '../../src/ui/screens/ProgrammeScreen.svelte';
import { advance, makeApp } from './fixture.ts';

describe('TrackScreen', () => {
  it('asks the question as a radio group of labelled, described tracks', async () => {
    const { app } = await makeApp('en');
    render(TrackScreen, { app, screen: advance(app, 'track') });
    const group = screen.getByRole('radiogroup', { name: 'Do your duties involve working with minors?' });
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect(group).toContainElement(radios[0]);
    const minors = screen.getByRole('radio', { name: 'Reinforced path: working with minors' });
    expect(minors).toHaveAccessibleDescription(/plus a module and an assessment section/);
  });

  it('explains what is missing when submitted empty, then moves on with a choice', async () => {
    const user = userEvent.setup();
    const { app } = await makeApp('en');
    render(TrackScreen, { app, screen: advance(app, 'track') });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText('Choose an answer before you continue.')).toBeInTheDocument();
    expect(screen.getByRole('radiogroup')).toHaveAccessibleDescription('Choose an answer before you continue.');
    expect(screen.getAllByRole('radio')[0]).toHaveFocus();
    expect(app.view.screen.kind).toBe('track');

    await user.keyboard(' ');
    await user.click(screen.getByRole('radio', { name: 'Reinforced path: working with minors' }));
    expect(screen.queryByText('Choose an answer before you continue.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(app.view.track).toBe('minors');
    expect(app.view.screen.kind).toBe('programme');
  });

  it('goes back to the welcome screen', async () => {
    const { app } = await makeApp('en');
    render(TrackScreen, { app, screen: advance(app, 'track') });
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(app.view.screen.kind).toBe('welcome');
  });
});

describe('ProgrammeScreen', () => {
  it('lists the programmes as radios and records the one chosen', async () => {
    const { app } = await makeApp('fr');
    render(ProgrammeScreen, { app, screen: advance(app, 'programme') });
    expect(screen.getByRole('radiogroup', { name: 'Dans quel programme travaillez-vous?' })).toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(4);
    await userEvent.click(screen.getByRole('radio', { name: 'Secourisme et formation' }));
    await userEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    expect(app.view.programme).toBe('first-aid');
    expect(app.view.screen.kind).toBe('page');
  });
});
