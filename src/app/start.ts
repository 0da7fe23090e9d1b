/**
 * Start-up: load the course structure, pick the LMS adapter, choose the language, load only
 * that language's core text (module text follows in the background), restore the saved
 * journey, and hand the app to the interface (src/main.ts mounts it: the app layer never
 * imports the interface).
 */
import def from 'virtual:course';
import textParts from 'virtual:content-parts';
import type { ContentStrings, Lang } from '../engine/definition.ts';
import { CourseSession } from '../engine/session.ts';
import { decodeJourney } from '../engine/journey.ts';
import { chooseLanguage } from '../engine/language.ts';
import { createI18n } from '../i18n/i18n.ts';
import { detectAdapter } from '../lms/detect.ts';
import type { LmsAdapter } from '../lms/adapter.ts';
import { CourseApp, type ContentParts } from './course-app.svelte.ts';
import { cmi5Launch, presetTrack } from './launch.ts';
import { claimWriter, writerName } from './single-writer.ts';
import { WriterGate } from './writer-gate.ts';
import { ContentText } from './content-text.ts';
import { pluggedPreview } from './preview-hook.ts';
import type { Prelaunch } from './first-screen.ts';
import type { Cmi5Read } from '../lms/cmi5/peek.ts';
import { tellRestored } from './wiring.ts';

const loaders: Record<Lang, () => Promise<{ default: ContentStrings }>> = {
  fr: () => import('virtual:content/fr'),
  en: () => import('virtual:content/en'),
};
const loadContent = async (lang: Lang) => (await loaders[lang]()).default;
/** What learners download: a small core first, each module's text when it is needed. */
const contentParts: ContentParts = {
  core: async (lang) => (await textParts[lang].core()).default,
  module: async (lang, id) => (await textParts[lang].modules[id]()).default,
};

/**
 * Lets the page handle input between the steps of start-up: while the first screen is up,
 * no step should hold the main thread long (a learner may already be scrolling or typing).
 */
const breathe = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Starts the course and calls `show` with the app once the first screen can be drawn with
 * its text.
 */
export async function startCourse(show: (app: CourseApp) => void | Promise<void>, pre: Prelaunch | null = null): Promise<void> {
  // Author preview only: the dev server plugs it in (links to any screen, scenario maps).
  const dev = await pluggedPreview();
  if (dev?.page) return;
  // The LMS's API as start-up already opened it for the first screen, if it did.
  const preset = presetTrack(def.tracks.map((t) => t.id));
  const lms: LmsAdapter = (await cmi5Adapter(preset, pre?.cmi5)) ?? (await detectAdapter(def, window, preset, pre ? pre.api : undefined));
  // Read first, write only once this tab is the one writer for this course and learner.
  const launch = lms.launchData();
  const name = writerName(def.id, launch.learnerId);
  const adapter = new WriterGate(lms, `${name}:journey`);
  const writer = pre?.writer ?? (await claimWriter(name));
  if (writer.held) adapter.start();
  const saved = decodeJourney(launch.suspendData);
  // The learner's own last choice wins over the LMS preference and the browser.
  const lang = dev?.lang ?? (saved.ok && def.languages.includes(saved.journey.lang)
    ? saved.journey.lang
    : chooseLanguage(launch.language, navigator.languages ?? [navigator.language], def.languages));
  const [strings, i18n] = await Promise.all([contentParts.core(lang), createI18n(lang)]);
  await breathe();
  const session = new CourseSession(def, { lang, presetTrack: preset });
  await breathe();
  // Before the app listens: reaching a linked screen is not learner activity to report.
  const linked = dev?.jump(session) ?? null;
  const app = new CourseApp(def, session, adapter, i18n, contentParts, strings);
  app.learnerName = launch.learnerName;
  // Interaction descriptions for the LMS, in the learner's current language.
  adapter.useText?.((key) => app.content.plain(key), () => app.lang);
  app.applyRestore(linked ?? session.restore(launch.suspendData));
  tellRestored(adapter, session);
  if (!writer.held) app.writer = 'elsewhere';
  writer.onLost(() => {
    adapter.stop();
    app.writer = 'moved';
  });
  app.takeOver = async () => {
    await writer.steal();
    // Where the tab that wrote until now left the learner: newer than this tab's launch data.
    const latest = adapter.latest();
    adapter.start(latest);
    if (latest && latest !== session.save()) {
      app.applyRestore(session.restore(latest));
      // The language on screen stays: it is the learner's latest choice in this tab.
      if (session.lang !== app.lang) session.setLang(app.lang);
    }
    tellRestored(adapter, session);
    app.writer = 'here';
    if (latest) app.persist();
  };
  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && adapter.flush());
  addEventListener('pagehide', () => adapter.flush());
  // A learner resuming inside a module sees its text at once, not a loading message.
  await app.ensureText();
  await breathe();
  await show(app);
  // The rest of the text once the first screen is up, so it never delays it.
  const later = globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 300));
  later(() => void app.prefetchText());
  dev?.attach(session);
}

/**
 * A cmi5 launch (cmi5 package and launch parameters) loads the cmi5 chunk only; a launch it
 * cannot open (no token, no LaunchData) keeps progress in this browser. `read`: what the
 * first screen already read of the LRS.
 */
async function cmi5Adapter(preset: string | null, read?: Cmi5Read) {
  if (!cmi5Launch()) return null;
  const cmi5 = await import('../lms/cmi5/index.ts');
  try {
    const adapter = await cmi5.openCmi5(def, location.search, preset, window, read);
    // Interaction names and choices in every language, once the text is there.
    void Promise.all(def.languages.map(async (l) => [l, new ContentText(await loadContent(l), null)] as const)).then((all) =>
      adapter.useTexts(Object.fromEntries(all.map(([l, t]) => [l, (k: string) => t.plain(k)]))),
    );
    return adapter;
  } catch (e) {
    console.warn(`cmi5: launch failed (${String(e)}); progress is kept in this browser`);
    return null;
  }
}

