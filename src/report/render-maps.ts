/**
 * The scenario maps of `npm run map` (src/tools/map), with each option's share of first
 * choices written on its arrow label. The map model is annotated before layout so labels
 * keep their room; the map's fixed English words are given in French for a French report.
 */
import type { Lang } from '../engine/definition.ts';
import { layoutMap, renderSvg, scenarioMap } from '../tools/map/index.ts';
import { escapeXml } from '../tools/map/text.ts';
import type { CourseIndex } from './course-index.ts';
import type { ScenarioFigure } from './figures.ts';
import { pct } from './format.ts';

// Each pattern ends where the next tag starts (a lookahead): the tag itself is left as it is.
const FRENCH: [RegExp, string][] = [
  [/>SITUATION (?=<)/g, '>SITUATION '], [/>DECISION (?=<)/g, '>DÉCISION '], [/>CONSEQUENCE (?=<)/g, '>CONSÉQUENCE '], [/>FEEDBACK (?=<)/g, '>RÉTROACTION '], [/>ENDING (?=<)/g, '>FIN '],
  [/>situation(?=<)/g, '>situation'], [/>decision(?=<)/g, '>décision'], [/>consequence(?=<)/g, '>conséquence'], [/>feedback(?=<)/g, '>rétroaction'], [/>ending(?=<)/g, '>fin'],
  [/>best option(?=<)/g, '>meilleure option'], [/>other option(?=<)/g, '>autre option'], [/>next(?=<)/g, '>suite'],
  [/>For every track and programme(?=<)/g, '>Pour tous les parcours et programmes'], [/>For every track(?=<)/g, '>Pour tous les parcours'],
  [/ TRACK ONLY(?=<)/g, ' : PARCOURS SEULEMENT'], [/✓ best ·/g, '✓ meilleure ·'], [/>▶ START(?=<)/g, '>▶ DÉBUT'],
];

export function annotatedMap(v: CourseIndex, fig: ScenarioFigure, lang: Lang): string {
  const map = scenarioMap(v.def, v.strings(lang), fig.id);
  for (const e of map.edges) {
    if (!e.option) continue;
    const d = fig.decisions.find((x) => x.node === e.from);
    const o = d?.options.find((x) => x.id === e.option!.id);
    if (!d || !o) continue;
    const share = d.learners ? pct(o.first / d.learners, lang) : '–';
    e.option.text = `${share} (${o.first}) · ${e.option.text}`;
  }
  let svg = renderSvg(map, layoutMap(map));
  if (lang === 'fr') for (const [re, s] of FRENCH) svg = svg.replace(re, s);
  // Every map defines the same arrow markers: ids made unique per map, so each map (the other
  // language's is hidden) points at its own markers.
  svg = svg.replace(/(id="|url\(#)(arrow-[\w-]+)/g, (_, a: string, id: string) => `${a}${fig.id}-${lang}-${id}`);
  const label = lang === 'fr' ? `Carte du scénario : ${map.title}` : `Scenario map: ${map.title}`;
  return svg.replace('<svg ', `<svg role="img" aria-label="${escapeXml(label)}" focusable="false" `);
}
