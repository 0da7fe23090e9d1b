/**
 * Interface strings for the first screen, read the way i18next reads them (the full app's
 * i18n/i18n.ts): dotted keys, `{{name}}` values, and `_one`/`_other`… forms chosen by the
 * language's plural rules for `count`. test/unit/translate.test.ts holds both to the same
 * output for every string of the first screen.
 */
export type Strings = { [key: string]: string | Strings };

function lookup(strings: Strings, key: string): string | undefined {
  let at: string | Strings | undefined = strings;
  for (const part of key.split('.')) at = typeof at === 'object' ? at[part] : undefined;
  return typeof at === 'string' ? at : undefined;
}

export function translate(strings: Strings, lang: string, key: string, options: Record<string, unknown> = {}): string {
  let s: string | undefined;
  if (typeof options.count === 'number') {
    const form = new Intl.PluralRules(lang).select(options.count);
    s = (options.count === 0 ? lookup(strings, `${key}_zero`) : undefined) ?? lookup(strings, `${key}_${form}`) ?? lookup(strings, `${key}_other`);
  }
  s ??= lookup(strings, key);
  if (s === undefined) return key;
  return s.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (m, name: string) => (name in options ? String(options[name]) : m));
}
