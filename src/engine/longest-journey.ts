/**
 * Plays the longest realistic journey through a course, to size the saved state against
 * SCORM 1.2's 4096 characters: the track and programme with the most steps, every option of
 * every decision tried (the ones that lead back first, the best one last), knowledge checks
 * answered, and the assessment failed `failedAttempts` times (selecting every option of
 * multiple-response items, the longest answer) before it is passed.
 */
import type { CourseDefinition } from './definition.ts';
import { CourseSession } from './session.ts';
import { currentForm, positionOf } from './position.ts';
import { learnerPath } from './scope.ts';
import { leadsBack } from './links.ts';

export function longestJourney(def: CourseDefinition, failedAttempts = 2, seed = 1): CourseSession {
  const [track, programme] = widestPath(def);
  const s = new CourseSession(def, { lang: 'fr', seed });
  const tried = new Map<string, Set<string>>();
  for (let guard = 0; guard < 100000; guard++) {
    const pos = positionOf(def, s.snapshot);
    if (s.snapshot.status === 'done') return s;
    if (pos.phase === 'welcome') s.send({ type: 'course.start' });
    else if (pos.phase === 'track') s.send({ type: 'track.select', track });
    else if (pos.phase === 'programme') s.send({ type: 'programme.select', programme });
    else if (pos.phase === 'attestation') s.send({ type: 'attestation.confirm' });
    else if (pos.phase === 'result') {
      if (pos.result === 'passed') s.send({ type: 'nav.next' });
      else s.send({ type: 'assessment.retry' });
    } else if (pos.node?.kind === 'decision' && !pos.option) {
      const key = `${pos.step!.id}/${pos.node.id}`;
      const done = tried.get(key) ?? new Set<string>();
      tried.set(key, done);
      const loops = pos.node.options.filter((o) => !o.best && !done.has(o.id) && leadsBack(def.scenarios[pos.step!.id], o.next, pos.node!.id));
      const pick = loops[0] ?? pos.node.options.find((o) => o.best)!;
      done.add(pick.id);
      s.send({ type: 'choice.select', option: pick.id });
    } else {
      const form = currentForm(def, s.snapshot, pos);
      if (form && (pos.phase === 'assessment' || pos.check === 'ask')) {
        const attempt = s.snapshot.context.attempt;
        const fail = pos.phase === 'assessment' && attempt <= failedAttempts;
        const right = form.options.filter((o) => o.correct).map((o) => o.id);
        const all = form.options.map((o) => o.id);
        const multiple = right.length > 1 || form.options.length > 4;
        const answer = fail ? (multiple ? all : [form.options.find((o) => !o.correct)!.id]) : right;
        if (!s.send({ type: 'item.answer', options: answer })) s.send({ type: 'item.answer', options: right });
      } else s.send({ type: 'nav.next' });
    }
  }
  throw new Error('the longest journey did not finish: is there a trap in the course?');
}

/** The track and programme whose path has the most steps. */
function widestPath(def: CourseDefinition): [string, string] {
  let best: [string, string] = [def.tracks[0].id, def.programmes[0]?.id ?? ''];
  let most = -1;
  for (const t of def.tracks) {
    for (const p of def.programmes.length ? def.programmes : [{ id: '' }]) {
      const n = learnerPath(def, t.id, p.id || null).reduce((sum, m) => sum + m.steps.length, 0);
      if (n > most) [most, best] = [n, [t.id, p.id]];
    }
  }
  return best;
}
