/**
 * The authoring format, as one set of zod schemas.
 *
 * Why zod: the same declaration gives the TypeScript types of the sources, the structural
 * validation of `npm run check`, and (through `z.toJSONSchema`) the JSON Schema that code
 * editors use to autocomplete and underline mistakes. Cross-file rules (references, graph
 * shape, translations) live in `validate-*.ts`.
 *
 * Descriptions are written for trainers: editors show them on hover.
 */
import { z } from 'zod';

/** Bumped when the source format changes in a way older files must be migrated for. */
export const AUTHORING_FORMAT_VERSION = 1;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id: lowercase letters, digits and dashes')
  .describe('A stable id: lowercase letters, digits and dashes, e.g. "birthday-envelope".');

/** Text shown to learners, written in both languages side by side. */
export const bilingual = z
  .strictObject({
    fr: z.string().describe('French text'),
    en: z.string().describe('English text'),
  })
  .describe('Learner-visible text in both languages: { fr: "...", en: "..." }');

const clauseIds = z.array(z.string()).describe('Policy clause ids taught or cited here, e.g. [B2a, B4].');
const trackIds = z
  .array(z.string())
  .min(1)
  .describe('Tracks this belongs to: "standard", "minors" or both. Omit for every track.');
/** Interim rules (curriculum §1.4): a text that teaches one carries its gap id(s). */
const gapRef = z
  .union([z.string(), z.array(z.string()).min(1)])
  .describe('The policy gap(s) this text teaches an interim rule for, e.g. GAP-02 or [GAP-02, GAP-04] (ids under "gaps" in course.yaml). Learners see an "interim rule, to be confirmed" marker.');
const programmeIds = z
  .array(z.string())
  .min(1)
  .describe('Programmes this belongs to (ids from course.yaml). Omit for every programme.');

// ---------------------------------------------------------------- quiz items

const itemOption = z.strictObject({
  id: slug,
  text: bilingual,
  correct: z.boolean().optional().describe('true for each correct answer.'),
  feedback: bilingual.describe('Why this answer is right or wrong, citing the clause.'),
});

const itemBody = {
  stem: bilingual.describe('The question, ideally a short workplace situation.'),
  options: z.array(itemOption).min(2),
};

export const quizItem = z.strictObject({
  id: slug,
  type: z
    .enum(['single', 'multiple', 'truefalse'])
    .describe('single: one correct option; multiple: all-or-nothing; truefalse: options "true" and "false".'),
  objective: z.string().describe('Learning objective id from course.yaml, e.g. LO7.'),
  clauses: clauseIds,
  critical: z.boolean().optional().describe('A critical item must be answered correctly to pass.'),
  checkOnly: z.boolean().optional().describe('true: a knowledge check only, never drawn in the assessment.'),
  gap: gapRef.optional(),
  tracks: trackIds.optional(),
  ...itemBody,
  variants: z
    .array(z.strictObject({ id: slug, ...itemBody }))
    .optional()
    .describe('Parallel versions, asked on a later attempt after a miss.'),
});

// ---------------------------------------------------------------- modules

const page = z.strictObject({
  id: slug,
  title: bilingual,
  body: bilingual.describe('Markdown subset: paragraphs, **bold**, *italic*, lists (- or 1.), ### headings, > notes.'),
  clauses: clauseIds.optional(),
  notice: z.boolean().optional().describe('true: a content notice (shown before difficult material).'),
  gap: gapRef.optional(),
});

const step = z.union([
  z.strictObject({ page }),
  z.strictObject({ scenario: slug.describe('Id of a scenario in scenarios/.') }),
  z.strictObject({ check: slug.describe('Id of a quiz item, asked as an ungraded knowledge check.') }),
]);

export const moduleFile = z.strictObject({
  $schema: z.string().optional(),
  id: slug,
  title: bilingual,
  minutes: z.number().int().positive().optional().describe('Ignored: the course length is computed from the text (npm run bench -- reading). Kept so older files still load.'),
  tracks: trackIds.optional(),
  programmes: programmeIds.optional(),
  clauses: clauseIds,
  objectives: z.array(z.string()).optional(),
  steps: z.array(step).min(1).describe('What the learner goes through, in order: page, scenario or check.'),
  items: z.array(quizItem).optional().describe('Quiz items of this module: the assessment pool and checks.'),
});

// ---------------------------------------------------------------- scenarios

const effects = {
  score: z.number().optional().describe('Points added when this option is chosen (formative).'),
  flag: z.string().optional().describe('A flag to raise when this option is chosen, e.g. "told-supervisor".'),
};

const option = z.strictObject({
  id: slug,
  text: bilingual,
  best: z.boolean().optional().describe('Exactly one option of each decision is the best one.'),
  feedback: bilingual.describe('Why this choice is good or not, citing the clause ids.'),
  clauses: clauseIds.optional(),
  gap: gapRef.optional(),
  next: slug.describe('Id of the node that follows this choice.'),
  ...effects,
});

