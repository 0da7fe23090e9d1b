/**
 * The course as a graph, for model-based tests and the trainer tools: which learner events
 * are possible in a snapshot, and how to tell two snapshots apart for traversal.
 */
import type { CourseDefinition } from './definition.ts';
import type { LearnerEvent } from './events.ts';
import type { CourseSnapshot } from './machine.ts';
import { currentForm, positionOf } from './position.ts';

/**
 * Every learner event worth trying where the learner stands: each option of a decision, each
 * track and programme, and for a quiz the right answer and one wrong one.
 */
export function candidateEvents(def: CourseDefinition, snapshot: CourseSnapshot): LearnerEvent[] {
  const pos = positionOf(def, snapshot);
  const events: LearnerEvent[] = [];
  switch (pos.phase) {
    case 'welcome': events.push({ type: 'course.start' }); break;
    case 'track': for (const t of def.tracks) events.push({ type: 'track.select', track: t.id }); break;
    case 'programme': for (const p of def.programmes) events.push({ type: 'programme.select', programme: p.id }); break;
    case 'result': events.push({ type: 'nav.next' }, { type: 'assessment.retry' }); break;
    case 'attestation': events.push({ type: 'attestation.confirm' }); break;
    default: break;
  }
  if (pos.node?.kind === 'decision' && !pos.option) for (const o of pos.node.options) events.push({ type: 'choice.select', option: o.id });
  const form = currentForm(def, snapshot, pos);
  if (form && (pos.phase === 'assessment' || pos.check === 'ask')) {
    events.push({ type: 'item.answer', options: form.options.filter((o) => o.correct).map((o) => o.id) });
    const wrong = form.options.find((o) => !o.correct);
    if (wrong) events.push({ type: 'item.answer', options: [wrong.id] });
  }
  if (pos.phase === 'learning') events.push({ type: 'nav.next' }, { type: 'nav.back' });
  return events.filter((e) => snapshot.can(e));
}

/**
 * A traversal key: where the learner is (the course's state, the module's step, the
 * scenario's node and option) plus what changes what can happen next (track, programme,
 * assessment progress). Formative scores and flags are left out on purpose, or every
 * combination of past choices would be a separate state.
 */
export function stateKey(snapshot: CourseSnapshot): string {
  const c = snapshot.context;
  const assessment = snapshot.matches('assessment') || snapshot.matches('result')
    ? `|a${Math.min(c.attempt, 2)}:${c.answers.length}:${c.answers.filter((a) => !a.correct).length}:${c.result?.passed ?? ''}`
    : '';
  const m = c.module;
  const sc = m?.context.scenario;
  const inside = snapshot.matches('learning') && m
    ? `|m${c.moduleIndex}:${m.context.step}:${JSON.stringify(m.value)}${sc ? `:${sc.context.node}:${sc.context.option ?? ''}` : ''}`
    : '';
  return `${JSON.stringify(snapshot.value)}${inside}|${c.track}|${c.programme}${assessment}`;
}

/** A snapshot as plain data, its module's and scenario's actors likewise: to compare two snapshots. */
export function stateData(snapshot: CourseSnapshot) {
  const m = snapshot.context.module;
  const sc = m?.context.scenario;
  const scenario = sc ? { value: sc.value, status: sc.status, context: sc.context } : null;
  const module = m ? { value: m.value, status: m.status, context: { ...m.context, scenario } } : null;
  return { value: snapshot.value, status: snapshot.status, context: { ...snapshot.context, module } };
}
