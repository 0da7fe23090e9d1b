/**
 * The head of a course: the little of its definition the first screen shows (title,
 * languages, glossary, reading time, whether content notices lie ahead, the step count of
 * a journey not begun). Built from the definition at build time (`virtual:course-head`) so
 * the first screen draws without the rest of the definition or the engine, and by the app
 * from the same definition, so both draw the same screen.
 */
import type { CourseDefinition } from './definition.ts';
import { learnerPath } from './scope.ts';
import { progressAt } from './progress.ts';
import type { ResumeOutline } from './resume-outline.ts';

export interface CourseHead {
  id: string;
  languages: CourseDefinition['languages'];
  title: CourseDefinition['title'];
  glossary: CourseDefinition['glossary'];
  reading?: CourseDefinition['reading'];
  /** Some page or scenario carries a content notice: the welcome screen says so. */
  hasNotice: boolean;
  /** Steps of the progress bar before a track is chosen (as the view model counts them). */
  welcomeSteps: number;
  /** Where a saved journey stopped, for the first screen (build time only: the full app replays). */
  resume?: ResumeOutline;
}

export function courseHead(def: CourseDefinition): CourseHead {
  return {
    id: def.id,
    languages: def.languages,
    title: def.title,
    glossary: def.glossary,
    reading: def.reading,
    hasNotice: Object.values(def.scenarios).some((s) => s.notice) || def.modules.some((m) => m.steps.some((s) => s.kind === 'page' && s.notice)),
    // Counted as view.ts selectView counts: every step of the path, plus the assessment.
    welcomeSteps: progressAt(learnerPath(def, null, null), 'start')!.progress.total,
  };
}
