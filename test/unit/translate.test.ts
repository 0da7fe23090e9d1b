/**
 * The first screen's strings (app/translate.ts) read exactly as the full app's i18next
 * reads them: every interface string of both languages, with values and plural counts.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createI18n } from '../../src/i18n/i18n.ts';
import { translate, type Strings } from '../../src/app/translate.ts';

const keysOf = (o: Strings, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('first-screen strings', () => {
  for (const lang of ['fr', 'en'] as const) {
    test(`${lang}: every string as i18next gives it`, async () => {
      const strings = JSON.parse(readFileSync(resolve(`locales/${lang}/ui.json`), 'utf8')) as Strings;
      const i18n = await createI18n(lang);
      const keys = [...new Set(keysOf(strings).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))];
      expect(keys.length).toBeGreaterThan(20);
      for (const key of keys) {
        for (const count of [0, 1, 2, 7]) {
          const options = { count, total: 12, n: 3, percent: 25, time: '45 min', min: '40 min', max: '1 h', place: 'Module 2', name: 'Alex' };
          expect(translate(strings, lang, key, options), `${key} (count ${count})`).toBe(i18n.t(key, options));
        }
      }
      expect(translate(strings, lang, 'no.such.key')).toBe(i18n.t('no.such.key'));
    });
  }
});
