/**
 * What the LMS should hold after a journey, written from the reporting rules in
 * docs/lms-reporting.md (not from the adapter's code): one interaction per decision, per
 * answer and for the attestation, with these ids, types, responses and results.
 */
import type { Page } from 'playwright-core';
import type { CourseDefinition } from '../../src/engine/definition.ts';
import type { DomainEvent } from '../../src/engine/events.ts';
import { decodeJourney, eventOf } from '../../src/engine/journey.ts';
import { CourseSession } from '../../src/engine/session.ts';
import type { Version } from './lms-harness.ts';

/** The domain events of a saved journey, replayed through the course. */
export function eventsOf(def: CourseDefinition, journey: string): DomainEvent[] {
  const d = decodeJourney(journey);
  if (!d.ok) throw new Error(`unreadable journey: ${d.reason}`);
  const s = new CourseSession(def, { lang: d.journey.lang, seed: d.journey.seed });
  const events: DomainEvent[] = [];
  s.onDomain((e) => events.push(e.event));
  for (const tk of d.journey.tokens) {
    const e = eventOf(tk, s.candidates());
    if (!e || !s.send(e)) throw new Error(`journey does not replay at ${JSON.stringify(tk)}`);
  }
  return events;
}

export interface ExpectedInteraction {
  id: string;
  type: string;
  response: string;
  correct: string | undefined;
  result: string;
}

const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function expectedInteractions(def: CourseDefinition, journey: string, v: Version): ExpectedInteraction[] {
  const wrong = v === '1.2' ? 'wrong' : 'incorrect';
  // 2004 option ids are written with `_` for `-`: Moodle refuses hyphens in choice responses.
  const choice = (all: string[], chosen: string[]) => (v === '1.2' ? chosen.map((o) => letters[all.indexOf(o)]).join(',') : chosen.map((o) => o.replace(/-/g, '_')).join('[,]'));
  const tf = (o: string) => (v === '1.2' ? (o === 'true' ? 't' : 'f') : o);
  const out: ExpectedInteraction[] = [];
  for (const e of eventsOf(def, journey)) {
    if (e.type === 'decision.made') {
      const node = def.scenarios[e.scenario].nodes[e.node];
      const all = node.kind === 'decision' ? node.options.map((o) => o.id) : [];
      out.push({ id: `scn_${e.scenario}_${e.node}`, type: 'choice', response: choice(all, [e.option]), correct: choice(all, [e.bestOption]), result: e.best ? 'correct' : wrong });
    } else if (e.type === 'item.answered') {
      const form = def.items[e.item].forms.find((f) => f.id === e.form)!;
      const all = form.options.map((o) => o.id);
      const tfItem = e.itemType === 'truefalse';
      out.push({
        id: e.section === null ? `chk_${e.item}` : `asm_${e.form}`,
        type: tfItem ? 'true-false' : 'choice',
        response: tfItem ? tf(e.selected[0]) : choice(all, e.selected),
        correct: tfItem ? tf(e.correctOptions[0]) : choice(all, e.correctOptions),
        result: e.correct ? 'correct' : wrong,
      });
    } else if (e.type === 'course.attested') {
      out.push({ id: 'attest', type: 'true-false', response: tf('true'), correct: undefined, result: 'neutral' });
    }
  }
  return out;
}

/** Interactions as the LMS recorded them, in the same shape. */
export function recordedInteractions(cmi: Record<string, any>, v: Version): ExpectedInteraction[] {
  const ia = cmi.interactions ?? {};
  return Object.keys(ia).filter((k) => /^\d+$/.test(k)).sort((a, b) => +a - +b).map((k) => ({
    id: ia[k].id,
    type: ia[k].type,
    response: v === '1.2' ? ia[k].student_response : ia[k].learner_response,
    correct: ia[k].correct_responses?.['0']?.pattern,
    result: ia[k].result,
  }));
}

/**
 * The journey the course saved last: its unconfirmed copy in the browser when there is one
 * (freshest), else the LMS's suspend data, else what it keeps without an LMS.
 */
export function journeyReader(page: Page): () => Promise<string | null> {
  return () =>
    page.evaluate(() => {
      const keys = Object.keys(localStorage);
      // The learner's unconfirmed work, else that of a session whose LMS did not open.
      const backup = keys.find((k) => /^course-lms:[^:]+:learner:[^:]+$/.test(k)) ?? keys.filter((k) => /^course-lms:[^:]+:unidentified:[^:]+$/.test(k)).sort().pop();
      if (backup) return JSON.parse(localStorage.getItem(backup)!).journey as string | null;
      const host = (window as unknown as { host?: { api: unknown; cmi(): { suspend_data?: string } } }).host;
      if (host?.api) return host.cmi().suspend_data || null;
      const local = keys.find((k) => k.startsWith('course-journey:'));
      return local ? localStorage.getItem(local) : null;
    });
}
