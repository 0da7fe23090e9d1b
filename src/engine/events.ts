/**
 * What the learner sends to the course (learner events) and what the course tells the rest
 * of the application (domain events). The LMS layer listens to domain events only.
 */

/** Events a learner (through the interface) sends to the course actor. */
export type LearnerEvent =
  | { type: 'course.start' }
  | { type: 'track.select'; track: string }
  | { type: 'programme.select'; programme: string }
  | { type: 'nav.next' }
  | { type: 'nav.back' }
  | { type: 'choice.select'; option: string }
  | { type: 'item.answer'; options: string[] }
  | { type: 'assessment.retry' }
  | { type: 'attestation.confirm' };

/** Domain events the course actor emits; timestamps and latency are added by the session. */
export type DomainEvent =
  | {
      type: 'decision.made';
      scenario: string;
      node: string;
      option: string;
      best: boolean;
      bestOption: string;
      clauses: string[];
    }
  | {
      type: 'item.answered';
      item: string;
      form: string;
      section: string | null; // null for an ungraded knowledge check
      itemType: 'single' | 'multiple' | 'truefalse';
      selected: string[];
      correctOptions: string[];
      correct: boolean;
      critical: boolean;
      objective: string;
    }
  | { type: 'module.completed'; module: string }
  | { type: 'scenario.completed'; scenario: string; ending: string }
  | {
      type: 'assessment.finished';
      passed: boolean;
      /** 0–100, all sections together. */
      score: number;
      attempt: number;
      sections: { id: string; score: number; passed: boolean; criticalMissed: string[] }[];
    }
  | { type: 'course.attested'; track: string; score: number }
  | { type: 'track.chosen'; track: string }
  | { type: 'programme.chosen'; programme: string };

export type DomainEventType = DomainEvent['type'];
