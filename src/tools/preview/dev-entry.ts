/**
 * The author preview's script (dev server only): the dev plugin adds it to the page before
 * the course's own script, and it plugs deep links, scenario maps and the preview bar into
 * start-up (src/app/preview-hook.ts). The learner's entry imports none of this.
 */
import def from 'virtual:course';
import type { ContentStrings, Lang } from '../../engine/definition.ts';
import { plugPreview } from '../../app/preview-hook.ts';
import { devPreview } from './deep-link.ts';

const loaders: Record<Lang, () => Promise<{ default: ContentStrings }>> = {
  fr: () => import('virtual:content/fr'),
  en: () => import('virtual:content/en'),
};

plugPreview(devPreview(def, async (lang) => (await loaders[lang]()).default));
