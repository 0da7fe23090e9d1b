/**
 * Drives the course in the browser the way a learner does: by role and accessible name,
 * with the labels read from the compiled course and the interface's locale files (nothing
 * hard-coded about the content). A mirror session in Node, rebuilt from the journey the
 * course saved, says where the learner stands and what to do next; after each click the
 * driver waits until the course has saved exactly the step it meant.
 */
import { readFileSync } from 'node:fs';
import type { FrameLocator, Locator } from 'playwright-core';
import type { CourseDefinition, ContentStrings, Lang } from '../../src/engine/definition.ts';
import type { LearnerEvent } from '../../src/engine/events.ts';
import type { CourseContext } from '../../src/engine/machine.ts';
import { CourseSession } from '../../src/engine/session.ts';
import { decodeJourney } from '../../src/engine/journey.ts';
import { nextEvent, type Strategy, type WalkMemory } from '../../src/app/dev/course-walker.ts';
import { ContentText } from '../../src/app/content-text.ts';
import { selectView } from '../../src/engine/view.ts';

type Ui = Record<string, unknown>;
const uiStrings = (lang: Lang): Ui => JSON.parse(readFileSync(`locales/${lang}/ui.json`, 'utf8'));
const t = (ui: Ui, key: string): string => String(key.split('.').reduce<unknown>((o, k) => (o as Ui)?.[k], ui) ?? key);

export interface DriverOptions {
  def: CourseDefinition;
  content: Record<string, ContentStrings>;
  frame: FrameLocator;
  /** The journey the course saved last (LMS suspend data, or what it keeps in the browser). */
  journey: () => Promise<string | null>;
  /** Language of the first screen, before any journey is saved. */
  lang: Lang;
  /** A track fixed by the package (the course does not ask for it). */
  presetTrack?: string | null;
}

export class CourseDriver {
  readonly memory: WalkMemory = new Map();
  steps = 0;
  constructor(private readonly o: DriverOptions) {}

  /** The mirror of the learner's session, from the saved journey. */
  async mirror(): Promise<CourseSession> {
    const j = await this.o.journey();
    const d = decodeJourney(j);
    const s = new CourseSession(this.o.def, { lang: d.ok ? d.journey.lang : this.o.lang, seed: d.ok ? d.journey.seed : 1, presetTrack: this.o.presetTrack });
    s.restore(j);
    return s;
  }

  private labels(s: CourseSession) {
    const ui = uiStrings(s.lang);
    const ctx = s.snapshot.context as CourseContext;
    const text = new ContentText(this.o.content[s.lang], ctx.programme);
    return { ui: (k: string) => t(ui, k), text: (k: string) => text.plain(k) };
  }

  /** Clicks "continue where you left off" when the course asks. */
  async continueIfAsked(lang: Lang) {
    const button = this.o.frame.getByRole('button', { name: t(uiStrings(lang), 'resume.continue'), exact: true });
    if (await button.count()) await button.click();
  }

  /** Plays the strategy until it stops (or for `maxSteps`); returns the mirror at the end. */
  async play(strategy: Strategy, maxSteps = Infinity): Promise<CourseSession> {
    const s = await this.mirror();
    // Before the first save the seed is unknown: the first step is compared without it.
    let seeded = decodeJourney(await this.o.journey()).ok;
    await this.continueIfAsked(s.lang);
    for (let n = 0; n < maxSteps; n++) {
      const event = nextEvent(this.o.def, s.snapshot, strategy, this.memory);
      if (!event) break;
      await this.perform(s, event, seeded);
      if (!seeded) return this.play(strategy, maxSteps - n - 1); // rebuild with the real seed
      seeded = true;
    }
    return s;
  }

