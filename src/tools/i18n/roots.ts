/** Where the translatable sources of a course are, and the course's own facts (Node only). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { Lang } from '../../engine/definition.ts';
import { courseRoot, flag, type Args } from '../cli.ts';
import type { SourceRoots } from './units.ts';

/** The course root and its locale folder (`<root>/locales`, else the project's `locales/`). */
export function sourceRoots(a: Args): SourceRoots {
  const root = courseRoot(a);
  const own = join(root, 'locales');
  return { root, locales: resolve(flag(a, 'locales') ?? (existsSync(own) ? own : 'locales')) };
}

/** Id, version and languages from modules/course.yaml, read without validating the course. */
export function courseFacts(root: string): { id: string; version: string; languages: Lang[] } {
  const path = join(root, 'modules', 'course.yaml');
  const js = existsSync(path) ? (parseDocument(readFileSync(path, 'utf8')).toJS() as Record<string, unknown> | null) : null;
  const langs = Array.isArray(js?.languages) ? (js!.languages as string[]).filter((l): l is Lang => l === 'fr' || l === 'en') : [];
  return { id: String(js?.id ?? 'course'), version: String(js?.version ?? '0.0.0'), languages: langs.length === 2 ? langs : ['fr', 'en'] };
}
