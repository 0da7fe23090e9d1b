/**
 * The first screen, before the engine and the rest of the definition have loaded, drawn from
 * the course head, the core text and the interface strings alone: the welcome screen on a
 * first launch, the resume question on a return (where the learner stopped is read from the
 * saved journey's landing keys: resume-place.ts), "open elsewhere" in a tab that is not the
 * one writer; on a cmi5 launch, once the LRS has said where the learner stands (cmi5/peek.ts).
 * What only the engine can tell (a journey it cannot place for sure, work this
 * browser keeps that the LMS may not have, the author preview) waits for the
 * full app, which loads beside it from the first moment. What the learner does on this
 * screen waits for the full app, then happens there.
 */
import head from 'virtual:course-head';
import textParts from 'virtual:content-parts';
import type { ContentStrings, Lang } from '../engine/definition.ts';
import type { LearnerEvent } from '../engine/events.ts';
import type { CourseHead } from '../engine/head.ts';
import { chooseLanguage } from '../engine/language.ts';
import type { ViewModel } from '../engine/view.ts';
import { launchJourney, peekLaunch } from '../lms/launch-peek.ts';
import { peekCmi5, type Cmi5Read } from '../lms/cmi5/peek.ts';
import type { ScormApi } from '../lms/scorm-api.ts';
import { ContentText } from './content-text.ts';
import type { CourseApp } from './course-app.svelte.ts';
import { cmi5Launch, presetTrack } from './launch.ts';
import { pluggedPreview } from './preview-hook.ts';
import { resumePoint, type ResumePoint } from './resume-place.ts';
import { claimWriter, writerName, type Writer } from './single-writer.ts';
import { translate, type Strings } from './translate.ts';

/** What start-up found before the full app loaded, for it to use rather than find again. */
export interface Prelaunch {
  /** The LMS's API, already opened (null: no LMS). */
  api: ScormApi | null;
  /** The writer role, already claimed. */
  writer: Writer | null;
  /** cmi5: what start-up already read of the LRS, the token first (the fetch URL gives it once). */
  cmi5?: Cmi5Read;
}

const uiStrings = import.meta.glob<{ default: Strings }>('../../locales/*/ui.json');

/** What the first screen shows: the welcome screen, the resume question, or "open elsewhere". */
export interface FirstView {
  writer: 'here' | 'elsewhere';
  askResume: boolean;
  view: ViewModel;
  /** The resume question's "you stopped at" (module title key or phase), when it is asked. */
  resume: ResumePoint | null;
}

/** The first screen's app: the same reading surface as CourseApp (ui/shell.ts). */
export class FirstScreenApp {
  readonly failed = false;
  readonly writer: 'here' | 'elsewhere';
  readonly askResume: boolean;
  readonly view: ViewModel;
  readonly content: ContentText;
  private readonly resume: ResumePoint | null;
  private full: CourseApp | null = null;
  private readonly pending: ((app: CourseApp) => void)[] = [];

  constructor(
    readonly head: CourseHead,
    readonly lang: Lang,
    text: ContentStrings,
    private readonly strings: Strings,
    /** No LMS: the footer says progress stays in this browser, as the full app's does. */
    readonly localOnly: boolean,
    first: FirstView = welcomeView(head),
  ) {
    this.writer = first.writer;
    this.askResume = first.askResume;
    this.view = first.view;
    this.resume = first.resume;
    this.content = new ContentText(text, first.view.programme);
  }

  t = (key: string, options?: Record<string, unknown>): string => translate(this.strings, this.lang, key, options);

  /** Where the learner stopped, in words: the module's title, else the part of the course. */
  get resumePlace(): string {
    const r = this.resume;
    if (!r) return this.t('place.welcome');
    return r.moduleTitle ? this.content.plain(r.moduleTitle) : this.t(`place.${r.place.phase}`);
  }

