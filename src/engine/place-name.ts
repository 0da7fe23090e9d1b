/**
 * The names of the places a learner can stand (place.ts names the one on screen; the resume
 * outline, resume-outline.ts, names every place of a step ahead of time, so a first screen
 * can read a journey's landing keys without the engine). No imports: the first screen
 * carries it.
 */
export const placeName = {
  result: (result: 'passed' | 'failed') => `result:${result}`,
  page: (step: string) => `page:${step}`,
  check: (step: string, state: 'ask' | 'answered') => `check:${step}:${state}`,
  scenario: (step: string, node: string, option?: string | null) => `scenario:${step}/${node}${option ? `:${option}` : ''}`,
};
