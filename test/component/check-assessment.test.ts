import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CheckScreen from '../../src/ui/screens/CheckScreen.svelte';
import CheckFeedbackScreen from '../../src/ui/screens/CheckFeedbackScreen.svelte';
import AssessmentScreen from '../../src/ui/screens/AssessmentScreen.svelte';
import type { Screen } from '../../src/engine/view.ts';
import { advance, def, makeApp } from './fixture.ts';

type Check = Extract<Screen, { kind: 'check' }>;

describe('CheckScreen', () => {
  it('asks with radios labelled by the question and records the answer', async () => {
    const { app } = await makeApp('en');
    render(CheckScreen, { app, screen: advance(app, 'check') });
    expect(screen.getByRole('heading', { level: 1, name: 'Check your understanding' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: /presses a \$20 bill into your hand/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: "Accept, since it's a small amount." }));
    await userEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    const s = app.view.screen as Check;
    expect(s.answered?.selected).toEqual(['accept-small']);
  });
});

describe('CheckFeedbackScreen', () => {
  it('says whether the answer was right and why for each option, and announces it', async () => {
    const { app } = await makeApp('en');
    advance(app, 'check');
    app.send({ type: 'item.answer', options: ['accept-small'] });
    const s = app.view.screen as Check;
    render(CheckFeedbackScreen, { app, screen: s as never });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Not quite');
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(4);
    const mine = items.find((li) => li.textContent?.includes("Accept, since it's a small amount."))!;
    expect(mine).toHaveTextContent('Your answer');
    expect(mine).toHaveTextContent('Even a small amount of cash is payment (B4).');
    const right = items.find((li) => li.textContent?.includes('Decline politely'))!;
    expect(right).toHaveTextContent('Right answer');
    await expect.poll(() => app.announcement).toBe('Not quite. Even a small amount of cash is payment (B4).');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(app.view.screen.kind).toBe('page');
  });
});

describe('AssessmentScreen', () => {
  it('shows where the learner is in the assessment and no answer before the end', async () => {
    const user = userEvent.setup();
    const { app } = await makeApp('en');
    const first = advance(app, 'assessment');
    const { unmount } = render(AssessmentScreen, { app, screen: first });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(`Question 1 of ${first.total}`);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Assessment · Common assessment');
    const bar = screen.getByRole('progressbar', { name: 'Assessment progress' });
    expect(bar).toHaveAttribute('max', String(first.total));
    expect(bar).toHaveAttribute('value', '0');

    const form = def.items[first.quiz.item].forms.find((f) => f.id === first.quiz.form)!;
    const wrong = form.options.find((o) => !o.correct)!;
    const input = screen.getAllByRole(first.quiz.type === 'multiple' ? 'checkbox' : 'radio').find((i) => (i as HTMLInputElement).value === wrong.id)!;
    await user.click(input);
    await user.click(screen.getByRole('button', { name: 'Submit answer' }));
    // Straight on to the next question: no verdict, no feedback.
    expect(screen.queryByText(/Correct|Not quite/)).toBeNull();
    const next = app.view.screen as Extract<Screen, { kind: 'assessment' }>;
    expect(next.index).toBe(1);
    unmount();
    render(AssessmentScreen, { app, screen: next });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(`Question 2 of ${first.total}`);
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '1');
  });

  it('uses checkboxes, with a hint, for questions with several answers', async () => {
    const { app } = await makeApp('en');
    const s = advance(app, 'assessment', (a) => a.quiz.type === 'multiple');
    render(AssessmentScreen, { app, screen: s });
    const group = screen.getByRole('group', { name: /./ });
    expect(group).toHaveAccessibleDescription('Choose every answer that applies.');
    expect(screen.getAllByRole('checkbox').length).toBeGreaterThan(1);
  });
});
