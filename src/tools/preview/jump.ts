/**
 * Opens a session at a target screen by replaying, through the session itself, the
 * shortest learner journey the engine's graph finds. The session ends up exactly where a
 * learner taking those steps would be (with their choices' effects), and its journey log
 * is a normal one: saving and reloading keep the place.
 */
import type { CourseSession } from '../../engine/session.ts';
import { findPath } from '../graph/find-path.ts';
import type { Target } from '../graph/target.ts';

export type JumpResult = { ok: true; steps: number; track: string | null; programme: string | null } | { ok: false; reason: string };

export function jump(session: CourseSession, target: Target, opts: { track?: string; programme?: string } = {}): JumpResult {
  const ctx = session.snapshot.context;
  const found = findPath(session.def, target, { presetTrack: ctx.presetTrack, track: opts.track ?? null, programme: opts.programme ?? null });
  if (!found.ok) return found;
  for (const [i, e] of found.events.entries()) {
    if (!session.send(e)) return { ok: false, reason: `step ${i + 1} (${e.type}) was refused by the course: please report this as a bug in the tools` };
  }
  return { ok: true, steps: found.events.length, track: found.track, programme: found.programme };
}
