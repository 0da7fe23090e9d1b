import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ResultScreen from '../../src/ui/screens/ResultScreen.svelte';
import AttestationScreen from '../../src/ui/screens/AttestationScreen.svelte';
import CertificateScreen from '../../src/ui/screens/CertificateScreen.svelte';
import { advance, makeApp } from './fixture.ts';

describe('ResultScreen', () => {
  it('after a failed attempt: the score by section, what to review, a retry', async () => {
    const { app } = await makeApp('en');
    const s = advance(app, 'result', undefined, { track: 'minors', fail: true });
    render(ResultScreen, { app, screen: s });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Not passed yet');
    expect(screen.getByText('Score: 0%')).toBeInTheDocument();
    const sections = screen.getByRole('heading', { name: 'By section' }).nextElementSibling as HTMLElement;
    expect(within(sections).getByText(/Common assessment: 0% \(pass mark 75%\), not passed/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'What to review' })).toBeInTheDocument();
    expect(screen.getByText('Gifts and working with minors')).toBeInTheDocument();
    expect(screen.getByText(/as many times as you need/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try the assessment again' }));
    expect(app.view.screen.kind).toBe('assessment');
  });

  it('after a pass: on to the attestation', async () => {
    const { app } = await makeApp('fr');
    const s = advance(app, 'result');
    render(ResultScreen, { app, screen: s });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Réussi');
    // French typography: no-break spaces before the colon and the percent sign.
    expect(screen.getByText(/Note/).textContent).toContain('Note\u00a0: 100\u00a0%');
    expect(screen.queryByRole('button', { name: "Reprendre l'évaluation" })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: "Passer à l'attestation" }));
    expect(app.view.screen.kind).toBe('attestation');
  });

  it('every attempt used: what to do next, whom to contact, and a way to close (no dead end)', async () => {
    const { app, adapter } = await makeApp('en');
    const s = advance(app, 'result', undefined, { track: 'minors', fail: true });
    render(ResultScreen, { app, screen: { ...s, attemptsLeft: 0, canRetry: false } });
    expect(screen.getByText(/You have used every attempt/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try the assessment again' })).toBeNull();
    const next = screen.getByRole('heading', { name: 'What to do next' }).nextElementSibling as HTMLElement;
    expect(within(next).getByText(/^Note the modules listed above/)).toBeInTheDocument();
    // The programme's contact comes from its SUPERVISOR_TITLE token.
    expect(within(next).getByText(/^Contact your supervisor: they can ask the training administrator to open a new attempt/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Close the course' }));
    expect(adapter.finished).toBe(true);
    expect(screen.getByRole('status')).toHaveTextContent('Your result is saved. You can close this window.');
    expect(screen.queryByRole('button', { name: 'Close the course' })).toBeNull();
  });

  it('every attempt used, in French', async () => {
    const { app } = await makeApp('fr');
    const s = advance(app, 'result', undefined, { fail: true });
    render(ResultScreen, { app, screen: { ...s, attemptsLeft: 0, canRetry: false } });
    expect(screen.getByRole('heading', { name: 'Prochaines étapes' })).toBeInTheDocument();
    expect(screen.getByText(/^Communiquez avec votre superviseur ou superviseure/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Fermer la formation' })).toBeInTheDocument();
  });

  it('counts the attempts left when they are limited', async () => {
    const { app } = await makeApp('en');
    const s = advance(app, 'result', undefined, { fail: true });
    render(ResultScreen, { app, screen: { ...s, attemptsLeft: 1, canRetry: true } });
    expect(screen.getByText('1 attempt left.')).toBeInTheDocument();
  });
});

describe('AttestationScreen', () => {
  it('needs the statement ticked before it finishes the course', async () => {
    const user = userEvent.setup();
    const { app, adapter } = await makeApp('en');
    advance(app, 'attestation');
    render(AttestationScreen, { app });
    const box = screen.getByRole('checkbox', { name: /I have read the policy/ });
    await user.click(screen.getByRole('button', { name: 'Confirm and finish' }));
    expect(screen.getByText('Tick the box to confirm the statement.')).toBeInTheDocument();
    expect(box).toHaveFocus();
    expect(box).toHaveAccessibleDescription('Tick the box to confirm the statement.');
    expect(app.view.screen.kind).toBe('attestation');
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Confirm and finish' }));
    expect(app.view.screen.kind).toBe('done');
    expect(adapter.finished).toBe(true);
  });
});

describe('CertificateScreen', () => {
  it('shows the learner name, date, track and score, and prints', async () => {
    const { app } = await makeApp('en');
    app.learnerName = 'Amina Diallo';
    const s = advance(app, 'done', undefined, { track: 'minors' });
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    render(CertificateScreen, { app, screen: s });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Attestation of completion');
    const article = screen.getByRole('article');
    expect(article).toHaveTextContent('Name Amina Diallo');
    expect(article).toHaveTextContent(new Intl.DateTimeFormat('en-CA', { dateStyle: 'long' }).format(new Date(app.attestedAt!)));
    expect(article).toHaveTextContent('Path Reinforced path: working with minors');
    expect(article).toHaveTextContent('Score 100%');
    await userEvent.click(screen.getByRole('button', { name: 'Print the attestation' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('leaves a line for the name when the LMS gives none', async () => {
    const { app } = await makeApp('fr');
    render(CertificateScreen, { app, screen: advance(app, 'done') });
    expect(screen.getByRole('article')).toHaveTextContent('Nom à écrire à la main');
  });
});
