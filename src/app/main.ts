/**
 * Entry point: load the course structure, pick the LMS adapter, choose the language, load
 * only that language's content, restore the saved journey, and mount the interface.
 */
import { mount } from 'svelte';
import def from 'virtual:course';
import type { ContentStrings, Lang } from '../engine/definition.ts';
import { CourseSession } from '../engine/session.ts';
import { decodeJourney } from '../engine/journey.ts';
import { chooseLanguage } from '../i18n/language.ts';
import { createI18n } from '../i18n/i18n.ts';
import { detectAdapter } from '../lms/detect.ts';
import { CourseApp } from './course-app.svelte.ts';
import { presetTrack } from './launch.ts';
import App from '../ui/App.svelte';
import '../ui/theme.css';

const loaders: Record<Lang, () => Promise<{ default: ContentStrings }>> = {
  fr: () => import('virtual:content/fr'),
  en: () => import('virtual:content/en'),
};
const loadContent = async (lang: Lang) => (await loaders[lang]()).default;

async function start() {
  const adapter = detectAdapter(def.id);
  const launch = adapter.start();
  const saved = decodeJourney(launch.suspendData);
  // The learner's own last choice wins over the LMS preference and the browser.
  const lang = saved.ok && def.languages.includes(saved.journey.lang)
    ? saved.journey.lang
    : chooseLanguage(launch.language, navigator.languages ?? [navigator.language], def.languages);
  const [strings, i18n] = await Promise.all([loadContent(lang), createI18n(lang)]);
  const session = new CourseSession(def, { lang, presetTrack: presetTrack(def) });
  const app = new CourseApp(def, session, adapter, i18n, loadContent, strings);
  app.learnerName = launch.learnerName;
  app.applyRestore(session.restore(launch.suspendData));
  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && adapter.flush());
  addEventListener('pagehide', () => adapter.flush());
  mount(App, { target: document.getElementById('app')!, props: { app } });
}

void start();
