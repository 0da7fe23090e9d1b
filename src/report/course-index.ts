/**
 * What the report knows about one content version of the course: which decision or
 * question each interaction id stands for, and which option each written response means.
 * Built from the compiled course definition with the package's own identifier code, so the
 * reverse mapping cannot drift from what the package writes.
 */
import type { ContentStrings, CourseDefinition, Lang } from '../engine/definition.ts';
import { ids, makeId } from '../lms/identifiers.ts';
import { LIMITS } from '../lms/vocabulary.ts';
import { plainText } from '../tools/map/text.ts';
import { response12Of, response2004Of } from './response-ids.ts';

export type Target =
  | { kind: 'decision'; key: string; scenario: string; node: string; options: string[] }
  | { kind: 'check' | 'assessment'; key: string; item: string; form: string; options: string[]; type: 'choice' | 'true-false' }
  | { kind: 'attestation'; key: string; options: string[] };

/** Letters, digits only: `-`, `_` and `.` compare equal, as do cases. */
export const loose = (s: string) => s.toLowerCase().replace(/[-_.]/g, '');

export interface CourseVersion {
  def: CourseDefinition;
  content: Record<Lang, ContentStrings>;
}

export class CourseIndex {
  readonly def: CourseDefinition;
  private readonly content: Record<Lang, ContentStrings>;
  private byId = new Map<string, Target>();
  private byLoose = new Map<string, Target | null>();
  /** Target key → written response token → option id (exact forms first, loose forms apart). */
  private letters = new Map<string, Map<string, string>>();
  private exact = new Map<string, Map<string, string>>();
  private looseIds = new Map<string, Map<string, string | null>>();

  constructor(v: CourseVersion) {
    this.def = v.def;
    this.content = v.content;
    for (const sc of Object.values(v.def.scenarios)) {
      for (const n of Object.values(sc.nodes)) {
        if (n.kind !== 'decision') continue;
        this.add(ids.decision(sc.id, n.id), { kind: 'decision', key: `${sc.id}/${n.id}`, scenario: sc.id, node: n.id, options: n.options.map((o) => o.id) }, 'choice');
      }
    }
    for (const item of Object.values(v.def.items)) {
      const type = item.type === 'truefalse' ? 'true-false' : 'choice';
      const checkForm = item.forms[0];
      this.add(ids.check(item.id), { kind: 'check', key: `chk:${item.id}`, item: item.id, form: checkForm.id, options: checkForm.options.map((o) => o.id), type }, type);
      for (const f of item.forms) {
        this.add(ids.assessment(f.id), { kind: 'assessment', key: `asm:${f.id}`, item: item.id, form: f.id, options: f.options.map((o) => o.id), type }, type);
      }
    }
    this.add(ids.attestation(), { kind: 'attestation', key: 'attest', options: ['true', 'false'] }, 'true-false');
  }

  private add(parts: string[], t: Target, type: 'choice' | 'true-false') {
    // The same id as each version writes it (they differ only when shortened).
    for (const max of [LIMITS['1.2'].identifier, LIMITS['2004'].identifier]) this.byId.set(makeId(parts, max), t);
    const l = loose(makeId(parts, LIMITS['2004'].identifier));
    this.byLoose.set(l, this.byLoose.has(l) && this.byLoose.get(l) !== t ? null : t);
    const letters = new Map<string, string>();
    const exact = new Map<string, string>();
    const looseIds = new Map<string, string | null>();
    const shape = { type, options: t.options };
    for (const o of t.options) {
      const l12 = response12Of(shape, o);
      if (l12) letters.set(l12, o);
      for (const w of [response2004Of(shape, o), o]) if (w) exact.set(w, o);
      const lo = loose(o);
      looseIds.set(lo, looseIds.has(lo) && looseIds.get(lo) !== o ? null : o);
    }
    this.letters.set(t.key, letters);
    this.exact.set(t.key, exact);
    this.looseIds.set(t.key, looseIds);
  }

  /** The decision or question an interaction id (or the end of an xAPI activity id) stands for. */
  target(id: string): Target | null {
    return this.byId.get(id) ?? this.byLoose.get(loose(id)) ?? null;
  }

  /**
   * The option ids a written response means, or null when some part matches no option.
   * `hint` says which version wrote it when the file tells (letters are tried first for 1.2).
   */
  decode(t: Target, raw: string, hint?: '1.2' | '2004'): string[] | null {
    const value = raw.trim();
    if (!value) return null;
    if (t.kind === 'attestation' || ((t.kind === 'check' || t.kind === 'assessment') && t.type === 'true-false')) {
      const v = value.toLowerCase();
      if (v === 't' || v === 'true') return ['true'];
      if (v === 'f' || v === 'false') return ['false'];
      return null;
    }
    const by12 = () => {
      const parts = value.split(',').map((p) => p.trim());
      const out = parts.map((p) => this.letters.get(t.key)!.get(p.toLowerCase()));
      return out.every(Boolean) ? (out as string[]) : null;
    };
    const by2004 = () => {
      const parts = value.split('[,]').map((p) => p.trim());
      const out = parts.map((p) => this.exact.get(t.key)!.get(p) ?? this.looseIds.get(t.key)!.get(loose(p)) ?? undefined);
      return out.every(Boolean) ? (out as string[]) : null;
    };
    if (value.includes('[,]')) return by2004();
    return hint === '2004' ? by2004() ?? by12() : by12() ?? by2004();
  }

  /** The text of a content key in a language, one line, tokens left as `{{NAME}}`. */
  text(lang: Lang, key: string | undefined): string {
    return plainText(this.content[lang], key);
  }

  /** For the scenario maps. */
  strings(lang: Lang): ContentStrings {
    return this.content[lang];
  }
}
