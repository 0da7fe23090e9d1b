/**
 * What the shell and the first screens read of the app: the full app (CourseApp) and the
 * first-screen app (src/app/first-screen.ts, drawn before the engine loads) both
 * offer it, so both draw the same header, heading and first screens (welcome, resume,
 * open elsewhere).
 */
import type { ContentText } from '../app/content-text.ts';
import type { Lang } from '../engine/definition.ts';
import type { LearnerEvent } from '../engine/events.ts';
import type { CourseHead } from '../engine/head.ts';
import type { ViewModel } from '../engine/view.ts';

export interface ShellApp {
  readonly head: CourseHead;
  readonly lang: Lang;
  readonly content: ContentText;
  readonly view: ViewModel;
  readonly writer: 'here' | 'elsewhere' | 'moved';
  readonly failed: boolean;
  readonly askResume: boolean;
  t(key: string, options?: Record<string, unknown>): string;
  setLang(lang: Lang): Promise<void>;
  send(event: LearnerEvent): boolean;
}

/** What the resume question reads and does: "you stopped at", continue, start over. */
export interface ResumeApp extends ShellApp {
  /** Where the learner stopped, in words (a module's title, else the part of the course). */
  readonly resumePlace: string;
  continueJourney(): void;
  startOver(): void;
}

/** What "open elsewhere" does: this tab takes over recording. */
export interface ElsewhereApp extends ShellApp {
  takeOver(): Promise<void>;
}
