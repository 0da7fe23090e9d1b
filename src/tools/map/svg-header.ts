/** The fixed parts of a scenario map: colours by kind, the title block, scope badge and legend. */
import type { NodeKind, ScenarioMap } from './scenario-graph.ts';
import { escapeXml as x } from './text.ts';

export const KIND_STYLE: Record<NodeKind, { fill: string; stroke: string; label: string }> = {
  situation: { fill: '#e8f1fb', stroke: '#2f6690', label: 'SITUATION' },
  decision: { fill: '#ffffff', stroke: '#5b3a99', label: 'DECISION' },
  consequence: { fill: '#fdecea', stroke: '#b3261e', label: 'CONSEQUENCE' },
  feedback: { fill: '#fff6d6', stroke: '#8a6d00', label: 'FEEDBACK' },
  ending: { fill: '#e6f4ea', stroke: '#1e6b34', label: 'ENDING' },
};
export const BEST = '#1e6b34';
export const OTHER = '#b54708';
export const PLAIN = '#5f6368';
export const HEADER_H = 74;
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export function describe(map: ScenarioMap): string {
  const count = (k: NodeKind) => map.nodes.filter((n) => n.kind === k).length;
  const scope = map.tracks ? `Only for track ${map.tracks.join(', ')}.` : 'For every track.';
  return `${map.nodes.length} nodes: ${count('decision')} decisions, ${count('ending')} endings. ${scope}`;
}

export function defs(): string {
  const marker = (id: string, color: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`;
  return `<defs>${marker('arrow-best', BEST)}${marker('arrow-other', OTHER)}${marker('arrow-plain', PLAIN)}</defs>`;
}

export function header(map: ScenarioMap, width: number): string {
  // Uppercase bold letters are about 9 px wide at 12 px.
  const badgeW = 20 + 9 * badgeText(map).length;
  const scope = map.tracks
    ? `<g class="scope" transform="translate(16 46)"><rect width="${badgeW}" height="20" rx="10" fill="#b3261e"/><text x="10" y="14" fill="#fff" font-weight="700">${x(badgeText(map))}</text></g>`
    : `<text x="16" y="60" fill="#3c4043">For every track${map.programmes ? '' : ' and programme'}</text>`;
  const notes = [map.tracks ? map.tracks.map((t) => map.trackTitles[t] ?? t).join(', ') : '', map.programmes ? `Programmes: ${map.programmes.join(', ')}` : '']
    .filter(Boolean)
    .join(' · ');
  const progs = notes ? `<text x="${map.tracks ? 28 + badgeW : 170}" y="60" fill="#3c4043">${x(notes)}</text>` : '';
  const legend = legendGroup(width - 470);
  return `<g><text x="16" y="26" font-size="18" font-weight="700">${x(map.title)}</text><text x="16" y="40" fill="#5f6368" font-size="11">${x(`${map.id}${map.modules.length ? ` · module ${map.modules.join(', ')}` : ''}`)}</text>${scope}${progs}${legend}</g>`;
}

const badgeText = (map: ScenarioMap) => `${(map.tracks ?? []).map((t) => t.toUpperCase()).join(' + ')} TRACK ONLY`;

function legendGroup(left: number): string {
  const items = (Object.keys(KIND_STYLE) as NodeKind[]).map((k, i) => {
    const s = KIND_STYLE[k];
    return `<g transform="translate(${i * 92} 0)"><rect width="12" height="12" rx="2" fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.5"/><text x="16" y="10" font-size="10">${s.label.toLowerCase()}</text></g>`;
  });
  const line = (dx: number, color: string, dash: string, label: string) =>
    `<g transform="translate(${dx} 22)"><line x1="0" y1="6" x2="28" y2="6" stroke="${color}" stroke-width="2.5" ${dash}/><text x="34" y="10" font-size="10">${label}</text></g>`;
  return `<g transform="translate(${Math.max(left, 400)} 14)">${items.join('')}${line(0, BEST, '', 'best option')}${line(110, OTHER, 'stroke-dasharray="6 4"', 'other option')}${line(230, PLAIN, '', 'next')}</g>`;
}
