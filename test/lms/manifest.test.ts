/**
 * Packages and manifests: valid against the official schemas (xmllint, offline, through the
 * shared schema folder), and checked for what the schemas miss.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { manifest12, manifest2004, type ManifestInput } from '../../src/build/package-manifest.ts';
import { checkPackage } from '../../src/build/package-check.ts';
import { packageCourse, passingScore, withMeta } from '../../src/build/package.ts';
import { schemaDir, validateManifest } from '../../src/build/package-validate.ts';
import { presetTrack } from '../../src/app/launch.ts';
import { packagedVersion } from '../../src/lms/detect.ts';
import { course } from './helpers.ts';

const input: ManifestInput = {
  identifier: 'client-relations-1.0.0-scorm12-all',
  version: '1.0.0',
  title: 'Relations « professionnelles » & clientèle <test>',
  passingScore: 75,
  files: ['index.html', 'assets/index-abc.js', 'assets/index-abc.css'],
  launch: 'index.html',
};

test('the shared schemas are there (../shared/scorm-xsd, or SCORM_XSD_DIR)', () => {
  expect(schemaDir()).not.toBe(null);
});

describe('manifests validate against the official schemas', () => {
  test.each([['1.2', manifest12], ['2004', manifest2004]] as const)('SCORM %s', (version, make) => {
    const v = validateManifest(version, make(input));
    expect(v.output).not.toMatch(/fails to validate/);
    expect(v.code).toBe(0);
  });

  test('and the validation does catch a wrong manifest (the schemas are really loaded)', () => {
    const bad12 = manifest12(input).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"');
    const bad2004 = manifest2004(input).replace('adlcp:scormType="sco"', 'adlcp:scormType="lesson"');
    expect(validateManifest('1.2', bad12).code).toBe(3);
    expect(validateManifest('2004', bad2004).code).toBe(3);
  });

  test('2004: completion and success set by the content; the pass mark as a measure', () => {
    const xml = manifest2004(input);
    expect(xml).toMatch(/<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"\/>/);
    expect(xml).toMatch(/<imsss:minNormalizedMeasure>0\.75<\/imsss:minNormalizedMeasure>/);
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
  });

  test('1.2: the mastery score; titles escaped', () => {
    const xml = manifest12(input);
    expect(xml).toContain('<adlcp:masteryscore>75</adlcp:masteryscore>');
    expect(xml).toContain('<title>Relations « professionnelles » &amp; clientèle &lt;test&gt;</title>');
  });
});

describe('what the schemas miss', () => {
  const files = [...input.files, 'imsmanifest.xml'];
  test('a correct package has no problem', () => {
    expect(checkPackage(manifest12(input), files)).toEqual([]);
    expect(checkPackage(manifest2004(input), files)).toEqual([]);
  });
  test('a listed file missing from the package', () => {
    expect(checkPackage(manifest12(input), files.filter((f) => !f.endsWith('.css'))).map((p) => p.message)).toEqual(['listed file assets/index-abc.css is not in the package']);
  });
  test('a file of the package not listed', () => {
    expect(checkPackage(manifest2004(input), [...files, 'assets/extra.js']).map((p) => p.message)).toEqual(['file assets/extra.js is in the package but not listed in the manifest']);
  });
  test('an identifierref that names no resource', () => {
    const xml = manifest12(input).replace('identifierref="sco"', 'identifierref="nothing"');
    expect(checkPackage(xml, files).map((p) => p.message)).toEqual(['item item: identifierref nothing names no resource']);
  });
  test('a launch file that does not exist; a mastery score that is not a number', () => {
    const xml = manifest12({ ...input, launch: 'start.html' }).replace('<adlcp:masteryscore>75<', '<adlcp:masteryscore>high<');
    const messages = checkPackage(xml, files).map((p) => p.message);
    expect(messages).toContain('resource sco: launch file start.html is not in the package');
    expect(messages).toContain('masteryscore "high" is not a number from 0 to 100');
  });
});

describe('packaging a built course', () => {
  const { def, content } = course();
  const tmp = mkdtempSync(join(tmpdir(), 'package-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const web = join(tmp, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html>\n<html lang="fr">\n  <head>\n    <meta charset="utf-8" />\n    <title>x</title>\n  </head>\n  <body><script type="module" src="./assets/index-1.js"></script></body>\n</html>\n');
  writeFileSync(join(web, 'assets', 'index-1.js'), 'console.log(1)');
  writeFileSync(join(web, 'assets', 'index-1.css'), 'body{}');
  const built = packageCourse({ def, content, webDir: web, outDir: join(tmp, 'out') });

  test('one zip per version and track setting, plus the plain web build', () => {
    expect(built.filter((b) => b.kind === 'web')).toHaveLength(1);
    expect(built.filter((b) => b.kind === 'scorm')).toHaveLength(2 * (def.tracks.length + 1));
    for (const t of [null, ...def.tracks.map((x) => x.id)]) for (const v of ['1.2', '2004']) expect(built.some((b) => b.version === v && b.track === t)).toBe(true);
  });

  test('each package: valid, every file listed, titled in the course language, the version and track reach the course', () => {
    const title = content[def.languages[0]].text[def.title] as string;
    // cmi5 packages carry cmi5.xml instead (test/lms/cmi5-package.test.ts).
    for (const b of built.filter((x) => x.kind !== 'cmi5')) {
      const zip = unzipSync(new Uint8Array(readFileSync(join(tmp, 'out', b.file))));
      const names = Object.keys(zip);
      const html = strFromU8(zip['index.html']);
      // Just enough of a document for the two readers of the meta tags.
      const doc = {
        querySelector: (sel: string) => {
          const name = /name="([^"]+)"/.exec(sel)![1];
          const m = new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(html);
          return m ? { getAttribute: () => m[1] } : null;
        },
      } as unknown as Document;
      expect(names.sort()).toEqual([...(b.kind === 'scorm' ? ['imsmanifest.xml'] : []), 'assets/index-1.css', 'assets/index-1.js', 'index.html'].sort());
      if (b.kind === 'web') {
        expect(packagedVersion(doc)).toBe(null);
        expect(presetTrack(def.tracks.map((t) => t.id), doc, '')).toBe(null);
        continue;
      }
      const manifest = strFromU8(zip['imsmanifest.xml']);
      expect(validateManifest(b.version!, manifest).code, b.file).toBe(0);
      expect(checkPackage(manifest, names)).toEqual([]);
      expect(manifest).toContain(`<title>${title}`);
      expect(packagedVersion(doc)).toBe(b.version);
      expect(presetTrack(def.tracks.map((t) => t.id), doc, '')).toBe(b.track);
      if (b.version === '1.2') expect(manifest).toContain(`<adlcp:masteryscore>${passingScore(def, b.track)}</adlcp:masteryscore>`);
    }
  });

  test('meta tags are replaced, not repeated', () => {
    const once = withMeta('<meta charset="utf-8" />', { 'course-track': 'a' });
    expect(withMeta(once, { 'course-track': 'b' })).toBe('<meta charset="utf-8" />\n    <meta name="course-track" content="b" />');
  });
});
