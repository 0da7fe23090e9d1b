/**
 * What the shell and the first screens read of the app: the full app (CourseApp) and the
 * first-screen app (src/app/first-screen.svelte.ts, drawn before the engine loads) both
 * offer it, so both draw the same header, heading and welcome screen.
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
