/**
 * Translation export on copies of real course files: every learner-visible string in
 * XLIFF 2.0 with its place and fingerprints, the strings not translated yet, and the commands.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xliff2js from 'xliff/xliff2js';
import { exportXliff } from '../../src/tools/i18n/export.ts';
import { cleanTemps, PROJECT, runCli } from './helpers.ts';
import { FR_EN, lineOf, META, setup, translate } from './i18n-helpers.ts';

afterAll(cleanTemps);

describe('XLIFF export', () => {
  it('writes every learner-visible string with source, target, place and fingerprints', async () => {
    const { roots, out, read } = setup();
    const r = exportXliff(roots, FR_EN, out, META);
    const xml = readFileSync(out, 'utf8');
    const js = await xliff2js(xml);
    expect(js.sourceLanguage).toBe('fr');
    expect(js.targetLanguage).toBe('en');
    expect(Object.keys(js.resources!)).toEqual(['modules:course.yaml', 'modules:sample-gifts-and-minors.yaml', 'scenarios:birthday-envelope.yaml', 'scenarios:late-night-dm.yaml', 'locales:ui.json']);
    const units = Object.values(js.resources!).reduce((n, f) => n + Object.keys(f).length, 0);
    expect(units).toBe(r.units);
    // Every bilingual text of the YAML files: as many as `en:` keys there (all of them are in { fr, en } pairs).
    const yamlEn = ['modules/course.yaml', 'modules/sample-gifts-and-minors.yaml', 'scenarios/birthday-envelope.yaml', 'scenarios/late-night-dm.yaml']
      .map((p) => (read(p).match(/\ben: /g) ?? []).length)
      .reduce((a, b) => a + b, 0);
    const uiStrings = JSON.stringify(JSON.parse(read('locales/fr/ui.json'))).match(/":"/g)!.length;
    expect(units).toBe(yamlEn + uiStrings);
    expect(js.resources!['scenarios:birthday-envelope.yaml']['nodes.card.options.keep-card.text'].target).toEqual([
      'Thank her, keep the card, hand back the cash and tell ',
      { Standalone: { id: '1', equiv: '{{SUPERVISOR_TITLE}}', disp: '{{SUPERVISOR_TITLE}}' } },
      '.',
    ]);
    expect(js.resources!['modules:sample-gifts-and-minors.yaml']['steps.page:token-test.body']).toBeDefined();
    const at = lineOf(read('scenarios/birthday-envelope.yaml'), 'Elle vous tend une carte');
    expect(xml).toContain(`<unit id="nodes.card.prompt">\n      <notes><note category="location">location: scenarios/birthday-envelope.yaml:${at}</note>`);
    expect(xml).toMatch(/<file id="scenarios:birthday-envelope.yaml" original="scenarios\/birthday-envelope.yaml" canResegment="no">/);
    expect(r.missing).toEqual([]);
    // XLIFF 2.0 ids are NMTOKENs, unique within their file.
    for (const [fileId, units] of Object.entries(js.resources!)) {
      expect(fileId).toMatch(/^[A-Za-z0-9._:-]+$/);
      for (const id of Object.keys(units)) expect(id).toMatch(/^[A-Za-z0-9._:-]+$/);
    }
    expect(xml.match(/<unit id="/g)!.length).toBe(units);
  });

  it('lists strings with no translation yet and marks them "initial"', () => {
    const { roots, out, read, write } = setup();
    write('scenarios/late-night-dm.yaml', read('scenarios/late-night-dm.yaml').replace('en: "What do you do tonight?"', 'en: ""').replace(', en: "Ignore it."', ''));
    const r = exportXliff(roots, FR_EN, out, META);
    const y = read('scenarios/late-night-dm.yaml');
    expect(r.missing).toEqual([
      `scenarios/late-night-dm.yaml:${lineOf(y, 'Que faites-vous ce soir?')}  nodes.reply.prompt`,
      `scenarios/late-night-dm.yaml:${lineOf(y, "L'ignorer.")}  nodes.reply.options.ignore.text`,
    ]);
    const xml = readFileSync(out, 'utf8');
    const unit = xml.slice(xml.indexOf('<unit id="nodes.reply.prompt">'), xml.indexOf('</unit>', xml.indexOf('<unit id="nodes.reply.prompt">')));
    expect(unit).toContain('<segment state="initial">');
    expect(unit).not.toContain('<target');
  });
});

describe('translation commands', () => {
  it('exports and imports with `npm run i18n:export` / `i18n:import`, and reports with `i18n:report`', () => {
    const { dir, out } = setup();
    const exp = runCli('src/cli/i18n-export.ts', ['--root', dir, '--out', out]);
    expect(exp.code, exp.out).toBe(0);
    const total = Number(/: (\d+) strings from 5 files, fr → en \(XLIFF 2\.0\)\.\nEvery string has a en translation\./.exec(exp.out)?.[1]);
    expect(total).toBeGreaterThan(250);
    writeFileSync(out, translate(readFileSync(out, 'utf8'), 'locales:ui.json', 'next', 'Next'));
    const dry = runCli('src/cli/i18n-import.ts', ['--dry-run', out, '--root', dir]);
    expect(dry.out).toContain(`fr → en: 1 translation(s) would be applied, ${total - 1} unchanged.`);
    expect(JSON.parse(readFileSync(join(dir, 'locales/en/ui.json'), 'utf8')).next).toBe('Continue');
    const imp = runCli('src/cli/i18n-import.ts', [out, '--root', dir]);
    expect(imp.code, imp.out).toBe(0);
    expect(imp.out).toContain('Files written (1):\n  locales/en/ui.json');
    expect(JSON.parse(readFileSync(join(dir, 'locales/en/ui.json'), 'utf8')).next).toBe('Next');
    expect(runCli('src/cli/i18n-import.ts', ['nope.xlf']).code).toBe(1);
  });

  it('exports the shipped course', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'xlf-')), 'course.xlf');
    const r = runCli('src/cli/i18n-export.ts', ['--root', PROJECT, '--locales', join(PROJECT, 'locales'), '--out', out]);
    expect(r.code, r.out).toBe(0);
    expect(Number(/: (\d+) strings/.exec(r.out)![1])).toBeGreaterThan(1000);
  });
});
