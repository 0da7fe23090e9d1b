/**
 * The page's entry: draws the first screen as soon as it can (src/app/first-screen.ts),
 * while the full app (engine, definition, every screen) loads beside it, then hands over to
 * the full app without a change on screen. Kept apart from src/app and src/ui so that the
 * interface reads the app and the app never imports the interface.
 */
import { flushSync, mount, unmount } from 'svelte';
import { openFirstScreen } from './app/first-screen.ts';
import { warmUp } from './app/warm-up.ts';
import FirstApp from './ui/FirstApp.svelte';
import './ui/theme.css';

const target = document.getElementById('app')!;

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/** Where focus is among the screen's focusable elements (-1: elsewhere). */
function focusIndex(): number {
  const active = document.activeElement;
  return active && target.contains(active) ? [...target.querySelectorAll(FOCUSABLE)].indexOf(active) : -1;
}

/** A dialog open on the first screen (the glossary) is left to the learner to close first. */
function noOpenDialog(): Promise<void> {
  const open = target.querySelector('dialog[open]');
  return open ? new Promise((r) => open.addEventListener('close', () => r(), { once: true })) : Promise.resolve();
}

/** After the next frame is on screen. */
const painted = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

async function main() {
  const { pre, first } = await openFirstScreen();
  const shown = first ? mount(FirstApp, { target, props: { app: first } }) : null;
  // Which app is on screen: `first` until the hand-over, then `full` (tests wait on it).
  if (shown) target.dataset.app = 'first';
  // Requested once the first screen is painted (at once when there is none to draw), not
  // beside it: on a weak connection it would slow the first screen down.
  if (shown) await painted();
  warmUp(pre, first);
  const [{ startCourse }, { default: App }] = await Promise.all([import('./app/start.ts'), import('./ui/App.svelte')]);
  await startCourse(async (app) => {
    if (!shown || !first) {
      mount(App, { target, props: { app } });
      target.dataset.app = 'full';
      return;
    }
    await noOpenDialog();
    // Same markup on both sides: swapped in one task, the learner sees no change, and
    // focus goes back to the same control.
    const at = focusIndex();
    void unmount(shown);
    mount(App, { target, props: { app } });
    if (at >= 0) target.querySelectorAll<HTMLElement>(FOCUSABLE)[at]?.focus();
    // The full app settles on the screen the first one showed before it does what the
    // learner asked meanwhile (a "Continue" then moves focus to the next screen's heading).
    flushSync();
    target.dataset.app = 'full';
    first.handOver(app);
  }, pre);
}

void main();
