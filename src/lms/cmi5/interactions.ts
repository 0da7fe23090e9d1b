/**
 * Decisions and answers → cmi.interaction records (statements.ts turns them into xAPI),
 * with names and choices in every course language and ids from the YAML ids (ids.ts).
 */
import type { CourseDefinition, Lang, TextKey } from '../../engine/definition.ts';
import type { TimedDomainEvent } from '../../engine/session.ts';
import { courseIri, xapiIds } from './ids.ts';
import type { Interaction, LangMap } from './statements.ts';

/** Content text per language (plain, one line); a language not loaded yet gives ''. */
export type Texts = Partial<Record<Lang, (key: TextKey) => string>>;

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The interaction one domain event describes, or null for events that are not answers. */
export function interactionOf(def: CourseDefinition, texts: Texts, { event: e, at, latencyMs }: TimedDomainEvent): Interaction | null {
  const base = courseIri(def.id);
  const say = (...keys: (TextKey | undefined)[]): LangMap => {
    const out: LangMap = {};
    for (const [lang, t] of Object.entries(texts) as [Lang, (k: TextKey) => string][]) {
      const s = oneLine(keys.filter((k): k is TextKey => !!k).map((k) => t(k)).filter(Boolean).join(': '));
      if (s) out[lang] = s;
    }
    return out;
  };
  if (e.type === 'decision.made') {
    const sc = def.scenarios[e.scenario];
    const node = sc?.nodes[e.node];
    if (!sc || node?.kind !== 'decision') return null;
    return {
      id: xapiIds.decision(base, e.scenario, e.node),
      type: 'choice',
      name: say(sc.title),
      description: say(node.prompt),
      choices: node.options.map((o) => ({ id: o.id, description: say(o.text) })),
      correct: e.bestOption ? [e.bestOption] : null,
      response: [e.option],
      success: e.bestOption ? e.best : null,
      durationMs: latencyMs,
      grouping: [xapiIds.scenario(base, e.scenario)],
      at,
    };
  }
  if (e.type === 'item.answered') {
    const item = def.items[e.item];
    const form = item?.forms.find((f) => f.id === e.form);
    if (!item || !form) return null;
    return {
      id: e.section === null ? xapiIds.check(base, e.item) : xapiIds.assessment(base, e.form),
      type: e.itemType === 'truefalse' ? 'true-false' : 'choice',
      name: say(form.stem),
      description: say(form.stem),
      choices: form.options.map((o) => ({ id: o.id, description: say(o.text) })),
      correct: e.correctOptions,
      response: e.selected,
      success: e.correct,
      durationMs: latencyMs,
      grouping: item.module ? [xapiIds.module(base, item.module)] : [],
      at,
    };
  }
  return null;
}
