/**
 * The author preview's bar: where the preview stands (module, scenario, node: the ids a
 * transcript or a link needs), a link to this very screen and to the scenario's map. Plain
 * DOM outside the course's own interface, so it never changes what learners see.
 */
import type { CourseDefinition } from '../../engine/definition.ts';
import type { CourseSession } from '../../engine/session.ts';
import { positionOf } from '../../engine/position.ts';
import { targetOf, writeParams } from './params.ts';

const BAR_STYLE =
  'position:fixed;right:0;bottom:0;z-index:2147483646;max-width:100%;box-sizing:border-box;padding:4px 10px;' +
  'font:12px/1.5 ui-monospace,Menlo,Consolas,monospace;background:#202124;color:#fff;border-top-left-radius:6px';
const LINK_STYLE = 'color:#8ab4f8;margin-left:10px';

/** Shows the bar and keeps it (and, for a linked preview, the address) in step with the session. */
export function showDevBar(def: CourseDefinition, session: CourseSession, opts: { syncUrl: boolean }) {
  const bar = document.createElement('aside');
  bar.id = 'author-preview-bar';
  bar.setAttribute('aria-label', 'Author preview');
  bar.style.cssText = BAR_STYLE;
  document.body.append(bar);
  const update = () => {
    const pos = positionOf(def, session.snapshot);
    const ctx = session.snapshot.context;
    const target = targetOf(pos);
    const lang = (document.documentElement.lang === 'en' || document.documentElement.lang === 'fr' ? document.documentElement.lang : session.lang) as 'fr' | 'en';
    const here = writeParams({ lang, track: ctx.track ?? undefined, programme: ctx.programme ?? undefined, target });
    const where = target ? [target.module, target.step, target.scenario, target.node, target.option].filter(Boolean).join(' › ') : pos.phase;
    bar.replaceChildren();
    const label = document.createElement('span');
    label.textContent = `preview · ${ctx.track ?? '-'}/${ctx.programme ?? '-'} · ${where}`;
    bar.append(label, anchor('link to this screen', here));
    if (target?.scenario) bar.append(anchor('map', writeParams({ lang, map: target.scenario })));
    else bar.append(anchor('maps', writeParams({ lang, map: true })));
    if (opts.syncUrl && target && location.search !== here) history.replaceState(null, '', here);
  };
  session.onChange(update);
  // The interface switches language without a state change; the page's lang attribute follows it.
  new MutationObserver(update).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  update();
}

function anchor(text: string, href: string) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.style.cssText = LINK_STYLE;
  return a;
}

/** A problem with a preview link, shown in the page rather than only in the console. */
export function showDevError(message: string) {
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.id = 'author-preview-error';
  box.style.cssText = 'position:fixed;left:0;right:0;top:0;z-index:2147483647;padding:8px 12px;font:14px/1.4 system-ui,sans-serif;background:#b3261e;color:#fff';
  box.textContent = message;
  document.body.append(box);
}
