/**
 * The course machine: a small fixed chart (welcome, track, programme, learning, assessment,
 * result, attestation) the same for every course. While learning, the module under way runs
 * as a child actor (module-machine.ts), started from that module's definition when the
 * learner reaches it; a scenario runs as a child of its module (scenario-machine.ts). The
 * course's content is data those generic machines read, never states generated from it.
 */
import type { SnapshotFrom } from 'xstate';
import type { CourseDefinition } from './definition.ts';
import { courseVocabulary, type CourseInput } from './vocabulary.ts';

export type { AnswerRecord, CourseContext, CourseInput } from './vocabulary.ts';

/** Builds the machine for one compiled course. Guards close over `def`; context stays small. */
export function createCourseMachine(def: CourseDefinition) {
  return courseVocabulary(def).createMachine({
    id: 'course',
    initial: 'welcome',
    context: ({ input }: { input: CourseInput }) => ({
      seed: input.seed,
      presetTrack: input.presetTrack ?? null,
      track: null,
      programme: null,
      moduleIndex: 0,
      module: null,
      completed: [],
      score: 0,
      flags: [],
      attempt: 0,
      drawn: [],
      answers: [],
      result: null,
    }),
    states: {
      welcome: {
        on: {
          'course.start': [
            { guard: 'hasPresetTrack', target: 'programme', actions: ['setPresetTrack', 'emitTrack'] },
            { target: 'track' },
          ],
        },
      },
      track: {
        on: {
          'track.select': { guard: 'isKnownTrack', target: 'programme', actions: ['setTrack', 'emitTrack'] },
          'nav.back': 'welcome',
        },
      },
      programme: {
        always: { guard: 'hasSingleProgramme', target: 'learning', actions: ['setProgramme', 'emitProgramme'] },
        on: {
          'programme.select': { guard: 'isKnownProgramme', target: 'learning', actions: ['setProgramme', 'emitProgramme'] },
        },
      },
      learning: {
        entry: { type: 'startModule', params: { after: 'start' } },
        always: [
          { guard: 'isPastLastModule', target: 'assessment' },
          { guard: 'isModuleDone', actions: ['completeModule', 'emitModuleDone', { type: 'startModule', params: { after: 'done' } }] },
        ],
        on: {
          'nav.next': { guard: 'moduleTakes', actions: 'stepModule' },
          'nav.back': { guard: 'moduleTakes', actions: 'stepModule' },
          'choice.select': { guard: 'moduleTakes', actions: 'stepModule' },
          'item.answer': { guard: 'moduleTakes', actions: 'stepModule' },
        },
      },
      assessment: {
        id: 'assessment',
        entry: 'startAttempt',
        always: { guard: 'isAssessmentDone', target: 'result', actions: ['scoreAttempt', 'emitResult'] },
        on: { 'item.answer': { guard: 'isValidAnswer', actions: ['recordAnswer', 'emitAnswer'] } },
      },
      result: {
        initial: 'deciding',
        states: {
          deciding: { always: [{ guard: 'hasPassed', target: 'passed' }, { target: 'failed' }] },
          passed: { on: { 'nav.next': '#attestation' } },
          failed: { on: { 'assessment.retry': { guard: 'hasAttemptsLeft', target: '#assessment' } } },
        },
      },
      attestation: {
        id: 'attestation',
        on: { 'attestation.confirm': { target: 'done', actions: 'emitAttested' } },
      },
      done: { type: 'final' },
    },
  });
}

export type CourseMachine = ReturnType<typeof createCourseMachine>;
export type CourseSnapshot = SnapshotFrom<CourseMachine>;
