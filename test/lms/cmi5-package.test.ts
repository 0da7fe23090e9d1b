/**
 * cmi5 packages: one per track setting, cmi5.xml at the root valid against the cmi5
 * CourseStructure.xsd (xmllint, offline), titles and descriptions in both languages, the
 * pass rule as moveOn / masteryScore; a broken cmi5.xml is refused.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { auIri, cmi5Xml, validateCmi5, type Cmi5Input } from '../../src/build/package-cmi5.ts';
import { CMI5_CSP, packageCourse, passingScore } from '../../src/build/package.ts';
import { course } from './helpers.ts';

const input: Cmi5Input = {
  courseId: 'client-relations',
  track: 'minors',
  title: { fr: 'Relations « professionnelles » & clientèle', en: 'Professional <relationships>' },
  description: { fr: 'Description', en: 'Description' },
  languages: ['fr', 'en'],
  passingScore: 80,
  launch: 'index.html',
};

describe('cmi5.xml', () => {
  test('valid against CourseStructure.xsd, text escaped, pass rule as moveOn and masteryScore', () => {
    const xml = cmi5Xml(input);
    expect(validateCmi5(xml)).toMatchObject({ ok: true, code: 0 });
    expect(xml).toContain('moveOn="CompletedAndPassed" masteryScore="0.80"');
    expect(xml).toContain('<langstring lang="en">Professional &lt;relationships&gt;</langstring>');
    expect(xml).toContain(`<au id="${auIri('client-relations', 'minors')}"`);
  });

  test('no assessment: moveOn Completed, no mastery score', () => {
    const xml = cmi5Xml({ ...input, passingScore: 0 });
    expect(validateCmi5(xml).ok).toBe(true);
    expect(xml).toContain('moveOn="Completed"');
    expect(xml).not.toContain('masteryScore');
  });

  test.each([
    ['a mastery score above 1', (x: string) => x.replace('masteryScore="0.80"', 'masteryScore="80"')],
    ['an unknown moveOn', (x: string) => x.replace('CompletedAndPassed', 'Finished')],
    ['an AU without a url', (x: string) => x.replace(/<url>.*<\/url>/, '')],
    ['no course description', (x: string) => x.replace(/<description>[\s\S]*?<\/description>/, '')],
  ])('refused: %s', (_, breakIt) => {
    const v = validateCmi5(breakIt(cmi5Xml(input)));
    expect(v.ok).toBe(false);
    expect(v.code).toBe(3);
    expect(v.output).toMatch(/fails to validate/);
  });
});

describe('cmi5 packages of the course', () => {
  const { def, content } = course();
  const tmp = mkdtempSync(join(tmpdir(), 'cmi5-package-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const web = join(tmp, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), `<!doctype html>\n<html lang="fr">\n  <head>\n    <meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />\n    <title>x</title>\n  </head>\n  <body></body>\n</html>\n`);
  writeFileSync(join(web, 'assets', 'index-1.js'), 'console.log(1)');
  const built = packageCourse({ def, content, webDir: web, outDir: join(tmp, 'out') }).filter((b) => b.kind === 'cmi5');

  test('one per track setting, cmi5.xml at the root, valid, in both languages; the launch may reach an LRS', () => {
    expect(built.map((b) => b.track)).toEqual([null, ...def.tracks.map((t) => t.id)]);
    for (const b of built) {
      expect(b.file).toBe(`${def.id}-${def.version}-cmi5-${b.track ? `track-${b.track}` : 'learner-chooses'}.zip`);
      const zip = unzipSync(new Uint8Array(readFileSync(join(tmp, 'out', b.file))));
      expect(Object.keys(zip).sort()).toEqual(['assets/index-1.js', 'cmi5.xml', 'index.html']);
      const xml = strFromU8(zip['cmi5.xml']);
      expect(validateCmi5(xml).ok, b.file).toBe(true);
      for (const lang of def.languages) expect(xml).toContain(`<langstring lang="${lang}">${content[lang].text[def.title]}`);
      const pass = passingScore(def, b.track);
      expect(xml).toContain(pass > 0 ? `masteryScore="${(pass / 100).toFixed(2)}"` : 'moveOn="Completed"');
      const html = strFromU8(zip['index.html']);
      expect(html).toContain('<meta name="course-cmi5" content="1" />');
      expect(html).toContain(`content="${CMI5_CSP}"`);
      if (b.track) expect(html).toContain(`<meta name="course-track" content="${b.track}" />`);
    }
  });
});