  /** The module the learner resumes in, if any (its text is fetched ahead: warm-up.ts). */
  get resumeModule(): string | null {
    return this.askResume ? (this.resume?.view.module?.id ?? null) : null;
  }

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
  continueJourney() {
    this.later((app) => app.continueJourney());
  }
  startOver() {
    this.later((app) => app.startOver());
  }
  /** Resolves once the full app has taken over recording (its screen then follows). */
  takeOver(): Promise<void> {
    return new Promise((done) => this.later((app) => void app.takeOver().then(done, done)));
  }
  /** The full app has replaced this one on screen: what the learner asked for meanwhile is done there. */
  handOver(app: CourseApp) {
    this.full = app;
    for (const act of this.pending.splice(0)) act(app);
  }
}

function welcomeView(head: CourseHead): FirstView {
  return {
    writer: 'here',
    askResume: false,
    view: { screen: { kind: 'welcome' }, progress: { done: 0, total: head.welcomeSteps }, module: null, track: null, programme: null },
    resume: null,
  };
}

/**
 * What the first screen can show for a launch with this saved journey (null: none saved),
 * this writer role and preset track; null when only the full app can tell.
 */
export function firstView(head: CourseHead, journey: string | null, writer: boolean, preset: string | null): FirstView | null {
  const resume = journey ? resumePoint(head.resume, journey, preset) : null;
  if (journey && !resume) return null;
  const base = welcomeView(head);
  if (!resume) return { ...base, writer: writer ? 'here' : 'elsewhere' };
  return {
    writer: writer ? 'here' : 'elsewhere',
    askResume: resume.place.phase !== 'welcome',
    view: { ...resume.view, screen: { kind: 'welcome' } },
    resume,
  };
}

/** Opens the LMS and makes the first screen's app, when the launch tells enough to draw it. */
export async function openFirstScreen(): Promise<{ pre: Prelaunch | null; first: FirstScreenApp | null }> {
  if (pluggedPreview()) return { pre: null, first: null };
  const launch = await readLaunch();
  if (!launch) return { pre: null, first: null };
  const { pre, kept, learnerId, language, localOnly } = launch;
  if (!kept.known) return { pre, first: null };
  pre.writer = await claimWriter(writerName(head.id, learnerId));
  const shown = firstView(head, kept.journey, pre.writer.held, presetTrack(head.resume?.tracks ?? []));
  if (!shown) return { pre, first: null };
  // The learner's own last choice wins over the LMS preference and the browser (as start.ts).
  const lang = shown.resume && head.languages.includes(shown.resume.lang)
    ? shown.resume.lang
    : chooseLanguage(language, navigator.languages ?? [navigator.language], head.languages);
  const load = uiStrings[`../../locales/${lang}/ui.json`];
  if (!load) return { pre, first: null };
  const [core, ui] = await Promise.all([textParts[lang].core(), load()]);
  return { pre, first: new FirstScreenApp(head, lang, core.default, ui.default, localOnly, shown) };
}

type Kept = { known: true; journey: string | null } | { known: false };

/**
 * Who the learner is and the journey they resume, from the SCORM API or, on a cmi5 launch,
 * from the LRS (the token taken here is handed on to the adapter); null when nothing can be
 * drawn before the full app.
 */
async function readLaunch(): Promise<{ pre: Prelaunch; kept: Kept; learnerId: string | null; language: string | null; localOnly: boolean } | null> {
  if (cmi5Launch()) {
    const peek = await peekCmi5(location.search, head.id);
    if (!peek) return null;
    const kept: Kept = peek.journey.known ? { known: true, journey: peek.journey.value } : { known: false };
    return { pre: { api: null, writer: null, cmi5: peek.read }, kept, learnerId: peek.learnerId, language: peek.read.language, localOnly: false };
  }
  const peek = peekLaunch(window);
  const pre: Prelaunch = { api: peek.api, writer: null };
  if (!peek.opened) return { pre, kept: { known: false }, learnerId: null, language: null, localOnly: false };
  return { pre, kept: launchJourney(head.id, peek), learnerId: peek.learnerId, language: peek.language, localOnly: !peek.api };
}
