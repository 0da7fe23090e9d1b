/** One call from a compiled course to a scenario's SVG map. Used by `npm run map` and the preview. */
import type { ContentStrings, CourseDefinition } from '../../engine/definition.ts';
import { layoutMap } from './layout.ts';
import { scenarioMap } from './scenario-graph.ts';
import { renderSvg, type SvgOptions } from './svg.ts';

export function scenarioSvg(def: CourseDefinition, strings: ContentStrings, scenario: string, opts: SvgOptions = {}): string {
  const map = scenarioMap(def, strings, scenario);
  return renderSvg(map, layoutMap(map), opts);
}

export { scenarioMap, layoutMap, renderSvg };
