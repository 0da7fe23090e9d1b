import { describe, expect, it } from 'vitest';
import { chooseLanguage, toCourseLang } from '../../src/engine/language.ts';

describe('language choice', () => {
  it('takes the LMS preference first, then the browser, then French', () => {
    expect(chooseLanguage('en-CA', ['fr-CA'], ['fr', 'en'])).toBe('en');
    expect(chooseLanguage(null, ['de-DE', 'en-US'], ['fr', 'en'])).toBe('en');
    expect(chooseLanguage('', ['de'], ['fr', 'en'])).toBe('fr');
    expect(chooseLanguage('es', [], ['fr', 'en'])).toBe('fr');
  });
  it('maps common LMS forms of a language', () => {
    expect(toCourseLang('FR_ca', ['fr', 'en'])).toBe('fr');
    expect(toCourseLang('eng', ['fr', 'en'])).toBe('en');
    expect(toCourseLang('fre', ['fr', 'en'])).toBe('fr');
    expect(toCourseLang('en', ['fr'])).toBeNull();
  });
});