  /** Does one step in the interface and waits for the course to save it; the mirror moves with it. */
  async perform(s: CourseSession, event: LearnerEvent, seeded = true) {
    const action = this.plan(s, event);
    const before = s.save();
    if (!s.send(event)) throw new Error(`${JSON.stringify(event)} does not apply where the learner stands`);
    const expected = s.save();
    const noSeed = (j: string) => {
      const d = decodeJourney(j);
      return d.ok ? JSON.stringify({ ...d.journey, seed: 0 }) : j;
    };
    const same = (a: string | null, b: string) => (seeded ? a === b : a !== null && noSeed(a) === noSeed(b));
    await this.act(action);
    const deadline = Date.now() + 15000;
    let got: string | null = null;
    while (Date.now() < deadline) {
      got = await this.o.journey();
      if (same(got, expected)) {
        this.steps++;
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`after ${JSON.stringify(event)} the course saved\n  ${got}\nexpected\n  ${expected}\n(before: ${before})`);
  }

  /** What to do on screen for `event`, with the labels the learner reads. */
  private plan(s: CourseSession, event: LearnerEvent): Action {
    const { ui, text } = this.labels(s);
    const screen = selectView(this.o.def, s.snapshot).screen;
    const label = (options: { id: string; text?: string; title?: string }[], id: string) => {
      const o = options.find((x) => x.id === id);
      if (!o) throw new Error(`option ${id} is not on the ${screen.kind} screen`);
      return text((o.text ?? o.title)!);
    };
    const buttons = (...keys: string[]): Action => ({ kind: 'button', names: keys.map(ui) });
    switch (event.type) {
      case 'course.start': return buttons('start');
      case 'nav.next': return buttons('next', 'scenario.tryAgain', 'result.toAttestation');
      case 'nav.back': return buttons('back');
      case 'assessment.retry': return buttons('retry');
      case 'attestation.confirm': return { kind: 'attest', names: [ui('attestation.confirm'), ui('confirm')] };
      case 'track.select': return { kind: 'choose', labels: [label(screen.kind === 'track' ? screen.options : [], event.track)] };
      case 'programme.select': return { kind: 'choose', labels: [label(screen.kind === 'programme' ? screen.options : [], event.programme)] };
      case 'choice.select': return { kind: 'choose', labels: [label(screen.kind === 'scenario' && screen.node.kind === 'decision' ? screen.node.options : [], event.option)] };
      case 'item.answer': {
        const options = screen.kind === 'check' || screen.kind === 'assessment' ? screen.quiz.options : [];
        return { kind: 'choose', labels: event.options.map((id) => label(options, id)) };
      }
    }
  }

  private async act(action: Action) {
    const f = this.o.frame;
    const click = async (names: string[]) => {
      for (const name of names) {
        const b = f.getByRole('button', { name, exact: true });
        if (await b.count()) return b.first().click();
      }
      throw new Error(`no button named ${names.join(' | ')}`);
    };
    if (action.kind === 'button') return click(action.names);
    if (action.kind === 'attest') {
      const boxes = f.getByRole('checkbox');
      for (let i = 0; i < (await boxes.count()); i++) {
        const box = boxes.nth(i);
        const id = await box.getAttribute('id');
        if (!(await box.isChecked())) await (id ? f.locator(`label[for="${id}"]`).first().click() : box.check());
      }
      return click(action.names);
    }
    let form: Locator | null = null;
    for (const label of action.labels) {
      const input = f.getByRole('radio', { name: label, exact: true }).or(f.getByRole('checkbox', { name: label, exact: true }));
      if (await input.count()) {
        const el = input.first();
        // A learner clicks the option's label (the whole card answers the click).
        const id = await el.getAttribute('id');
        const forLabel = id ? f.locator(`label[for="${id}"]`) : null;
        if (!(await el.isChecked())) await (forLabel && (await forLabel.count()) ? forLabel.first().click() : el.check());
        if (!(await el.isChecked())) throw new Error(`option "${label}" did not get selected`);
        form = el.locator('xpath=ancestor::form[1]');
        continue;
      }
      // An interface that offers each option as a button.
      const b = f.getByRole('button', { name: label, exact: true });
      if (await b.count()) return b.first().click();
      throw new Error(`no option labelled "${label}"`);
    }
    await form!.locator('button[type="submit"]').click();
  }
}

type Action = { kind: 'button'; names: string[] } | { kind: 'attest'; names: string[] } | { kind: 'choose'; labels: string[] };
