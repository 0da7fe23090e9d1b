/**
 * The application state the interface renders: view model, language, content text and
 * notices. Wires the session to the LMS adapter. Components stay thin and read from here.
 */
import type { i18n } from 'i18next';
import type { CourseDefinition, ContentStrings, Lang } from '../engine/definition.ts';
import type { LearnerEvent } from '../engine/events.ts';
import type { CourseSession, RestoreOutcome } from '../engine/session.ts';
import { selectView, type ViewModel } from '../engine/view.ts';
import { positionOf } from '../engine/position.ts';
import { courseHead, type CourseHead } from '../engine/head.ts';
import type { LmsAdapter, LmsNotice } from '../lms/adapter.ts';
import { ContentText } from './content-text.ts';
import { switchLanguage } from '../i18n/i18n.ts';
import { ContentCache, partsFor, prefetchOrder, type ContentLoader, type ContentParts, type TextTable } from './content-parts.ts';
import { wireSession, type Wiring } from './wiring.ts';

export type { ContentLoader, ContentParts } from './content-parts.ts';

export class CourseApp {
  view: ViewModel = $state()!;
  lang: Lang = $state()!;
  strings: ContentStrings = $state()!;
  /** Bumped when interface strings change, so `t()` readers re-render. */
  i18nVersion = $state(0);
  /** A saved journey was found: ask "continue or start over" before showing it. */
  askResume = $state(false);
  notices: LmsNotice['kind'][] = $state([]);
  /** What restoring said: unreadable, cut short by changed content, or found again on changed content. */
  restoreNotice: 'corrupt' | 'partial' | 'changed' | null = $state(null);
  /**
   * The course failed on the learner's last step. The step was neither saved nor reported;
   * the screen says so and offers to go back to where the learner was (`recover`).
   */
  failed = $state(false);
  learnerName: string | null = $state(null);
  /** When the learner confirmed the attestation (this session), for the printed date. */
  attestedAt: number | null = $state(null);
  /**
   * Whether this tab records the learner's progress: `elsewhere` when another tab of the
   * same course and learner already did at launch, `moved` when one took over from this one.
   */
  writer: 'here' | 'elsewhere' | 'moved' = $state('here');
  /** Makes this tab the one that records progress (set at start-up; see src/app/start.ts). */
  takeOver: () => Promise<void> = async () => {};
  /** The learner closed the course after using every attempt: the LMS has the final result. */
  left = $state(false);
  /** Text for the polite live region (feedback, language change). */
  announcement = $state('');

  /** Module parts of the text loaded for the current language. */
  loaded: string[] = $state([]);
  /** A part of the text could not be fetched (offline?): the screen offers to try again. */
  loadFailed = $state(false);

  content = $derived(new ContentText(this.strings, this.view.programme));
  /** What the shell and first screens read of the definition (the same as the first-screen app's). */
  readonly head: CourseHead;
  private readonly text: ContentCache;
  private readonly wiring: Wiring;

  constructor(
    readonly def: CourseDefinition,
    readonly session: CourseSession,
    readonly adapter: LmsAdapter,
    readonly i18n: i18n,
    loadContent: ContentLoader | ContentParts,
    strings: ContentStrings,
  ) {
    this.head = courseHead(def);
    this.text = new ContentCache(loadContent);
    this.lang = session.lang;
    this.strings = strings;
    if (this.text.whole) this.loaded = def.modules.map((m) => m.id);
    this.view = selectView(def, session.snapshot);
    session.onChange((s) => {
      this.view = selectView(def, s);
      void this.ensureText();
    });
    session.onError(() => (this.failed = true));
    this.wiring = wireSession(def, session, adapter, { onAttested: (e) => (this.attestedAt = e.at), view: () => this.view });
    adapter.onNotice((n) => {
      this.notices = n.kind === 'lms-restored' ? this.notices.filter((k) => k !== 'lms-lost') : [...new Set([...this.notices, n.kind])];
    });
  }

  /** Where the learner stopped, in words, for the resume question: the module's title, else the part of the course. */
  get resumePlace(): string {
    const pos = positionOf(this.def, this.session.snapshot);
    return pos.module ? this.content.plain(pos.module.title) : this.t(`place.${pos.phase}`);
  }

  /** Applies the outcome of restoring a saved journey. */
  applyRestore(outcome: RestoreOutcome) {
    if (outcome.status === 'corrupt') this.restoreNotice = 'corrupt';
    if (outcome.status === 'partial') this.restoreNotice = 'partial';
    if (outcome.status === 'resumed' && outcome.changed) this.restoreNotice = 'changed';
    const pos = positionOf(this.def, this.session.snapshot);
    this.askResume = (outcome.status === 'resumed' || outcome.status === 'partial') && pos.phase !== 'welcome';
    this.view = selectView(this.def, this.session.snapshot);
    void this.ensureText();
  }

