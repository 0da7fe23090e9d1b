/**
 * Author preview only: main.ts imports this module behind `import.meta.env.DEV`, so it and
 * everything it loads (graph walks, maps, dagre) are left out of the learner build.
 *
 *   ?lang=en&track=minors&programme=youth&module=…&scenario=…&node=…[&option=…]  opens any screen
 *   ?map  and  ?map=<scenario>                                                  scenario maps
 *
 * A linked preview keeps its address in step with the screen, so the reload that follows
 * each save of a scenario, module or locale file comes back to the same place.
 */
import type { ContentStrings, CourseDefinition, Lang } from '../engine/definition.ts';
import type { CourseSession, RestoreOutcome } from '../engine/session.ts';
import { readParams } from '../tools/preview/params.ts';
import { jump } from '../tools/preview/jump.ts';
import { showDevBar, showDevError } from '../tools/preview/dev-bar.ts';

export interface DevPreview {
  /** A tool page (the scenario maps) took the place of the course: start nothing else. */
  page: boolean;
  /** The language asked for in the address, if any. */
  lang?: Lang;
  /** Opens a fresh session at the linked screen; null when the address links nowhere. */
  jump(session: CourseSession): RestoreOutcome | null;
  /** Shows the preview bar once the course is on screen. */
  attach(session: CourseSession): void;
}

export async function devPreview(def: CourseDefinition, loadContent: (l: Lang) => Promise<ContentStrings>): Promise<DevPreview> {
  const params = readParams(location.search);
  if (params.map) {
    const { renderMapPage } = await import('../tools/preview/map-page.ts');
    await renderMapPage(document.getElementById('app')!, def, loadContent, params);
    return { page: true, jump: () => null, attach: () => {} };
  }
  let linked = false;
  return {
    page: false,
    lang: params.lang && def.languages.includes(params.lang) ? params.lang : undefined,
    jump(session) {
      if (!params.target) return null;
      const r = jump(session, params.target, { track: params.track, programme: params.programme });
      if (!r.ok) {
        showDevError(`Preview link: ${r.reason}`);
        session.reset(session.seed);
        return null;
      }
      linked = true;
      return { status: 'fresh' };
    },
    attach(session) {
      showDevBar(def, session, { syncUrl: linked });
    },
  };
}
