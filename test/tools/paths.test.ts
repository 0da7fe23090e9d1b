/**
 * The path report: counts checked against xstate's own simple-path generator on the same
 * engine graph, the figures of the fixtures (which a trainer can check by hand), and
 * `npm run paths` on the fixtures and the shipped course.
 */
import { describe, expect, it } from 'vitest';
import { getSimplePaths } from 'xstate/graph';

import { createCourseMachine, type CourseSnapshot } from '../../src/engine/machine.ts';
import { positionOf } from '../../src/engine/position.ts';
import { courseGraph, inScenario, learnerEvents, serializeState } from '../../src/tools/graph/course-graph.ts';
import { findPath } from '../../src/tools/graph/find-path.ts';
import { scenarioPaths } from '../../src/tools/paths/scenario-paths.ts';
import type { CourseDefinition } from '../../src/engine/definition.ts';
import { compiled, courses, LARGE, PROJECT, runCli, SAMPLE } from './helpers.ts';

/** The same count through `getSimplePaths` (one search per state: slower, but xstate's own). */
function simplePathsToEndings(def: CourseDefinition, scenario: string): number {
  const machine = createCourseMachine(def);
  const start = findPath(def, { scenario }, {}, machine);
  if (!start.ok) throw new Error(start.reason);
  const here = positionOf(def, start.snapshot);
  const g = courseGraph(def, { track: start.track, programme: start.programme }, machine);
  const paths = getSimplePaths(machine, {
    input: g.input,
    fromState: start.snapshot,
    events: (s: CourseSnapshot) => {
      const pos = positionOf(def, s);
      return inScenario(pos, here.module!.id, here.stepIndex!) && pos.node?.kind !== 'ending' ? learnerEvents(g, s) : [];
    },
    serializeState: (s: CourseSnapshot) => serializeState(s),
  });
  return paths.filter((p) => positionOf(def, p.state as CourseSnapshot).node?.kind === 'ending').length;
}

describe('path report', () => {
  for (const { name, c } of courses()) {
    it(`agrees with xstate's getSimplePaths on every scenario of the ${name} course`, () => {
      const def = c.definition;
      for (const id of Object.keys(def.scenarios)) {
        const r = scenarioPaths(def, id);
        expect(r.paths, id).toBe(simplePathsToEndings(def, id));
        expect(r.paths, id).toBeGreaterThan(0);
        expect(r.shortest!.screens).toBeLessThanOrEqual(r.longest!.screens);
        expect(r.endings.reduce((n, e) => n + e.paths, 0)).toBe(r.paths);
        expect(r.bestPath, `${id}: choosing best everywhere ends`).not.toBeNull();
        expect(r.bestPath!.choices.every((ch) => ch.best)).toBe(true);
      }
    });
  }

  it('gives the figures of the sample scenarios', () => {
    const def = compiled(SAMPLE)!.definition;
    const r = scenarioPaths(def, 'birthday-envelope');
    // keep-card is the only way on at "card"; "jam" has two ways on; "will" one.
    expect(r.paths).toBe(2);
    expect(r.endings).toEqual([{ id: 'debrief', paths: 2 }]);
    expect(r.bestPath!.choices.map((ch) => ch.option)).toEqual(['keep-card', 'accept-log', 'decline-report']);
    expect(r.loops.map((l) => `${l.node}→${l.option}→${l.via.join('→')}→${l.backTo}`)).toEqual([
      'card→take-all→card-consequence→card',
      'card→donate→card-consequence→card',
      'jam→return-favour→jam-consequence→jam',
      'will→change-subject→will-consequence→will',
      'will→suggest-daughter→will-consequence→will',
    ]);
    expect(r.notBest).toBe(6);
    expect(r.bestOffBestPath).toEqual([]);
    expect(scenarioPaths(def, 'late-night-dm')).toMatchObject({ paths: 4, track: 'minors' });
  });

  it('handles the 30-node scenario: three endings, a best option only met off the best path', () => {
    const r = scenarioPaths(compiled(LARGE)!.definition, 'long-evening');
    expect(r.paths).toBe(74);
    expect(r.endings).toEqual([
      { id: 'end-best', paths: 24 },
      { id: 'end-partial', paths: 48 },
      { id: 'end-early', paths: 2 },
    ]);
    expect(r.shortest).toMatchObject({ screens: 9, ending: 'end-early' });
    expect(r.longest!.screens).toBe(22);
    expect(r.loops).toHaveLength(8);
    expect(r.bestOffBestPath).toEqual([{ node: 'd4', option: 'hand-over' }]);
    // A cap keeps a huge scenario from running for ever, and says so.
    expect(scenarioPaths(compiled(LARGE)!.definition, 'long-evening', { limit: 10 })).toMatchObject({ paths: 10, capped: true });
  });

  it('prints the report with `npm run paths`', () => {
    const r = runCli('src/cli/paths.ts', ['--root', LARGE]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('long-evening  (track minors only');
    expect(r.out).toContain('longest    22 screens');
    expect(r.out).toContain('74 distinct path(s)');
    expect(r.out).toContain('endings    end-best (24 paths), end-partial (48 paths), end-early (2 paths)');
    expect(r.out).toContain('d1→follow-her → c1 → back to d1');
    expect(r.out).toContain('best options met only after a non-best choice: d4→hand-over');
    const json = runCli('src/cli/paths.ts', ['--root', SAMPLE, '--json']);
    expect(JSON.parse(json.out).scenarios.map((s: { paths: number }) => s.paths)).toEqual([2, 4]);
    if (compiled(PROJECT)) expect(runCli('src/cli/paths.ts', []).code).toBe(0);
  });
});
