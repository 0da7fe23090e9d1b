/**
 * The first screen's reading of a saved journey (app/resume-place.ts, over the head's
 * outline) against the engine's replay: at every step of walks through the real course and
 * the sample course (each track, good and poor choices, going back, a failed attempt and its
 * retry), where it places the learner is where the engine does, header included, or it says
 * it cannot tell. It must be able to tell on every screen of a module.
 */
import { describe, expect, test } from 'vitest';
import { buildCourse } from '../../src/authoring/load.ts';
import type { CourseDefinition } from '../../src/engine/definition.ts';
import type { LearnerEvent } from '../../src/engine/events.ts';
import { structureFingerprint } from '../../src/engine/fingerprint.ts';
import { positionOf } from '../../src/engine/position.ts';
import { resumeOutline } from '../../src/engine/resume-outline.ts';
import { CourseSession } from '../../src/engine/session.ts';
import { selectView, type ViewModel } from '../../src/engine/view.ts';
import { resumePoint } from '../../src/app/resume-place.ts';

/** A small seeded generator, so a failure can be played again. */
const rng = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

function eventFor(def: CourseDefinition, v: ViewModel, session: CourseSession, track: string, fail: boolean, r: () => number): LearnerEvent {
  const s = v.screen;
  if (r() < 0.1 && session.snapshot.can({ type: 'nav.back' })) return { type: 'nav.back' };
  switch (s.kind) {
    case 'welcome': return { type: 'course.start' };
    case 'track': return { type: 'track.select', track };
    case 'programme': return { type: 'programme.select', programme: s.options[Math.floor(r() * s.options.length)].id };
    case 'scenario': {
      if (s.node.kind !== 'decision') return { type: 'nav.next' };
      return { type: 'choice.select', option: s.node.options[Math.floor(r() * s.node.options.length)].id };
    }
    case 'check': return s.answered ? { type: 'nav.next' } : { type: 'item.answer', options: [s.quiz.options[0].id] };
    case 'assessment': {
      const form = def.items[s.quiz.item].forms.find((f) => f.id === s.quiz.form)!;
      return { type: 'item.answer', options: fail ? [form.options.find((o) => !o.correct)!.id] : form.options.filter((o) => o.correct).map((o) => o.id) };
    }
    case 'result': return s.result.passed ? { type: 'nav.next' } : { type: 'assessment.retry' };
    case 'attestation': return { type: 'attestation.confirm' };
    default: return { type: 'nav.next' };
  }
}

function check(name: string, def: CourseDefinition) {
  const outline = resumeOutline(def, structureFingerprint(def));
  describe(name, () => {
    for (const track of def.tracks.map((t) => t.id)) {
      for (const seed of [1, 2, 3]) {
        test(`track ${track}, walk ${seed}: placed as the engine places it`, () => {
          const r = rng(seed * 97 + track.length);
          const session = new CourseSession(def, { lang: 'en', seed: seed * 1000 });
          let unsure = 0;
          let unsureInModules = 0;
          let sureInModules = 0;
          let failed = false;
          for (let i = 0; i < 3000 && session.snapshot.status !== 'done'; i++) {
            const view = selectView(def, session.snapshot);
            // Fail the first attempt, pass the next.
            if (view.screen.kind === 'result' && !view.screen.result.passed) failed = true;
            session.send(eventFor(def, view, session, track, !failed, r));
            const after = selectView(def, session.snapshot);
            const pos = positionOf(def, session.snapshot);
            const point = resumePoint(outline, session.save(), null);
            if (!point) {
              // Only the engine knows whether the last answer of an attempt passed (and, where
              // the draw does not fix it, which answer is the last); in a module, the rare
              // run of steps whose landing key two reachable screens share.
              if (pos.phase === 'learning') unsureInModules++;
              else expect(['result', 'assessment'], `step ${i}: ${session.save()}`).toContain(pos.phase);
              unsure++;
              continue;
            }
            if (pos.phase === 'learning') sureInModules++;
            expect(point.place.phase, `step ${i}`).toBe(pos.phase);
            expect(point.view, `step ${i}`).toEqual({ progress: after.progress, module: after.module, track: after.track, programme: after.programme });
            expect(point.moduleTitle).toBe(pos.module?.title ?? null);
            expect(point.lang).toBe('en');
          }
          expect(session.snapshot.status).toBe('done');
          if (Object.keys(outline.asked).length === def.tracks.length + 1) expect(unsure - unsureInModules).toBeLessThanOrEqual(3);
          expect(unsureInModules / (sureInModules + unsureInModules)).toBeLessThan(0.02);
        });
      }
    }

    test('a journey it cannot read, of another course structure, or of the old format: cannot tell', () => {
      const session = new CourseSession(def, { lang: 'fr', seed: 5 });
      session.send({ type: 'course.start' });
      const saved = session.save();
      expect(resumePoint(outline, saved, null)).not.toBeNull();
      expect(resumePoint({ ...outline, structure: 'other' }, saved, null)).toBeNull();
      expect(resumePoint(outline, 'J2~corrupt', null)).toBeNull();
      expect(resumePoint(undefined, saved, null)).toBeNull();
      expect(resumePoint(outline, saved.replace(/s[0-9a-z]{2}$/, 's--'), null)).toBeNull();
    });
  });
}

check('the real course', buildCourse('.').compiled!.definition);
check('the sample course', buildCourse('test/fixtures/sample-course').compiled!.definition);
