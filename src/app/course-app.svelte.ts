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
import type { LmsAdapter, LmsNotice } from '../lms/adapter.ts';
import { ContentText } from '../ui/content.ts';
import { switchLanguage } from '../i18n/i18n.ts';

export type ContentLoader = (lang: Lang) => Promise<ContentStrings>;

export class CourseApp {
  view: ViewModel = $state()!;
  lang: Lang = $state()!;
  strings: ContentStrings = $state()!;
  /** Bumped when interface strings change, so `t()` readers re-render. */
  i18nVersion = $state(0);
  /** A saved journey was found: ask "continue or start over" before showing it. */
  askResume = $state(false);
  notices: LmsNotice['kind'][] = $state([]);
  restoreNotice: 'corrupt' | 'partial' | null = $state(null);
  learnerName: string | null = $state(null);
  /** When the learner confirmed the attestation (this session), for the printed date. */
  attestedAt: number | null = $state(null);
  /** Text for the polite live region (feedback, language change). */
  announcement = $state('');

  content = $derived(new ContentText(this.strings, this.view.programme));

  constructor(
    readonly def: CourseDefinition,
    readonly session: CourseSession,
    readonly adapter: LmsAdapter,
    readonly i18n: i18n,
    private readonly loadContent: ContentLoader,
    strings: ContentStrings,
  ) {
    this.lang = session.lang;
    this.strings = strings;
    this.view = selectView(def, session.snapshot);
    session.onChange((s) => {
      this.view = selectView(def, s);
      this.persist();
    });
    session.onDomain((e) => {
      this.adapter.report(e);
      if (e.event.type === 'course.attested') {
        this.attestedAt = e.at;
        this.adapter.finish();
      }
    });
    adapter.onNotice((n) => {
      this.notices = n.kind === 'lms-restored' ? this.notices.filter((k) => k !== 'lms-lost') : [...new Set([...this.notices, n.kind])];
    });
  }

  /** Applies the outcome of restoring a saved journey. */
  applyRestore(outcome: RestoreOutcome) {
    if (outcome.status === 'corrupt') this.restoreNotice = 'corrupt';
    if (outcome.status === 'partial') this.restoreNotice = 'partial';
    const pos = positionOf(this.def, this.session.snapshot);
    this.askResume = (outcome.status === 'resumed' || outcome.status === 'partial') && pos.phase !== 'welcome';
    this.view = selectView(this.def, this.session.snapshot);
  }

  t = (key: string, options?: Record<string, unknown>): string => {
    void this.i18nVersion;
    return this.i18n.t(key, options) as string;
  };

  /**
   * Says something through the polite live region. Cleared first so the same words said
   * twice (the same feedback after a retry) are announced again.
   */
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

  continueJourney() {
    this.askResume = false;
  }

  startOver() {
    this.askResume = false;
    this.restoreNotice = null;
    this.session.reset();
    this.persist();
  }

  async setLang(lang: Lang) {
    if (lang === this.lang) return;
    const [strings] = await Promise.all([this.loadContent(lang), switchLanguage(this.i18n, lang)]);
    this.strings = strings;
    this.lang = lang;
    this.session.setLang(lang);
    this.i18nVersion++;
    this.announce(this.t('language.changed'));
    this.persist();
  }

  private persist() {
    const pos = positionOf(this.def, this.session.snapshot);
    const location = pos.module ? `${pos.module.id}/${pos.stepIndex}` : pos.phase;
    const { done, total } = this.view.progress;
    this.adapter.save({ journey: this.session.save(), location, progress: total ? done / total : 0 });
  }
}
