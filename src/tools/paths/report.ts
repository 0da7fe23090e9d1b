/** The path report in words, one block per scenario (used by `npm run paths`). */
import type { Choice, PathSummary, ScenarioPaths } from './scenario-paths.ts';

const choices = (cs: Choice[]) => (cs.length ? cs.map((c) => `${c.node}→${c.option}${c.best ? ' ✓' : ''}`).join(', ') : 'no choice');
const path = (p: PathSummary | null) => (p ? `${p.screens} screens, ${p.choices.length} choice(s): ${choices(p.choices)} ⇒ ${p.ending}` : 'none');

/** Problems worth failing on: no way to an ending, or best choices that never end. */
export function problemsOf(r: ScenarioPaths): string[] {
  const out: string[] = [];
  if (!r.paths) out.push(`${r.scenario}: no path reaches an ending`);
  if (!r.bestPath) out.push(`${r.scenario}: choosing the best option everywhere never reaches an ending`);
  for (const e of r.endings) if (!e.paths) out.push(`${r.scenario}: ending "${e.id}" is never reached`);
  return out;
}

export function formatReport(r: ScenarioPaths, scope: string): string {
  const lines = [
    `${r.scenario}  (${scope}; walked as track ${r.track ?? '-'}, programme ${r.programme ?? '-'})`,
    `  ${r.screens} screens in the engine graph; ${r.capped ? 'more than ' : ''}${r.paths} distinct path(s) from the first screen to an ending`,
    `  shortest   ${path(r.shortest)}`,
    `  longest    ${path(r.longest)}`,
    `  endings    ${r.endings.map((e) => `${e.id} (${e.paths} path${e.paths === 1 ? '' : 's'})`).join(', ')}`,
    `  best path  ${path(r.bestPath)}`,
  ];
  if (r.loops.length) {
    lines.push(`  replay loops (${r.loops.length}; each can be taken again and again, so it is listed here and not counted as a path):`);
    for (const l of r.loops) lines.push(`    ${l.node}→${l.option} → ${[...l.via, `back to ${l.backTo}`].join(' → ')}`);
  }
  const off = r.bestOffBestPath.map((o) => `${o.node}→${o.option}`).join(', ');
  lines.push(`  never on the best path: ${r.notBest} option(s) not marked best; best options met only after a non-best choice: ${off || 'none'}`);
  return lines.join('\n');
}

export const PATH_RULE =
  'A path is a way from the first screen of a scenario to an ending that never shows the same screen twice ' +
  '(a screen is a node, or the feedback of one option). A replay loop (a choice whose consequence leads back to an ' +
  'earlier decision) could be repeated without end, so it is left out of the count and listed on its own.';
