/**
 * The compiled course: plain, typed, serialisable data produced by `src/authoring/compile.ts`
 * at build time. It holds structure and text keys only; the text itself lives in one
 * `ContentStrings` table per language, so a learner downloads only their language.
 */

/** Bumped when the compiled shape changes (independent of the authoring format and of saved state). */
export const COMPILED_FORMAT_VERSION = 1;

export type Lang = 'fr' | 'en';
/** Key into a language's `ContentStrings` table. */
export type TextKey = string;

export interface CourseDefinition {
  format: typeof COMPILED_FORMAT_VERSION;
  id: string;
  version: string;
  languages: Lang[];
  title: TextKey;
  tracks: { id: string; title: TextKey; description?: TextKey }[];
  programmes: { id: string; title: TextKey }[];
  /** In course order; each module says which tracks/programmes take it. */
  modules: ModuleDef[];
  scenarios: Record<string, ScenarioDef>;
  items: Record<string, ItemDef>;
  assessment: { sections: SectionDef[]; attempts: number };
  clauses: Record<string, TextKey>;
  objectives: Record<string, TextKey>;
  glossary: { id: string; term: TextKey; definition: TextKey }[];
  /** Policy gaps whose interim rules the course teaches: id → the learner-visible note. */
  gaps?: Record<string, TextKey>;
  /** Estimated reading time per track, programme and language (src/authoring/reading.ts). */
  reading?: ReadingFigure[];
}

export interface ReadingFigure {
  track: string | null;
  programme: string | null;
  lang: Lang;
  words: number;
  /** Sentences of more than 30 words. */
  longSentences: number;
  /** Decisions and questions, at 20 s each. */
  decisions: number;
  minutes: number;
}

/** Interim-rule gaps a text carries (`gap:` in the sources); absent when none. */
export interface Gapped {
  gaps?: string[];
}

export interface Scoped {
  /** null: every track / every programme. */
  tracks: string[] | null;
  programmes: string[] | null;
}

export interface ModuleDef extends Scoped {
  id: string;
  title: TextKey;
  minutes?: number;
  clauses: string[];
  objectives: string[];
  steps: StepDef[];
}

export type StepDef =
  | ({ kind: 'page'; id: string; title: TextKey; body: TextKey; notice: boolean; clauses: string[] } & Gapped)
  | { kind: 'scenario'; id: string }
  | { kind: 'check'; id: string; item: string };

export interface ScenarioDef extends Scoped {
  id: string;
  title: TextKey;
  clauses: string[];
  objectives: string[];
  notice?: TextKey;
  start: string;
  nodes: Record<string, NodeDef>;
}

export type NodeDef = (
  | { id: string; kind: 'situation' | 'feedback' | 'consequence'; title?: TextKey; text: TextKey; next: string }
  | { id: string; kind: 'decision'; prompt: TextKey; clauses: string[]; options: OptionDef[] }
  | { id: string; kind: 'ending'; title?: TextKey; text: TextKey }
) & Gapped;

export interface OptionDef extends Gapped {
  id: string;
  text: TextKey;
  feedback: TextKey;
  best: boolean;
  clauses: string[];
  next: string;
  score?: number;
  flag?: string;
}

export interface ItemDef extends Gapped {
  id: string;
  type: 'single' | 'multiple' | 'truefalse';
  objective: string;
  clauses: string[];
  critical: boolean;
  /** A knowledge check only: never drawn in the assessment. */
  checkOnly: boolean;
  tracks: string[] | null;
  /** The module whose pool holds the item. */
  module: string;
  /** forms[0] is the main form; the others are parallel variants. */
  forms: ItemFormDef[];
}

export interface ItemFormDef {
  id: string;
  stem: TextKey;
  options: { id: string; text: TextKey; feedback: TextKey; correct: boolean }[];
}

export interface SectionDef {
  id: string;
  title: TextKey;
  tracks: string[] | null;
  modules: string[];
  draw: number;
  minPerModule: number;
  passingScore: number;
}

/** Inline text: plain strings (which may hold {{TOKENS}}) and emphasis. */
export type Inline = string | { b: string } | { i: string };
/** The safe markdown subset, parsed at build time; rendered without any raw HTML. */
export type Block =
  | { t: 'p' | 'h' | 'note'; c: Inline[] }
  | { t: 'ul' | 'ol'; items: Inline[][] };

/** One language's text: plain strings for labels, blocks for page bodies and long texts. */
export interface ContentStrings {
  lang: Lang;
  text: Record<TextKey, string | Block[]>;
  /** Token values for this language: course defaults, then per-programme overrides. */
  tokens: Record<string, string>;
  programmeTokens: Record<string, Record<string, string>>;
}
