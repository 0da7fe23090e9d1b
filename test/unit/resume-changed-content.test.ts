/**
 * Resuming a journey saved against other content: the learner's place is found again by id,
 * a change is said, and an answer is never credited to a question it was not given to.
 */
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/authoring/load.ts';
import type { CourseDefinition, StepDef } from '../../src/engine/definition.ts';
import type { LearnerEvent } from '../../src/engine/events.ts';
import type { CourseContext } from '../../src/engine/machine.ts';
import { CourseSession } from '../../src/engine/session.ts';
import { currentForm, positionOf } from '../../src/engine/position.ts';
import { placeOf } from '../../src/engine/place.ts';
import { decodeJourney, type Token } from '../../src/engine/journey.ts';

const def = buildCourse('test/fixtures/sample-course').compiled!.definition;
const steps = (d: CourseDefinition) => d.modules[0].steps;

/** What a learner on the standard track does on this screen: best options, right answers. */
function nextEvent(s: CourseSession): LearnerEvent {
  const pos = positionOf(s.def, s.snapshot);
  if (pos.phase === 'welcome') return { type: 'course.start' };
  if (pos.phase === 'track') return { type: 'track.select', track: 'standard' };
  if (pos.phase === 'programme') return { type: 'programme.select', programme: s.def.programmes[0].id };
  if (pos.node?.kind === 'decision' && !pos.option) return { type: 'choice.select', option: pos.node.options.find((o) => o.best)!.id };
  const form = currentForm(s.def, s.snapshot, pos);
  if (form && (pos.phase === 'assessment' || pos.check === 'ask')) return { type: 'item.answer', options: form.options.filter((o) => o.correct).map((o) => o.id) };
  return { type: 'nav.next' };
}

function walkUntil(s: CourseSession, done: (s: CourseSession) => boolean) {
  for (let n = 0; n < 200 && !done(s); n++) if (!s.send(nextEvent(s))) throw new Error(`stuck at ${placeOf(s.def, s.snapshot)}`);
  if (!done(s)) throw new Error('never got there');
  return s;
}

const at = (place: string) => (s: CourseSession) => placeOf(s.def, s.snapshot) === place;
const page = (id: string, from: StepDef): StepDef => ({ ...(from as Extract<StepDef, { kind: 'page' }>), id });

