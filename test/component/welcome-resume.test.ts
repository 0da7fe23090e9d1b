import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import WelcomeScreen from '../../src/ui/screens/WelcomeScreen.svelte';
import ResumeScreen from '../../src/ui/screens/ResumeScreen.svelte';
import { formatDuration } from '../../src/ui/duration.ts';
import { advance, makeApp } from './fixture.ts';

describe('WelcomeScreen', () => {
  it('says what the course is, how long it takes, what to expect, with a content notice', async () => {
    const { app } = await makeApp('en');
    render(WelcomeScreen, { app });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Professional relationships with clients');
    // The sample course reads in 5.3 min (common path) to 8.1 min (minors path) in English,
    // as computed from its text (src/authoring/reading.ts), rounded to 5 minutes.
    expect(screen.getByText(/It takes about 5\smin to 10\smin, depending on your path\./)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'What to expect' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByRole('region', { name: 'Content notice' })).toHaveTextContent(/difficult subjects/);
    expect(screen.getByText(/no time limit/i)).toBeInTheDocument();
  });

  it('says long courses in hours and minutes, as each language writes them', () => {
    const nb = (s: string) => s.replace(/ /g, '\u00a0');
    expect(formatDuration(15, 'en')).toBe(nb('15 min'));
    expect(formatDuration(158, 'fr')).toBe(nb('2 h 40'));
    expect(formatDuration(210, 'en')).toBe(nb('3 h 30 min'));
    expect(formatDuration(180, 'fr')).toBe(nb('3 h'));
  });

  it('starts the course', async () => {
    const { app } = await makeApp('fr');
    render(WelcomeScreen, { app });
    await userEvent.click(screen.getByRole('button', { name: 'Commencer le cours' }));
    expect(app.view.screen.kind).toBe('track');
  });
});

describe('ResumeScreen', () => {
  async function returning() {
    const first = await makeApp('en');
    advance(first.app, 'page');
    return makeApp('en', { saved: first.session.save() });
  }

  it('offers to continue where the learner left off, naming the place', async () => {
    const { app } = await returning();
    expect(app.askResume).toBe(true);
    render(ResumeScreen, { app });
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome back' })).toBeInTheDocument();
    expect(screen.getByText(/You stopped at: Gifts and working with minors/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Continue where you left off' }));
    expect(app.askResume).toBe(false);
    expect(app.view.screen.kind).toBe('page');
  });

  it('starts over, erasing the answers, after saying so', async () => {
    const { app, adapter } = await returning();
    render(ResumeScreen, { app });
    const again = screen.getByRole('button', { name: 'Start over' });
    expect(again).toHaveAccessibleDescription('Starting over erases your answers so far.');
    await userEvent.click(again);
    expect(app.view.screen.kind).toBe('welcome');
    expect(adapter.saves.at(-1)?.location).toBe('welcome');
  });
});
