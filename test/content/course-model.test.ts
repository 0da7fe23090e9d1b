/**
 * Model-based tests over the shipped course, with xstate's graph utilities: every state can
 * still reach the end, every node and option of every scenario is reachable, every simple path
 * of every scenario ends, and the longest journey fits SCORM 1.2's suspend data.
 */
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/authoring/load.ts';
import { formatDiagnostic } from '../../src/authoring/diagnostic.ts';
import { positionOf } from '../../src/engine/position.ts';
import { longestJourney } from '../../src/engine/longest-journey.ts';
import { canFinish, courseAdjacency, scenarioPaths } from '../helpers/course-graph.ts';

const built = buildCourse('.');
// A course that does not compile must fail here, not skip the suite.
if (!built.compiled) throw new Error(`the shipped course does not compile:\n${built.diagnostics.map(formatDiagnostic).join('\n')}`);
const compiled = built.compiled;

describe('shipped course as a graph', () => {
  const def = compiled.definition;
  const adj = courseAdjacency(def);

  it('can be finished from every reachable state, on every track and programme', () => {
    const ok = canFinish(adj);
    expect(Object.keys(adj).filter((k) => !ok.has(k))).toEqual([]);
    const ends = new Set(Object.values(adj).filter((v) => v.state.status === 'done').map((v) => {
      const c = v.state.context as { track: string; programme: string };
      return `${c.track}/${c.programme}`;
    }));
    expect(ends.size).toBe(def.tracks.length * Math.max(1, def.programmes.length));
  });

  it('reaches every node and option of every scenario, and every module page', () => {
    const seen = new Set<string>();
    for (const v of Object.values(adj)) {
      const pos = positionOf(def, v.state);
      if (pos.step?.kind === 'scenario' && pos.node) seen.add(`${pos.step.id}/${pos.node.id}${pos.option ? `:${pos.option}` : ''}`);
      if (pos.step?.kind === 'page') seen.add(`${pos.module!.id}/${pos.step.id}`);
    }
    const missing: string[] = [];
    for (const sc of Object.values(def.scenarios)) {
      for (const n of Object.values(sc.nodes)) {
        if (!seen.has(`${sc.id}/${n.id}`)) missing.push(`${sc.id}/${n.id}`);
        if (n.kind === 'decision') for (const o of n.options) if (!seen.has(`${sc.id}/${n.id}:${o.id}`)) missing.push(`${sc.id}/${n.id}:${o.id}`);
      }
    }
    for (const m of def.modules) for (const st of m.steps) if (st.kind === 'page' && !seen.has(`${m.id}/${st.id}`)) missing.push(`${m.id}/${st.id}`);
    expect(missing).toEqual([]);
  });

  for (const sc of Object.values(def.scenarios)) {
    it(`${sc.id}: every path ends; every decision has one best option and feedback in both languages`, () => {
      const { mini, paths } = scenarioPaths(def, sc.id);
      const finished = paths.filter((p) => positionOf(mini, p.state).phase !== 'learning');
      expect(finished.length).toBeGreaterThan(0);
      // Options that lead back to their decision (replay) end a simple path there; the course
      // graph test above shows the learner can always go on after them.
      const chosen = new Set(paths.flatMap((p) => p.steps.map((s) => s.event as { type: string; option?: string }).filter((e) => e.type === 'choice.select').map((e) => e.option)));
      for (const n of Object.values(sc.nodes)) {
        if (n.kind !== 'decision') continue;
        expect(n.options.filter((o) => o.best), `${sc.id}/${n.id}`).toHaveLength(1);
        for (const o of n.options) {
          expect(chosen, `${sc.id}/${n.id}:${o.id} on some path`).toContain(o.id);
          for (const lang of ['fr', 'en'] as const) {
            const fb = compiled.content[lang].text[o.feedback];
            expect(Array.isArray(fb) && fb.length > 0, `${sc.id}/${n.id}/${o.id} feedback (${lang})`).toBe(true);
          }
        }
      }
    });
  }

  it('the longest journey fits SCORM 1.2 suspend data (4096 characters)', () => {
    const saved = longestJourney(def, 2).save();
    console.log(`longest journey (every option tried, 2 failed attempts): ${saved.length} characters`);
    expect(saved.length).toBeLessThan(4096);
  });
});
