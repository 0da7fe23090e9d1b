import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import SituationScreen from '../../src/ui/screens/SituationScreen.svelte';
import DecisionScreen from '../../src/ui/screens/DecisionScreen.svelte';
import FeedbackScreen from '../../src/ui/screens/FeedbackScreen.svelte';
import DebriefScreen from '../../src/ui/screens/DebriefScreen.svelte';
import type { Screen, ScenarioNodeView } from '../../src/engine/view.ts';
import { advance, def, makeApp } from './fixture.ts';

type Sc = Extract<Screen, { kind: 'scenario' }>;
const at = (kind: ScenarioNodeView['kind'], id?: string) => (s: Sc) => s.node.kind === kind && (!id || s.node.id === id);

describe('SituationScreen', () => {
  it('sets the scene, with the scenario content notice first', async () => {
    const { app } = await makeApp('en');
    const s = advance(app, 'scenario', at('situation', 'intro'), { track: 'minors' });
    const late = s.scenario === 'late-night-dm' ? s : advance(app, 'scenario', (x) => x.scenario === 'late-night-dm', { track: 'minors' });
    render(SituationScreen, { app, screen: late, node: late.node as never });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Scenario · Situation');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('The late-night DM');
    expect(screen.getByRole('region', { name: 'Content notice' })).toHaveTextContent('Employee and Volunteer Assistance Program');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(app.view.screen.kind === 'scenario' && app.view.screen.node.kind).toBe('decision');
  });

  it('offers to try the decision again after the consequence of a poor choice', async () => {
    const { app } = await makeApp('en');
    const s = advance(app, 'scenario', at('consequence'), { poor: true });
    render(SituationScreen, { app, screen: s, node: s.node as never });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Scenario · Consequence');
    await userEvent.click(screen.getByRole('button', { name: 'Try this decision again' }));
    const back = app.view.screen as Sc;
    expect(back.node.kind).toBe('decision');
  });
});

describe('DecisionScreen', () => {
  it('is a real radio group labelled by the prompt', async () => {
    const { app } = await makeApp('en');
    const s = advance(app, 'scenario', at('decision'));
    render(DecisionScreen, { app, screen: s, node: s.node as never });
    const group = screen.getByRole('radiogroup', { name: /Inside is a \$50 bill\. What do you do\?/ });
    expect(group).toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    expect(screen.getByRole('radio', { name: /hand back the cash and tell your supervisor/ })).not.toBeChecked();
    // Not the scenario's first step, and this scenario has no notice anyway.
    expect(screen.queryByRole('region', { name: 'Content notice' })).toBeNull();
  });

  it('shows the scenario content notice when the scenario opens on a decision', async () => {
    const { app } = await makeApp('en');
    const s = advance(app, 'scenario', (x) => x.scenario === 'late-night-dm' && x.node.kind === 'decision', { track: 'minors' });
    // The sample scenario opens on a situation: make this decision its opening for the test.
    const sc = def.scenarios[s.scenario];
    const start = sc.start;
    sc.start = s.node.id;
    try {
      render(DecisionScreen, { app, screen: s, node: s.node as never });
      expect(screen.getByRole('region', { name: 'Content notice' })).toHaveTextContent('mentions self-harm');
    } finally {
      sc.start = start;
    }
  });

  it('sends the chosen option when confirmed', async () => {
    const user = userEvent.setup();
    const { app } = await makeApp('en');
    const s = advance(app, 'scenario', at('decision'));
    render(DecisionScreen, { app, screen: s, node: s.node as never });
    await user.click(screen.getByRole('radio', { name: /Accept the money and quietly donate it/ }));
    await user.click(screen.getByRole('button', { name: 'Confirm my choice' }));
    const after = app.view.screen as Sc;
    expect(after.node.kind === 'chosen' && after.node.option.id).toBe('donate');
  });
});

describe('FeedbackScreen', () => {
  it('explains a poor choice with the policy clauses cited, and announces it politely', async () => {
    const { app } = await makeApp('en');
    const s = advance(app, 'scenario', at('chosen'), { poor: true });
    render(FeedbackScreen, { app, screen: s, node: s.node as never });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Scenario · Feedback');
    expect(screen.getByText('There is a better choice')).toBeInTheDocument();
    expect(screen.getByText(/Cash is never a token of appreciation/)).toBeInTheDocument();
    const clauses = screen.getByRole('region', { name: 'Policy clauses' });
    expect(clauses).toHaveTextContent('B2a No soliciting or accepting gifts beyond a token');
    expect(clauses).toHaveTextContent('B4 No payment for your services');
    await expect.poll(() => app.announcement).toMatch(/^There is a better choice\. Cash is never/);
    // Its consequence comes next, so this button only continues.
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((app.view.screen as Sc).node.kind).toBe('consequence');
  });

  it('confirms the best choice', async () => {
    const { app } = await makeApp('fr');
    const s = advance(app, 'scenario', at('chosen'));
    render(FeedbackScreen, { app, screen: s, node: s.node as never });
    expect(screen.getByText('Meilleur choix')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Articles de la politique' })).toHaveTextContent('A8 Respect et dignité');
    await expect.poll(() => app.announcement).toMatch(/^Meilleur choix\./);
  });
});

describe('DebriefScreen', () => {
  it('sums up what to remember and leaves the scenario', async () => {
    const { app } = await makeApp('en');
    const s = advance(app, 'scenario', at('ending'));
    render(DebriefScreen, { app, node: s.node as never });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Scenario · Debrief');
    expect(screen.getByRole('heading', { level: 2, name: 'Remember' })).toBeInTheDocument();
    expect(screen.getByText('never')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(app.view.screen.kind).toBe('check');
  });
});
