/**
 * Patterns in the question bank that let a test-wise learner score without knowing the
 * content: the correct option is the longest too often, true/false keys lean one way, or an
 * "all/none of the above" option (which, with shuffled options, reads badly and is a known
 * tell). Warnings, naming each item with file:line, over every quiz item and knowledge check
 * of every module (main forms and variants), in each language.
 */
import type { DataPath } from './parse.ts';
import type { CourseSource, ModuleSource, QuizItemSource } from './schema.ts';
import type { Loaded } from './validate.ts';

type Report = (f: Loaded<unknown>, path: DataPath, message: string, hint?: string, severity?: 'error' | 'warning') => void;
type Lang = 'fr' | 'en';

/** More than this share of single-choice forms with the key as the longest option is a tell. */
export const LONGEST_MAX = 0.4;
/** True/false keys may lean at most this far one way. */
export const TF_LEAN_MAX = 0.7;
/** Below these counts a share says nothing (a bank of 3 items always "leans"). */
const MIN_SINGLE = 5;
const MIN_TF = 4;

/** "All/none of the above" and their French equivalents. */
const ABOVE: Record<Lang, RegExp[]> = {
  en: [/\b(all|none|both|neither)\s+of\s+(the\s+)?(above|these|those|the\s+(options|answers|choices))\b/i, /\bany\s+of\s+the\s+above\b/i],
  fr: [
    /\b(toutes?|aucune?|tous|aucun)\s+(de\s+|des\s+)?(ces|les)?\s*(réponses|options|choix|énoncés)\s*(ci-dessus|précédent(e)?s|proposé(e)?s)?/i,
    /\b(toutes?|aucune?)\s+des\s+(réponses|options)\b/i,
    /\b(tout|rien)\s+(de\s+)?ce\s+qui\s+précède\b/i,
    /\bles\s+deux\s+(réponses|options)\b/i,
  ],
};
const TOKEN = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

interface Form {
  m: Loaded<ModuleSource>;
  item: QuizItemSource;
  /** Path of the form (the item, or one of its variants). */
  path: DataPath;
  label: string;
  options: QuizItemSource['options'];
}

export function checkBank(course: Loaded<CourseSource> | null, modules: Loaded<ModuleSource>[], report: Report) {
  const tokens = course?.value.tokens ?? {};
  /** What the learner reads: tokens filled with the course values, markdown marks dropped. */
  const shown = (s: string, lang: Lang) =>
    s.replace(TOKEN, (_, n: string) => {
      const t = tokens[n];
      // As compiled: an unconfirmed value with a "pending" wording is what learners read.
      const v = t && t.confirmed === false && t.pending ? t.pending : t?.value;
      return typeof v === 'string' ? v : (v?.[lang] ?? '');
    }).replace(/[*_`]/g, '').trim();

  const forms: Form[] = [];
  for (const m of modules) {
    m.value.items?.forEach((it, i) => {
      forms.push({ m, item: it, path: ['items', i], label: `"${it.id}"`, options: it.options });
      it.variants?.forEach((v, j) => forms.push({ m, item: it, path: ['items', i, 'variants', j], label: `"${it.id}" (variant "${v.id}")`, options: v.options }));
    });
  }

  // ---- "all / none of the above"
  for (const f of forms) {
    f.options.forEach((o, j) => {
      for (const lang of ['fr', 'en'] as const) {
        if (!ABOVE[lang].some((re) => re.test(o.text[lang]))) continue;
        report(f.m, [...f.path, 'options', j, 'text', lang], `quiz item ${f.label}: option "${o.id}" is an "all/none of the above" answer`, 'write a real answer instead: with shuffled options it reads oddly, and test-wise learners pick it', 'warning');
        break;
      }
    });
  }

  // ---- the key is the longest option
  const single = forms.filter((f) => f.item.type === 'single' && f.options.length > 2);
  if (single.length >= MIN_SINGLE) {
    for (const lang of ['fr', 'en'] as const) {
      const longest = single.filter((f) => {
        const len = f.options.map((o) => shown(o.text[lang], lang).length);
        const key = f.options.findIndex((o) => o.correct);
        return key >= 0 && len.every((l, j) => j === key || l < len[key]);
      });
      const share = longest.length / single.length;
      if (share <= LONGEST_MAX) continue;
      const pct = Math.round(share * 100);
      for (const f of longest) {
        const j = f.options.findIndex((o) => o.correct);
        report(f.m, [...f.path, 'options', j, 'text', lang],
          `quiz item ${f.label}: the correct option is the longest (${lang.toUpperCase()}), as in ${longest.length} of ${single.length} single-choice items (${pct} %, more than ${LONGEST_MAX * 100} %)`,
          'make the wrong options as long and as plausible as the right one, or shorten the right one', 'warning');
      }
    }
  }

  // ---- true/false keys lean one way
  const tf = forms.filter((f) => f.item.type === 'truefalse');
  if (tf.length >= MIN_TF) {
    const keyOf = (f: Form) => f.options.find((o) => o.correct)?.id;
    const trues = tf.filter((f) => keyOf(f) === 'true').length;
    const lean = Math.max(trues, tf.length - trues) / tf.length;
    if (lean > TF_LEAN_MAX) {
      const major = trues > tf.length - trues ? 'true' : 'false';
      const n = major === 'true' ? trues : tf.length - trues;
      for (const f of tf.filter((x) => keyOf(x) === major)) {
        const j = f.options.findIndex((o) => o.correct);
        report(f.m, [...f.path, 'options', j, 'correct'],
          `true/false item ${f.label}: key "${major}", like ${n} of ${tf.length} true/false items (${Math.round(lean * 100)} %, more than ${TF_LEAN_MAX * 100} % one way)`,
          `rewrite some statements so that their answer is "${major === 'true' ? 'false' : 'true'}"`, 'warning');
      }
    }
  }
}
