/**
 * The author preview's map pages (`?map` lists the scenarios, `?map=<id>` shows one): the
 * scenario's SVG map, each node and option a link that opens the preview there, and the
 * path report under it. Loaded only in the preview, only when asked for: dagre and the
 * graph walks never reach the learner bundle.
 */
import type { ContentStrings, CourseDefinition, Lang } from '../../engine/definition.ts';
import { scenarioSvg } from '../map/index.ts';
import { plainText } from '../map/text.ts';
import { scenarioPaths } from '../paths/scenario-paths.ts';
import { formatReport, PATH_RULE } from '../paths/report.ts';
import { writeParams, type PreviewParams } from './params.ts';

export async function renderMapPage(root: HTMLElement, def: CourseDefinition, loadContent: (l: Lang) => Promise<ContentStrings>, params: PreviewParams) {
  const lang = params.lang && def.languages.includes(params.lang) ? params.lang : def.languages[0];
  const strings = await loadContent(lang);
  document.documentElement.lang = lang;
  const page = document.createElement('div');
  page.style.cssText = 'font-family:system-ui,sans-serif;padding:12px';
  const id = typeof params.map === 'string' ? params.map : null;
  if (!id || !def.scenarios[id]) page.append(...listPage(def, strings, lang, id));
  else page.append(...scenarioPage(def, strings, lang, id));
  root.replaceChildren(page);
}

function listPage(def: CourseDefinition, strings: ContentStrings, lang: Lang, unknown: string | null): Node[] {
  document.title = 'Scenario maps';
  const out: Node[] = [el('h1', 'Scenario maps')];
  if (unknown) out.push(el('p', `No scenario "${unknown}" in this course.`, 'color:#b3261e'));
  const ul = el('ul');
  for (const sc of Object.values(def.scenarios)) {
    const li = el('li');
    li.append(link(sc.id, writeParams({ lang, map: sc.id })), ` ${plainText(strings, sc.title)} (${Object.keys(sc.nodes).length} nodes)`);
    if (sc.tracks) li.append(el('strong', ` ${sc.tracks.join(', ')} track only`, 'color:#b3261e'));
    ul.append(li);
  }
  out.push(ul, langLinks(def, lang, true));
  return out;
}

function scenarioPage(def: CourseDefinition, strings: ContentStrings, lang: Lang, id: string): Node[] {
  document.title = `Map: ${plainText(strings, def.scenarios[id].title)}`;
  const report = scenarioPaths(def, id);
  const at = (node: string, option?: string) =>
    writeParams({ lang, track: report.track ?? undefined, programme: report.programme ?? undefined, target: { scenario: id, node, option } });
  const nav = el('p');
  nav.append(link('← all maps', writeParams({ lang, map: true })), ' · ', link('play from the start', at(def.scenarios[id].start)), ' · ', langLinks(def, lang, id));
  const figure = el('div', '', 'overflow:auto;border:1px solid #dadce0');
  // The SVG is generated from escaped text by the map renderer; nothing from the address goes in.
  figure.innerHTML = scenarioSvg(def, strings, id, { href: at });
  const pre = el('pre', `${PATH_RULE}\n\n${formatReport(report, def.scenarios[id].tracks ? `track ${def.scenarios[id].tracks!.join(', ')} only` : 'every track')}`, 'white-space:pre-wrap;font-size:12px');
  return [nav, el('p', 'Click a node or an option to open the preview there.', 'color:#5f6368;margin:4px 0'), figure, el('h2', 'Paths'), pre];
}

function langLinks(def: CourseDefinition, lang: Lang, map: string | true): Node {
  const span = el('span');
  for (const l of def.languages) span.append(l === lang ? el('strong', ` ${l} `) : link(` ${l} `, writeParams({ lang: l, map })));
  return span;
}

function el(tag: string, text = '', style = '') {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (style) e.style.cssText = style;
  return e;
}

function link(text: string, href: string) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}
