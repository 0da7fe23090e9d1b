/**
 * Author preview only: dev-entry.ts plugs this into start-up (src/app/preview-hook.ts) in
 * the dev server, so it and everything it loads (graph walks, maps, dagre) are never part
 * of the learner build.
 *
 *   ?lang=en&track=minors&programme=youth&module=…&scenario=…&node=…[&option=…]  opens any screen
 *   ?map  and  ?map=<scenario>                                                  scenario maps
 *
 * A linked preview keeps its address in step with the screen, so the reload that follows
 * each save of a scenario, module or locale file comes back to the same place.
 */
import type { ContentStrings, CourseDefinition, Lang } from '../../engine/definition.ts';
import type { PreviewHook } from '../../app/preview-hook.ts';
import { readParams } from './params.ts';
import { jump } from './jump.ts';
import { showDevBar, showDevError } from './dev-bar.ts';

export type DevPreview = PreviewHook;

export async function devPreview(def: CourseDefinition, loadContent: (l: Lang) => Promise<ContentStrings>): Promise<DevPreview> {
  const params = readParams(location.search);
  if (params.map) {
    const { renderMapPage } = await import('./map-page.ts');
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
