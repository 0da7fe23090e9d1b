/**
 * Size budget of the first screen, read from the course as built by global-setup (dist/web,
 * the real course): index.html as each package kind serves it, what it loads, the chunks
 * those import statically and the first screen's text in each language, gzip. The rest of
 * the course (engine, definition, other screens, the SCORM dialect) must stay out of it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { firstScreenFiles, staticImports, total } from '../../src/build/first-screen-size.ts';
import { withMeta } from '../../src/build/package.ts';

const DIST = resolve('dist/web');
const BUDGET = 60 * 1024;
const html = () => readFileSync(join(DIST, 'index.html'), 'utf8');
const KINDS: Record<string, () => string> = {
  web: html,
  'SCORM 1.2': () => withMeta(html(), { 'course-scorm': '1.2' }),
  'SCORM 2004': () => withMeta(html(), { 'course-scorm': '2004' }),
  cmi5: () => withMeta(html(), { 'course-cmi5': '1' }),
};
/**
 * What each launch draws first: the welcome screen, or for a returning learner the resume
 * question, which reads the saved journey (the decoder's "unknown format" says it is there)
 * and the course head's outline of where each screen lies.
 */
const LAUNCHES: Record<string, string[]> = {
  'first launch': ['welcome.expectHeading'],
  'returning launch': ['resume.continue', 'resume.startOver', 'unknown format', '"asked":'],
};
/** A string of each language's interface strings ("start" in locales/<lang>/ui.json). */
const uiMarker = (lang: string) => (JSON.parse(readFileSync(resolve(`locales/${lang}/ui.json`), 'utf8')) as { start: string }).start;
/** The code of the first screen, its text chunks left out (they hold every interface string). */
const code = (files: { file: string }[]) => files.filter((f) => f.file.endsWith('.js') && !/^assets\/(_core|ui)-/.test(f.file)).map((f) => readFileSync(join(DIST, f.file), 'utf8'));

describe('first screen size', () => {
  for (const [kind, page] of Object.entries(KINDS)) {
    for (const lang of ['fr', 'en']) {
      test(`${kind}, ${lang}: at most 60 KB gzip before the first heading`, () => {
        const files = firstScreenFiles(DIST, page(), lang, uiMarker(lang));
        const sum = total(files);
        expect(sum.gzip, files.map((f) => `${f.file} ${f.gzip}`).join('\n')).toBeLessThanOrEqual(BUDGET);
        // What the budget counts is the page's: its script, its styles, its text.
        expect(files.some((f) => /^assets\/index-.*\.js$/.test(f.file))).toBe(true);
        expect(files.some((f) => f.file.endsWith('.css'))).toBe(true);
        expect(files.filter((f) => /^assets\/(_core|ui)-/.test(f.file))).toHaveLength(2);
      });
      for (const [launch, markers] of Object.entries(LAUNCHES)) {
        test(`${kind}, ${lang}, ${launch}: its screen is in the files counted, within 60 KB gzip`, () => {
          const files = firstScreenFiles(DIST, page(), lang, uiMarker(lang));
          expect(total(files).gzip).toBeLessThanOrEqual(BUDGET);
          const js = code(files).join('\n');
          // A cmi5 launch reads the learner's language and journey from the LRS itself.
          const reads = kind === 'cmi5' ? ['cmi5LearnerPreferences', 'activities/state'] : [];
          for (const m of [...markers, ...reads]) expect(js.includes(m), `"${m}" in the first screen`).toBe(true);
        });
      }
    }
  }

  test('the first screen carries no engine, whole definition, SCORM dialect or later screen', () => {
    const js = code(firstScreenFiles(DIST, html(), 'fr', uiMarker('fr'))).join('\n');
    expect(js).toContain('welcome.expectHeading'); // the welcome screen is there…
    const absent = {
      xstate: ['xstate.init', 'xstate.stop'],
      'the course machine and its later screens': ['choice.select', 'item.answer'],
      'the SCORM 1.2 dialect': ['cmi.core.lesson_status'],
      'the SCORM 2004 dialect': ['cmi.completion_status'],
      i18next: ['pluralResolver', 'missingKeyHandler'],
      'the assessment and certificate screens': ['assessment.progress', 'done.statement'],
      'the whole definition (items, scenarios)': ['"items":{', '"scenarios":{'],
    };
    for (const [what, markers] of Object.entries(absent)) for (const m of markers) expect(js.includes(m), `${what}: "${m}" in the first screen`).toBe(false);
  });

  test('each SCORM dialect is a chunk of its own that nothing imports statically: a launch requests only its own', () => {
    const all = readFileSync(join(DIST, 'index.html'), 'utf8');
    const files = firstScreenFiles(DIST, all, 'fr', uiMarker('fr')).map((f) => f.file);
    const chunks = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
    const text = new Map(chunks.map((f) => [f, readFileSync(join(DIST, f), 'utf8')] as const));
    for (const marker of ['cmi.core.lesson_status', 'cmi.completion_status']) {
      const holders = chunks.filter((f) => text.get(f)!.includes(marker));
      expect(holders, marker).toHaveLength(1);
      expect(files).not.toContain(holders[0]);
      const importers = chunks.filter((f) => staticImports(f, text.get(f)!).includes(holders[0]));
      expect(importers, `${holders[0]} imported statically`).toEqual([]);
    }
  });
});
