/**
 * Draws a laid-out scenario map as one standalone SVG: no script, no external font or
 * stylesheet, so the file opens anywhere and prints. Node kinds differ by colour *and* by
 * a written label; best and other options differ by colour *and* line style.
 */
import type { MapLayout, PlacedEdge, PlacedNode } from './layout.ts';
import { LINE_H } from './layout.ts';
import type { ScenarioMap } from './scenario-graph.ts';
import { BEST, defs, describe, FONT, header, HEADER_H, KIND_STYLE, OTHER, PLAIN } from './svg-header.ts';
import { escapeXml as x } from './text.ts';

export interface SvgOptions {
  /** In the author preview: the address a node or option opens at (deep link). */
  href?: (node: string, option?: string) => string;
}

export function renderSvg(map: ScenarioMap, lay: MapLayout, opts: SvgOptions = {}): string {
  const width = Math.max(lay.width, 760);
  const height = lay.height + HEADER_H;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${x(FONT)}" font-size="12" data-scenario="${x(map.id)}">`,
    `<title>${x(`Scenario map: ${map.title} (${map.id})`)}</title>`,
    `<desc>${x(describe(map))}</desc>`,
    defs(),
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    header(map, width),
    `<g transform="translate(0 ${HEADER_H})">`,
  );
  for (const e of lay.edges) out.push(edgePath(e));
  for (const n of lay.nodes) out.push(link(opts.href?.(n.id), nodeBox(n)));
  for (const e of lay.edges) if (e.label) out.push(link(opts.href?.(e.from, e.option!.id), edgeLabel(e)));
  out.push('</g></svg>');
  return out.join('\n');
}

function link(href: string | undefined, body: string): string {
  return href ? `<a href="${x(href)}">${body}</a>` : body;
}

function nodeBox(n: PlacedNode): string {
  const s = KIND_STYLE[n.kind];
  const left = n.x - n.width / 2;
  const top = n.y - n.height / 2;
  const double = n.kind === 'ending' ? `<rect x="${left + 3}" y="${top + 3}" width="${n.width - 6}" height="${n.height - 6}" rx="5" fill="none" stroke="${s.stroke}"/>` : '';
  const start = n.start ? `<text x="${left + n.width - 10}" y="${top + 16}" text-anchor="end" font-size="10" font-weight="700" fill="${s.stroke}">▶ START</text>` : '';
  const text = n.lines.map((l, i) => `<tspan x="${left + 10}" y="${top + 34 + i * LINE_H}">${x(l)}</tspan>`).join('');
  return (
    `<g class="node ${n.kind}" data-node="${x(n.id)}"><title>${x(`${n.id} (${n.kind})${n.title ? `: ${n.title}` : ''}\n${n.text}`)}</title>` +
    `<rect x="${left}" y="${top}" width="${n.width}" height="${n.height}" rx="8" fill="${s.fill}" stroke="${s.stroke}" stroke-width="${n.kind === 'decision' ? 2.5 : 1.5}"/>${double}` +
    `<text x="${left + 10}" y="${top + 16}" font-size="10" font-weight="700" fill="${s.stroke}">${s.label} <tspan font-family="ui-monospace, Menlo, Consolas, monospace" font-weight="700" fill="#202124">${x(n.id)}</tspan></text>${start}` +
    `<text fill="#202124">${text}</text></g>`
  );
}

function edgePath(e: PlacedEdge): string {
  const pts = e.points;
  if (!pts.length) return '';
  // A smooth curve through dagre's points: quadratic segments between midpoints.
  let d = `M${r(pts[0].x)},${r(pts[0].y)}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const mid = { x: (pts[i].x + pts[i + 1].x) / 2, y: (pts[i].y + pts[i + 1].y) / 2 };
    d += ` Q${r(pts[i].x)},${r(pts[i].y)} ${r(mid.x)},${r(mid.y)}`;
  }
  d += ` L${r(pts[pts.length - 1].x)},${r(pts[pts.length - 1].y)}`;
  const kind = !e.option ? 'plain' : e.option.best ? 'best' : 'other';
  const color = kind === 'best' ? BEST : kind === 'other' ? OTHER : PLAIN;
  const style = kind === 'best' ? 'stroke-width="2.5"' : kind === 'other' ? 'stroke-width="1.8" stroke-dasharray="6 4"' : 'stroke-width="1.5"';
  return `<path class="edge ${kind}" data-from="${x(e.from)}" data-to="${x(e.to)}" d="${d}" fill="none" stroke="${color}" ${style} marker-end="url(#arrow-${kind})"/>`;
}

function edgeLabel(e: PlacedEdge): string {
  const l = e.label!;
  const o = e.option!;
  const color = o.best ? BEST : OTHER;
  const left = l.x - l.width / 2;
  const top = l.y - l.height / 2;
  const lines = l.lines
    .map((t, i) => `<tspan x="${left + 8}" y="${top + 15 + i * 14}"${i === 0 ? ` font-weight="700" fill="${color}"` : ''}>${x(t)}</tspan>`)
    .join('');
  return (
    `<g class="option ${o.best ? 'best' : 'other'}" data-option="${x(o.id)}"><title>${x(`${o.id}${o.best ? ' (best)' : ''}: ${o.text}\n${o.feedback}`)}</title>` +
    `<rect x="${left}" y="${top}" width="${l.width}" height="${l.height}" rx="4" fill="#ffffff" stroke="${color}" ${o.best ? '' : 'stroke-dasharray="4 3"'}/>` +
    `<text font-size="11" fill="#202124">${lines}</text></g>`
  );
}

const r = (n: number) => Math.round(n * 10) / 10;
