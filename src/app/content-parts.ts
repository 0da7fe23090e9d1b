/**
 * Course text in parts, fetched when needed: a small core for the first screen (titles,
 * tracks, programmes, clauses, glossary), then one part per module, in the background and
 * before any screen that shows it. See build/content-split.ts for how text is split.
 */
import type { ContentStrings, CourseDefinition, Lang } from '../engine/definition.ts';
import type { ViewModel } from '../engine/view.ts';
import { learnerPath } from '../engine/scope.ts';

export type TextTable = ContentStrings['text'];
/** One language's whole text at once (tests, tools, the author preview). */
export type ContentLoader = (lang: Lang) => Promise<ContentStrings>;
export interface ContentParts {
  core(lang: Lang): Promise<ContentStrings>;
  module(lang: Lang, id: string): Promise<TextTable>;
}

/** Fetches each part once per language; a failed fetch is forgotten so it can be retried. */
export class ContentCache {
  /** True when the loader gives whole tables: every module is there with the core. */
  readonly whole: boolean;
  private readonly source: ContentParts;
  private readonly cache = new Map<string, Promise<unknown>>();
  /** Parts already fetched, for use without waiting. */
  private readonly done = new Map<string, TextTable>();

  constructor(loader: ContentLoader | ContentParts) {
    this.whole = typeof loader === 'function';
    this.source = typeof loader === 'function' ? { core: loader, module: async () => ({}) } : loader;
  }

  private once<T>(key: string, get: () => Promise<T>): Promise<T> {
    let p = this.cache.get(key) as Promise<T> | undefined;
    if (!p) {
      p = get();
      this.cache.set(key, p);
      p.catch(() => this.cache.delete(key));
    }
    return p;
  }

  core(lang: Lang) {
    return this.once(`${lang}/`, () => this.source.core(lang));
  }
  module(lang: Lang, id: string) {
    const key = `${lang}/${id}`;
    return this.once(key, () => this.source.module(lang, id).then((t) => (this.done.set(key, t), t)));
  }
  /** A module part already fetched, or undefined. */
  peek(lang: Lang, id: string): TextTable | undefined {
    return this.done.get(`${lang}/${id}`);
  }
}

/** The module parts the current screen shows text from. */
export function partsFor(def: CourseDefinition, view: ViewModel, askResume: boolean): string[] {
  if (askResume) return [];
  const s = view.screen;
  if (s.kind === 'assessment') return [def.items[s.quiz.item].module];
  if ((s.kind === 'page' || s.kind === 'scenario' || s.kind === 'check') && view.module) return [view.module.id];
  return [];
}

/** Every module part in the order the learner will need them, from where they stand. */
export function prefetchOrder(def: CourseDefinition, view: ViewModel): string[] {
  const path = learnerPath(def, view.track, view.programme).map((p) => p.module.id);
  const at = view.module ? path.indexOf(view.module.id) : -1;
  const ordered = at > 0 ? [...path.slice(at), ...path.slice(0, at)] : path;
  // Items of modules outside the path can still be drawn in the assessment: last.
  return [...new Set([...ordered, ...def.modules.map((m) => m.id)])];
}