describe('resume after the course changed', () => {
  it('an inserted page before the learner lands them on the same screen and says the course changed', () => {
    const a = walkUntil(new CourseSession(def, { lang: 'fr', seed: 3 }), at('check:check-cash-for-coffee:ask'));
    const saved = a.save();
    const firstPage = steps(def)[0];
    for (const where of [0, 1, 2]) {
      const edited = structuredClone(def);
      steps(edited).splice(where, 0, page('new-page', firstPage));
      const b = new CourseSession(edited, { lang: 'en' });
      const out = b.restore(saved);
      expect(placeOf(edited, b.snapshot), `page inserted at ${where}`).toBe('check:check-cash-for-coffee:ask');
      expect(out).toMatchObject({ status: 'resumed', changed: true });
      // Its scenario decisions came along.
      expect((b.snapshot.context as CourseContext).score).toBe((a.snapshot.context as CourseContext).score);
    }
  });

  it('a removed page before the learner: same screen; the removed page they stood on: the last step that still exists', () => {
    const a = walkUntil(new CourseSession(def, { lang: 'fr', seed: 3 }), at('check:check-cash-for-coffee:ask'));
    const edited = structuredClone(def);
    steps(edited).splice(0, 1); // the first page, where the learner landed after choosing a programme
    const b = new CourseSession(edited, { lang: 'fr' });
    expect(b.restore(a.save())).toMatchObject({ status: 'resumed', changed: true });
    expect(placeOf(edited, b.snapshot)).toBe('check:check-cash-for-coffee:ask');

    // Two pages in a row, the learner on the second; the content then loses it.
    const twoPages = structuredClone(def);
    steps(twoPages).splice(1, 0, page('second-page', steps(def)[0]));
    const c = walkUntil(new CourseSession(twoPages, { lang: 'fr', seed: 3 }), at('page:second-page'));
    const d = new CourseSession(def, { lang: 'fr' });
    const out = d.restore(c.save());
    expect(out).toMatchObject({ status: 'partial', changed: true });
    expect(placeOf(def, d.snapshot)).toBe('page:token-test');
  });

  it('an assessment answer whose question was replaced is not credited to the new one', () => {
    const a = walkUntil(new CourseSession(def, { lang: 'fr', seed: 3 }), (s) => (s.snapshot.context as CourseContext).answers.length === 2);
    const answered = (a.snapshot.context as CourseContext).answers;
    const drawn = (a.snapshot.context as CourseContext).drawn;
    // The second question drawn is replaced by a new one with the same option ids.
    const gone = drawn[1].item;
    const edited = structuredClone(def);
    edited.items = Object.fromEntries(Object.entries(edited.items).map(([id, it]) => (id === gone ? ['replacement', { ...it, id: 'replacement' }] : [id, it])));
    const b = new CourseSession(edited, { lang: 'fr' });
    const out = b.restore(a.save());
    expect(out).toMatchObject({ status: 'partial', changed: true });
    const ctx = b.snapshot.context as CourseContext;
    expect(ctx.answers.map((x) => x.item)).not.toContain('replacement');
    // Whatever was kept was given to that very question.
    ctx.answers.forEach((x, i) => expect(x).toEqual(answered[i]));
    expect(ctx.answers.length).toBeLessThan(2);
    expect(positionOf(edited, b.snapshot).phase).toBe('assessment');
  });

  it('the same content resumes exactly and says nothing changed', () => {
    const a = walkUntil(new CourseSession(def, { lang: 'fr', seed: 3 }), (s) => (s.snapshot.context as CourseContext).answers.length === 2);
    const b = new CourseSession(structuredClone(def), { lang: 'en' });
    expect(b.restore(a.save())).toMatchObject({ status: 'resumed', changed: false });
    expect(b.snapshot.context).toEqual(a.snapshot.context);
    expect(b.save()).toBe(a.save());
  });
});

/** The earlier saved form, as sessions wrote it: no structure, checkpoints or question keys. */
function asJ1(j2: string): string {
  const d = decodeJourney(j2);
  if (!d.ok) throw new Error('unreadable');
  let body = '';
  const tokens: Token[] = d.journey.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i];
    if (tk.t === 'n' || tk.t === 'p') {
      let run = 1;
      while (tokens[i + run]?.t === tk.t) run++;
      body += (run > 1 ? run : '') + tk.t;
      i += run - 1;
    } else if (tk.t === 'a') body += 'a' + tk.keys.join('') + '.';
    else body += tk.t + ('key' in tk ? tk.key : '');
  }
  return `J1~${d.journey.content}~${d.journey.lang}~${d.journey.seed.toString(36)}~${body}`;
}

describe('journeys saved in the earlier form (J1)', () => {
  it('resume as before with the same content version', () => {
    const a = walkUntil(new CourseSession(def, { lang: 'fr', seed: 3 }), (s) => (s.snapshot.context as CourseContext).answers.length === 2);
    const old = asJ1(a.save());
    expect(old).toMatch(/^J1~0\.1\.0~fr~3~/);
    const b = new CourseSession(def, { lang: 'en' });
    expect(b.restore(old)).toMatchObject({ status: 'resumed', changed: false, lang: 'fr' });
    expect(b.snapshot.context).toEqual(a.snapshot.context);
    // Saved again in the current form, with nothing lost.
    expect(b.save()).toBe(a.save());
  });

  it('with another content version, answers that cannot be matched to their question are not replayed', () => {
    const a = walkUntil(new CourseSession(def, { lang: 'fr', seed: 3 }), (s) => (s.snapshot.context as CourseContext).answers.length === 2);
    const newer = { ...structuredClone(def), version: '0.2.0' };
    const b = new CourseSession(newer, { lang: 'fr' });
    const out = b.restore(asJ1(a.save()));
    expect(out).toMatchObject({ status: 'partial', changed: true });
    expect(positionOf(newer, b.snapshot).phase).not.toBe('welcome');
    expect((b.snapshot.context as CourseContext).answers).toEqual([]);
  });
});
