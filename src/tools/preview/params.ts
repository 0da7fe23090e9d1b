/**
 * The author preview's address: `?lang=en&track=minors&programme=youth&module=…&step=…
 * &scenario=…&node=…&option=…` and `?map[=scenario]`. Pure, so the same rules are tested in
 * Node and used in the browser.
 */
import type { Lang } from '../../engine/definition.ts';
import type { Position } from '../../engine/position.ts';
import type { Target } from '../graph/target.ts';

export interface PreviewParams {
  lang?: Lang;
  track?: string;
  programme?: string;
  target: Target | null;
  /** `?map` (the list) or `?map=<scenario>`. */
  map?: string | true;
}

const TARGET_KEYS = ['module', 'step', 'scenario', 'node', 'option'] as const;

export function readParams(search: string): PreviewParams {
  const q = new URLSearchParams(search);
  const get = (k: string) => q.get(k)?.trim() || undefined;
  const target: Target = {};
  for (const k of TARGET_KEYS) if (get(k)) target[k] = get(k);
  const lang = get('lang');
  return {
    lang: lang === 'fr' || lang === 'en' ? lang : undefined,
    track: get('track'),
    programme: get('programme'),
    target: Object.keys(target).length ? target : null,
    map: q.has('map') ? get('map') ?? true : undefined,
  };
}

export function writeParams(p: Partial<PreviewParams>): string {
  const parts: string[] = [];
  const add = (k: string, v: string | undefined) => v && parts.push(`${k}=${encodeURIComponent(v)}`);
  add('lang', p.lang);
  add('track', p.track);
  add('programme', p.programme);
  if (p.map === true) parts.push('map');
  else add('map', p.map);
  for (const k of TARGET_KEYS) add(k, p.target?.[k]);
  return `?${parts.join('&')}`;
}

/** The screen a position shows, as a target: what a link to "here" opens. */
export function targetOf(pos: Position): Target | null {
  if (pos.phase !== 'learning' || !pos.module || !pos.step) return null;
  const t: Target = { module: pos.module.id };
  if (pos.step.kind === 'page') t.step = pos.step.id;
  else if (pos.step.kind === 'check') t.step = pos.step.item;
  else {
    t.scenario = pos.step.id;
    if (pos.node) t.node = pos.node.id;
    if (pos.option) t.option = pos.option;
  }
  return t;
}
