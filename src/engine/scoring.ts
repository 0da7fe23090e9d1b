import type { CourseDefinition } from './definition.ts';
import type { DrawnItem } from './draw.ts';

export interface SectionResult {
  id: string;
  /** 0–100, rounded to a whole percentage. */
  score: number;
  passed: boolean;
  criticalMissed: string[];
}

export interface AttemptResult {
  passed: boolean;
  score: number;
  sections: SectionResult[];
  /** Modules to review: those whose items were missed. */
  review: string[];
}

/** A section passes at its passing score with every critical item right; the attempt, when all sections pass. */
export function scoreAttempt(
  def: CourseDefinition,
  drawn: DrawnItem[],
  answers: { item: string; correct: boolean }[],
): AttemptResult {
  const sections = def.assessment.sections
    .filter((s) => drawn.some((d) => d.section === s.id))
    .map((s) => {
      const mine = drawn.map((d, i) => ({ d, a: answers[i] })).filter(({ d }) => d.section === s.id);
      const right = mine.filter(({ a }) => a?.correct).length;
      const score = Math.round((right / mine.length) * 100);
      const criticalMissed = mine.filter(({ d, a }) => def.items[d.item].critical && !a?.correct).map(({ d }) => d.item);
      return { id: s.id, score, passed: score >= s.passingScore && criticalMissed.length === 0, criticalMissed };
    });
  const right = answers.filter((a) => a.correct).length;
  const review = [...new Set(answers.filter((a) => !a.correct).map((a) => def.items[a.item].module))];
  return {
    passed: sections.length > 0 && sections.every((s) => s.passed),
    score: drawn.length ? Math.round((right / drawn.length) * 100) : 0,
    sections,
    review,
  };
}
