/**
 * The first screen, before the engine and the rest of the definition have loaded: on a
 * first launch (the LMS holds no journey, this browser keeps nothing of the course, this
 * tab may write) the welcome screen is drawn from the course head, the core text and the
 * interface strings alone. Anything else (a return, another tab writing, a cmi5 launch, the
 * author preview) waits for the full app, which loads beside it from the first moment.
 * What the learner does on this screen waits for the full app, then happens there.
 */
import head from 'virtual:course-head';
import textParts from 'virtual:content-parts';
import type { ContentStrings, Lang } from '../engine/definition.ts';
import type { LearnerEvent } from '../engine/events.ts';
import type { CourseHead } from '../engine/head.ts';
import { chooseLanguage } from '../engine/language.ts';
import type { ViewModel } from '../engine/view.ts';
import { keptInBrowser, peekLaunch } from '../lms/launch-peek.ts';
import type { ScormApi } from '../lms/scorm-api.ts';
import { ContentText } from './content-text.ts';
import type { CourseApp } from './course-app.svelte.ts';
import { pluggedPreview } from './preview-hook.ts';
import { claimWriter, writerName, type Writer } from './single-writer.ts';
import { translate, type Strings } from './translate.ts';

/** What start-up found before the full app loaded, for it to use rather than find again. */
export interface Prelaunch {
  /** The LMS's API, already opened (null: no LMS). */
  api: ScormApi | null;
  /** The writer role, already claimed. */
  writer: Writer | null;
}

const uiStrings = import.meta.glob<{ default: Strings }>('../../locales/*/ui.json');

/** The welcome screen's app: the same reading surface as CourseApp (ui/shell.ts). */
export class FirstScreenApp {
  readonly writer = 'here' as const;
  readonly failed = false;
  readonly askResume = false;
  readonly view: ViewModel;
  readonly content: ContentText;
  private full: CourseApp | null = null;
  private readonly pending: ((app: CourseApp) => void)[] = [];

  constructor(
    readonly head: CourseHead,
    readonly lang: Lang,
    text: ContentStrings,
    private readonly strings: Strings,
    /** No LMS: the footer says progress stays in this browser, as the full app's does. */
    readonly localOnly: boolean,
  ) {
    this.content = new ContentText(text, null);
    this.view = { screen: { kind: 'welcome' }, progress: { done: 0, total: head.welcomeSteps }, module: null, track: null, programme: null };
  }

  t = (key: string, options?: Record<string, unknown>): string => translate(this.strings, this.lang, key, options);

  /** Done by the full app as soon as it is there (at once if it is). */
  private later(act: (app: CourseApp) => void) {
    if (this.full) act(this.full);
    else this.pending.push(act);
  }
  send(event: LearnerEvent): boolean {
    this.later((app) => app.send(event));
    return true;
  }
  async setLang(lang: Lang): Promise<void> {
    this.later((app) => void app.setLang(lang));
  }
  /** The full app has replaced this one on screen: what the learner asked for meanwhile is done there. */
  handOver(app: CourseApp) {
    this.full = app;
    for (const act of this.pending.splice(0)) act(app);
  }
}

/** Opens the LMS and, on a first launch, makes the welcome screen's app. */
export async function openFirstScreen(): Promise<{ pre: Prelaunch | null; first: FirstScreenApp | null }> {
  if (pluggedPreview()) return { pre: null, first: null };
  if (document.querySelector('meta[name="course-cmi5"]') && /[?&]fetch=/.test(location.search)) return { pre: null, first: null };
  const peek = peekLaunch(window);
  const pre: Prelaunch = { api: peek.api, writer: null };
  if (!peek.opened || peek.saved || keptInBrowser(head.id)) return { pre, first: null };
  pre.writer = await claimWriter(writerName(head.id, peek.learnerId));
  if (!pre.writer.held) return { pre, first: null };
  const lang = chooseLanguage(peek.language, navigator.languages ?? [navigator.language], head.languages);
  const load = uiStrings[`../../locales/${lang}/ui.json`];
  if (!load) return { pre, first: null };
  const [core, ui] = await Promise.all([textParts[lang].core(), load()]);
  return { pre, first: new FirstScreenApp(head, lang, core.default, ui.default, !peek.api) };
}