const textNode = <T extends "situation" | "feedback" | "consequence">(type: T, help: string) =>
  z.strictObject({
    id: slug,
    type: z.literal(type).describe(help),
    title: bilingual.optional(),
    text: bilingual,
    gap: gapRef.optional(),
    next: slug.describe('Id of the next node.'),
  });

export const scenarioNode = z.discriminatedUnion('type', [
  textNode('situation', 'Sets the scene.'),
  textNode('feedback', 'Explains, between two moments.'),
  textNode('consequence', 'Shows what happened after a choice; usually leads back to the decision.'),
  z.strictObject({
    id: slug,
    type: z.literal('decision'),
    prompt: bilingual,
    clauses: clauseIds.optional(),
    gap: gapRef.optional(),
    options: z.array(option).min(2),
  }),
  z.strictObject({
    id: slug,
    type: z.literal('ending'),
    title: bilingual.optional(),
    text: bilingual.describe('The debrief: what to remember, with the clause ids.'),
    gap: gapRef.optional(),
  }),
]);

export const scenarioFile = z.strictObject({
  $schema: z.string().optional(),
  id: slug,
  title: bilingual,
  tracks: trackIds.optional(),
  programmes: programmeIds.optional(),
  clauses: clauseIds,
  objectives: z.array(z.string()).optional(),
  notice: bilingual.optional().describe('Content notice shown before the scenario starts.'),
  start: slug.describe('Id of the first node.'),
  nodes: z.array(scenarioNode).min(1),
});

// ---------------------------------------------------------------- course

const tokenValue = z.union([z.string(), bilingual]);

/** A policy gap (curriculum §1.4) and how to spot a text that teaches its interim rule. */
const gapDecl = z.strictObject({
  title: bilingual.describe('Short name of the gap.'),
  note: bilingual.describe('Shown to learners when they open the "interim rule" marker: what is interim and who confirms it.'),
  detect: z
    .strictObject({
      tokens: z.array(z.string()).optional().describe('Tokens ({{NAME}}) whose use means the text teaches this interim rule.'),
      fr: z.array(z.string()).optional().describe('French phrases (case-insensitive) that mean the text teaches this interim rule.'),
      en: z.array(z.string()).optional().describe('English phrases (case-insensitive) that mean the text teaches this interim rule.'),
    })
    .optional()
    .describe('`npm run check` fails when a text matches one of these without `gap:` naming this gap.'),
});

const token = z.strictObject({
  value: tokenValue.describe('The value shown to learners; empty means "not configured".'),
  owner: z.string().optional().describe('Who must confirm this value.'),
  confirmed: z.boolean().optional().describe('false until the owner has confirmed the value.'),
  pending: bilingual
    .optional()
    .describe('Shown to learners instead of the value while "confirmed" is false (e.g. "the rule of your province; confirm it with your coordinator").'),
  note: z.string().optional().describe('For authors only; never shown to learners.'),
});

const section = z.strictObject({
  id: slug,
  title: bilingual,
  tracks: trackIds.optional(),
  modules: z.array(slug).min(1).describe('Modules whose items form this section\'s pool.'),
  draw: z.number().int().positive().describe('Items drawn per attempt.'),
  minPerModule: z.number().int().min(0).optional().describe('At least this many items from each module.'),
  passingScore: z.number().min(0).max(100).describe('Percentage needed to pass this section.'),
});

export const courseFile = z.strictObject({
  $schema: z.string().optional(),
  id: slug,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must look like 1.0.0'),
  title: bilingual,
  languages: z.array(z.enum(['fr', 'en'])).min(1),
  tracks: z.array(z.strictObject({ id: slug, title: bilingual, description: bilingual.optional() })).min(1),
  programmes: z.array(
    z.strictObject({
      id: slug,
      title: bilingual,
      tokens: z.record(z.string(), tokenValue).optional().describe('Token values for this programme only.'),
    }),
  ),
  modules: z.array(slug).min(1).describe('Module ids in the order learners take them.'),
  clauses: z.record(z.string(), bilingual).describe('Every policy clause id with a short label.'),
  objectives: z.record(z.string(), bilingual).describe('Every learning objective id with its text.'),
  tokens: z.record(z.string(), token).describe('Configuration tokens, used as {{NAME}} in any text.'),
  gaps: z
    .record(z.string().regex(/^GAP-\d{2}$/, 'must look like GAP-02'), gapDecl)
    .optional()
    .describe('Policy gaps (curriculum §1.4) whose interim rules the course teaches; cited with `gap:`.'),
  glossary: z
    .array(z.strictObject({ id: slug, term: bilingual, definition: bilingual }))
    .optional(),
  assessment: z.strictObject({
    sections: z.array(section).min(1),
    attempts: z.number().int().min(0).describe('Attempts allowed; 0 means unlimited.'),
  }),
});

export type Bilingual = z.infer<typeof bilingual>;
export type QuizItemSource = z.infer<typeof quizItem>;
export type ModuleSource = z.infer<typeof moduleFile>;
export type ScenarioSource = z.infer<typeof scenarioFile>;
export type ScenarioNodeSource = z.infer<typeof scenarioNode>;
export type CourseSource = z.infer<typeof courseFile>;
