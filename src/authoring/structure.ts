/**
 * Structural validation (keys, types, required fields) with the zod schemas, turned into
 * trainer-friendly diagnostics at the right line.
 */
import type { z } from 'zod';
import type { Diagnostic } from './diagnostic.ts';
import type { ParsedFile } from './parse.ts';

type Issue = z.core.$ZodIssue;

/** A path as a trainer reads it: `nodes › "will" › options › "keep-card" › feedback`. */
let current: unknown = null;
function where(path: PropertyKey[]): string {
  if (!path.length) return 'the file';
  const parts: string[] = [];
  let v: unknown = current;
  for (const seg of path) {
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
    const id = v !== null && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null;
    parts.push(typeof seg === 'number' ? (id ? `"${id}"` : `#${seg + 1}`) : String(seg));
  }
  return parts.join(' › ');
}

function describe(issue: Issue, data: unknown): { message: string; hint?: string; key?: string } {
  const path = issue.path;
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        message: `unknown key "${issue.keys[0]}"${path.length ? ` in ${where(path)}` : ''}`,
        hint: 'check the spelling; the JSON Schema in modules/schema/ lists the keys allowed here',
        key: issue.keys[0],
      };
    case 'invalid_type': {
      const value = valueAt(data, path);
      if (value === undefined && (last === 'fr' || last === 'en')) {
        return { message: `missing ${last === 'fr' ? 'French' : 'English'} text in ${where(path.slice(0, -1))}`, hint: `add ${String(last)}: "…" beside the other language` };
      }
      if (value === undefined) {
        return { message: `missing key "${String(last)}"`, hint: `add "${String(last)}:" here` };
      }
      if (issue.expected === 'object' && path.length && ['title', 'text', 'prompt', 'feedback', 'body', 'stem', 'notice', 'term', 'definition'].includes(String(last))) {
        return { message: `${where(path)} must be given in both languages`, hint: 'write it as { fr: "…", en: "…" }' };
      }
      return { message: `${where(path)} should be ${article(issue.expected)}, not ${kind(value)}` };
    }
    case 'invalid_value':
      return { message: `${where(path)} must be one of: ${issue.values.map(String).join(', ')}` };
    case 'invalid_format':
      return { message: `${where(path)} ${issue.message}` };
    case 'too_small':
      return { message: `${where(path)} needs at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'entries' : ''}`.trim() };
    case 'invalid_union': {
      const value = valueAt(data, path) as Record<string, unknown> | undefined;
      if (value && typeof value === 'object' && 'type' in value) {
        return {
          message: `unknown node type "${String(value.type)}" in ${where(path)}`,
          hint: 'a node type is one of: situation, decision, feedback, consequence, ending',
        };
      }
      if (path.includes('steps')) {
        return { message: `${where(path)} is not a step`, hint: 'a step is "- page: {…}", "- scenario: <id>" or "- check: <item id>"' };
      }
      return { message: `${where(path)} has the wrong shape` };
    }
    default:
      return { message: `${where(path)}: ${issue.message}` };
  }
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

const kind = (v: unknown) => (v === null ? 'empty' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a block of keys' : `${typeof v} ${JSON.stringify(v)}`);
const article = (t: string) => ({ object: 'a block of keys', array: 'a list', string: 'a text', number: 'a number', boolean: 'true or false' })[t] ?? t;

/** Validates one parsed file against its schema; returns its diagnostics (empty when valid). */
export function checkStructure<T>(parsed: ParsedFile, schema: z.ZodType<T>): { value: T | null; diagnostics: Diagnostic[] } {
  if (parsed.data === null) return { value: null, diagnostics: [] };
  current = parsed.data;
  const result = schema.safeParse(parsed.data);
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.map((issue) => {
    const d = describe(issue, parsed.data);
    const path = issue.path as (string | number)[];
    const missing = issue.code === 'invalid_type' && valueAt(parsed.data, path) === undefined;
    const pos = d.key ? parsed.locate([...path, d.key], { key: true }) : parsed.locate(missing ? path.slice(0, -1) : path);
    return { file: parsed.file, ...pos, message: d.message, hint: d.hint, severity: 'error' as const };
  });
  return { value: null, diagnostics };
}
