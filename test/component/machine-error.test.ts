/**
 * The course failing on a learner's step: an alert in place of a dead screen, nothing sent
 * to the LMS, and a way back to where the learner was.
 */
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/ui/App.svelte';
import { advance, def, makeApp } from './fixture.ts';
import { BROKEN_ITEM, withBrokenCheck } from '../helpers/broken-course.ts';

describe('a step the course fails on', () => {
  it('shows a recoverable alert, saves and reports nothing, and goes back to the same screen', async () => {
    const user = userEvent.setup();
    const { app, adapter, session } = await makeApp('en', { course: withBrokenCheck(def) });
    advance(app, 'check', (s) => s.quiz.item === BROKEN_ITEM);
    const saved = session.save();
    const saves = adapter.saves.length;
    const reports = adapter.reports.length;
    render(App, { app });

    await user.click(screen.getAllByRole('radio')[0]);
    await user.click(screen.getByRole('button', { name: 'Submit answer' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The course could not complete your last action. Your progress up to that point is saved.');
    const heading = screen.getByRole('heading', { level: 1, name: 'Something went wrong' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(adapter.saves).toHaveLength(saves);
    expect(adapter.reports).toHaveLength(reports);
    expect(adapter.finished).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Go back to where I was' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Check your understanding' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(app.failed).toBe(false);
    expect(session.save()).toBe(saved);
    expect(adapter.saves.at(-1)?.journey).toBe(saved);
    expect(adapter.reports).toHaveLength(reports);
  });
});

describe('a resume onto changed content', () => {
  it('says the course was updated when the place was found again', async () => {
    const first = await makeApp('en');
    advance(first.app, 'check');
    const edited = structuredClone(def);
    const firstPage = edited.modules[0].steps[0];
    edited.modules[0].steps.unshift({ ...firstPage, id: 'inserted-page' });
    const { app } = await makeApp('en', { course: edited, saved: first.session.save() });
    expect(app.restoreNotice).toBe('changed');
    expect(app.view.screen.kind).toBe('check');
    app.continueJourney();
    render(App, { app });
    expect(screen.getByText('The course has been updated since your last visit. You resume where you left off.')).toBeInTheDocument();
  });
});
