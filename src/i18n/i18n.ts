/**
 * Interface strings through i18next (plurals, interpolation). Only the active language's
 * strings are fetched; switching loads the other one on demand.
 */
import i18next, { type i18n } from 'i18next';
import type { Lang } from '../engine/definition.ts';

const bundles = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json');

async function loadBundles(instance: i18n, lang: Lang) {
  for (const [path, load] of Object.entries(bundles)) {
    const m = /locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
    if (!m || m[1] !== lang || instance.hasResourceBundle(lang, m[2])) continue;
    instance.addResourceBundle(lang, m[2], (await load()).default, true, true);
  }
}

export async function createI18n(lang: Lang): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: lang,
    fallbackLng: false,
    ns: ['ui'],
    defaultNS: 'ui',
    resources: {},
    interpolation: { escapeValue: false }, // Svelte escapes on render
    returnNull: false,
  });
  await loadBundles(instance, lang);
  return instance;
}

export async function switchLanguage(instance: i18n, lang: Lang) {
  await loadBundles(instance, lang);
  await instance.changeLanguage(lang);
}
