/**
 * The interim-rule marker: one disclosure button, closed at first, opened by mouse or
 * keyboard, the same wherever a gap is carried (a page, a scenario option's feedback), and
 * absent where none is.
 */
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PageScreen from '../../src/ui/screens/PageScreen.svelte';
import FeedbackScreen from '../../src/ui/screens/FeedbackScreen.svelte';
import InterimRule from '../../src/ui/parts/InterimRule.svelte';
import { advance, makeApp } from './fixture.ts';

describe('InterimRule', () => {
  it('marks a page that teaches an interim rule; its note opens with the keyboard', async () => {
    const { app } = await makeApp('en');
    const { container } = render(PageScreen, { app, screen: advance(app, 'page') });
    const toggle = screen.getByRole('button', { name: 'Interim rule, to be confirmed' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(container.querySelectorAll('.interim')).toHaveLength(1);
    const note = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(note).not.toBeVisible();
    await userEvent.tab();
    while (document.activeElement !== toggle) await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(note).toBeVisible();
    expect(note).toHaveTextContent('The policy sets no amount. The amount shown is interim.');
    await userEvent.keyboard(' ');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('speaks French, and opens on a click', async () => {
    const { app } = await makeApp('fr');
    render(PageScreen, { app, screen: advance(app, 'page') });
    const toggle = screen.getByRole('button', { name: 'Règle provisoire, à confirmer' });
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('La politique ne fixe aucun montant. Le montant indiqué est provisoire.')).toBeInTheDocument();
  });

  it("shows on the feedback of an option that carries the gap, and not on another page's", async () => {
    const { app } = await makeApp('en');
    // The best option at the jam decision (accept and log it) carries GAP-02.
    const s = advance(app, 'scenario', (x) => x.node.kind === 'chosen' && x.node.id === 'jam');
    if (s.node.kind !== 'chosen') throw new Error('not a chosen option');
    expect(s.node.option.id).toBe('accept-log');
    render(FeedbackScreen, { app, screen: s, node: s.node });
    expect(screen.getByRole('button', { name: 'Interim rule, to be confirmed' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('renders nothing for no gap or an unknown id', async () => {
    const { app } = await makeApp('en');
    const { container } = render(InterimRule, { app, ids: ['GAP-77'] });
    expect(container.querySelector('.interim')).toBeNull();
    const page = advance(app, 'page', (p) => p.notice, { track: 'minors' });
    render(PageScreen, { app, screen: page });
    expect(screen.queryByRole('button', { name: 'Interim rule, to be confirmed' })).toBeNull();
  });
});
