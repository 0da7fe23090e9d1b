/**
 * A short fingerprint of the course's structure: what a saved journey depends on to replay
 * onto the same screens and questions. Text edits and a forgotten version bump leave it alone;
 * an inserted page, a replaced question or a changed draw change it. Computed from the
 * definition the machine is built from, so it can never be stale (memoised per definition).
 */
import type { CourseDefinition } from './definition.ts';

const memo = new WeakMap<CourseDefinition, string>();

export function structureFingerprint(def: CourseDefinition): string {
  let fp = memo.get(def);
  if (!fp) {
    fp = hash(JSON.stringify(outline(def)));
    memo.set(def, fp);
  }
  return fp;
}

/** Ids and links in course order, nothing a learner reads. */
function outline(def: CourseDefinition) {
  return [
    def.id,
    def.tracks.map((t) => t.id),
    def.programmes.map((p) => p.id),
    def.modules.map((m) => [m.id, m.tracks, m.programmes, m.steps.map((s) => [s.kind, s.id, s.kind === 'check' ? s.item : null])]),
    Object.values(def.scenarios).map((sc) => [
      sc.id, sc.tracks, sc.programmes, sc.start,
      Object.values(sc.nodes).map((n) => [n.id, n.kind, n.kind === 'decision' ? n.options.map((o) => [o.id, o.next]) : n.kind === 'ending' ? null : n.next]),
    ]),
    Object.values(def.items).map((it) => [it.id, it.type, it.module, it.tracks, it.checkOnly, it.critical, it.forms.map((f) => [f.id, f.options.map((o) => o.id)])]),
    def.assessment.attempts,
    def.assessment.sections.map((s) => [s.id, s.tracks, s.modules, s.draw, s.minPerModule]),
  ];
}

/** FNV-1a, 32 bits, in base 36: at most seven characters. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}