  /** The text of the current screen is loaded. */
  get ready(): boolean {
    return partsFor(this.def, this.view, this.askResume).every((id) => this.loaded.includes(id));
  }

  private merge(lang: Lang, parts: [string, TextTable][]) {
    if (lang !== this.lang || !parts.length) return;
    this.strings = { ...this.strings, text: Object.assign({}, this.strings.text, ...parts.map(([, t]) => t)) };
    this.loaded = [...new Set([...this.loaded, ...parts.map(([id]) => id)])];
  }

  /** Fetches the text the current screen needs, if it is not here yet. */
  async ensureText(): Promise<void> {
    const lang = this.lang;
    // Behind the resume question, the text of the screen it leads to is fetched too (kept
    // aside, not shown), so "Continue" goes straight to it, never through "Loading".
    if (this.askResume) await Promise.all(partsFor(this.def, this.view, false).map((id) => this.text.module(lang, id))).catch(() => {});
    const missing = partsFor(this.def, this.view, this.askResume).filter((id) => !this.loaded.includes(id));
    // Parts fetched ahead of time go in at once: the screen never shows "Loading".
    const here = missing.map((id) => [id, this.text.peek(lang, id)] as [string, TextTable | undefined]).filter((p): p is [string, TextTable] => !!p[1]);
    this.merge(lang, here);
    const rest = missing.filter((id) => !here.some(([h]) => h === id));
    if (!rest.length) return;
    try {
      this.merge(lang, await Promise.all(rest.map(async (id) => [id, await this.text.module(lang, id)] as [string, TextTable])));
      this.loadFailed = false;
    } catch {
      this.loadFailed = true;
    }
  }

  /**
   * Fetches the rest of the course text in the background, one module at a time in the
   * learner's order. Kept aside, not shown: merging it now would redraw the screen for
   * nothing; ensureText() puts each part in when its first screen comes.
   */
  async prefetchText(): Promise<void> {
    const lang = this.lang;
    for (const id of prefetchOrder(this.def, this.view)) {
      if (lang !== this.lang) return;
      if (this.loaded.includes(id)) continue;
      try {
        await this.text.module(lang, id);
      } catch {
        return; // Offline for now: ensureText() fetches what a screen needs when it comes.
      }
    }
  }

  t = (key: string, options?: Record<string, unknown>): string => {
    void this.i18nVersion;
    return this.i18n.t(key, options) as string;
  };

  /**
   * Says something through the polite live region. Cleared first so the same words said
   * twice (the same feedback after a retry) are announced again.
   */
  /**
   * Ends the LMS session where the course has nothing more to offer (every attempt used), so
   * the LMS records the final result now rather than when the window happens to close.
   */
  leave() {
    this.adapter.finish();
    this.left = true;
  }

  announce(message: string) {
    this.announcement = '';
    clearTimeout(this.announceTimer);
    // A short pause lets screen readers notice the region emptied before it speaks again.
    this.announceTimer = setTimeout(() => (this.announcement = message), 100);
  }
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  send(event: LearnerEvent): boolean {
    return this.session.send(event);
  }

  /**
   * After a failure: replays the journey, which never received the failed step, so the
   * learner is back on the screen where they took it.
   */
  recover() {
    const outcome = this.session.restore(this.session.save());
    this.failed = false;
    if (outcome.status === 'partial') this.restoreNotice = 'partial';
    this.view = selectView(this.def, this.session.snapshot);
    void this.ensureText();
  }

  continueJourney() {
    this.askResume = false;
    // The resume question needs no module text: the screen it leads to may not have it yet.
    void this.ensureText();
  }

  startOver() {
    this.askResume = false;
    this.restoreNotice = null;
    this.session.reset();
    this.persist();
  }

  async setLang(lang: Lang) {
    if (lang === this.lang) return;
    // The new language's core and the parts on screen first, then swap all at once.
    const need = this.text.whole ? [] : partsFor(this.def, this.view, this.askResume);
    const [core, parts] = await Promise.all([
      this.text.core(lang),
      Promise.all(need.map(async (id) => [id, await this.text.module(lang, id)] as [string, TextTable])),
      switchLanguage(this.i18n, lang),
    ]);
    this.strings = { ...core, text: Object.assign({}, core.text, ...parts.map(([, t]) => t)) };
    this.loaded = this.text.whole ? this.def.modules.map((m) => m.id) : need;
    this.lang = lang;
    this.session.setLang(lang);
    this.i18nVersion++;
    this.announce(this.t('language.changed'));
    this.persist();
    void this.prefetchText();
  }

  /** Saves where the learner stands now. */
  persist() {
    this.wiring.persist();
  }
}
