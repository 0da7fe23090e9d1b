/**
 * Translation round trip on copies of real course files: export to XLIFF 2.0, change targets
 * as a translator would, import; only the translated texts change (comments, key order,
 * quoting kept), and a file whose ids no longer match is refused with nothing written.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xliff2js from 'xliff/xliff2js';
import { exportXliff } from '../../src/tools/i18n/export.ts';
import { importXliff, ImportRejected } from '../../src/tools/i18n/import.ts';
import { buildCourse } from '../../src/authoring/load.ts';
import { cleanTemps, LARGE, PROJECT, runCli, SAMPLE, tempCopy } from './helpers.ts';

afterAll(cleanTemps);

const FR_EN = { source: 'fr' as const, target: 'en' as const };
const META = { course: 'client-relations', version: '0.1.0' };

function setup(root = SAMPLE) {
  const dir = tempCopy(root, { locales: true });
  const roots = { root: dir, locales: join(dir, 'locales') };
  const out = join(dir, 'out.xlf');
  return { dir, roots, out, read: (p: string) => readFileSync(join(dir, p), 'utf8'), write: (p: string, t: string) => writeFileSync(join(dir, p), t) };
}

/** Every source file of a copy, by path, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of ['modules', 'scenarios', 'locales/fr', 'locales/en']) for (const f of readdirSync(join(dir, d))) if (/\.(ya?ml|json)$/.test(f)) out[`${d}/${f}`] = readFileSync(join(dir, d, f), 'utf8');
  return out;
}

/** What a translator's tool does to one unit: set (or add) its target. */
function translate(xml: string, file: string, unit: string, target: string): string {
  const fileStart = xml.indexOf(`<file id="${file}"`);
  const start = xml.indexOf(`<unit id="${unit}">`, fileStart);
  const end = xml.indexOf('</unit>', start);
  expect(fileStart >= 0 && start >= 0, `${file} ${unit}`).toBe(true);
  let body = xml.slice(start, end);
  body = /<target[\s\S]*<\/target>/.test(body)
    ? body.replace(/<target([^>]*)>[\s\S]*<\/target>/, `<target$1>${target}</target>`)
    : body.replace('</source>', `</source>\n        <target xml:space="preserve">${target}</target>`);
  return xml.slice(0, start) + body.replace('state="initial"', 'state="translated"') + xml.slice(end);
}

/** The line (1-based) of the first occurrence of `needle`: fixtures may move, tests follow. */
const lineOf = (text: string, needle: string) => {
  const at = text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  return text.slice(0, at).split('\n').length;
};

const changedLines = (a: string, b: string) => {
  const x = a.split('\n');
  const y = b.split('\n');
  return x.map((l, i) => (l !== y[i] ? i + 1 : 0)).filter(Boolean);
};

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

describe('XLIFF import', () => {
  it('changes nothing when nothing was translated (byte for byte)', async () => {
    const { dir, roots, out } = setup();
    const before = snapshot(dir);
    exportXliff(roots, FR_EN, out, META);
    const r = await importXliff(roots, readFileSync(out, 'utf8'));
    expect(r.applied).toEqual([]);
    expect(r.unchanged).toBeGreaterThan(250);
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes translations into YAML and JSON in place, keeping comments, order and style', async () => {
    const { dir, roots, out, read } = setup();
    const before = snapshot(dir);
    exportXliff(roots, FR_EN, out, META);
    let xml = readFileSync(out, 'utf8');
    const S = 'scenarios:birthday-envelope.yaml';
    xml = translate(xml, S, 'title', 'The envelope'); // flow map, double quotes
    xml = translate(xml, S, 'nodes.card.prompt', 'She gives you a card with a &quot;$50&quot; bill. Now what?'); // block map, double quotes
    xml = translate(xml, S, 'nodes.intro.text', 'Line one &amp; **bold**.\nLine two.'); // literal block
    xml = translate(xml, S, 'nodes.card.options.keep-card.text', 'Keep the card, return the cash, tell <ph id="1" equiv="{{SUPERVISOR_TITLE}}" disp="{{SUPERVISOR_TITLE}}"/>.');
    xml = translate(xml, 'modules:course.yaml', 'tokens.GIFT_THRESHOLD.value', 'CAD 25');
    xml = translate(xml, 'locales:ui.json', 'scenario.best', 'The best choice');
    xml = translate(xml, 'locales:ui.json', 'next', 'Next');
    const r = await importXliff(roots, xml);
    expect(r.applied).toHaveLength(7);
    expect(r.files.sort()).toEqual(['locales/en/ui.json', 'modules/course.yaml', 'scenarios/birthday-envelope.yaml']);
    const after = snapshot(dir);
    for (const f of Object.keys(before)) if (!r.files.includes(f)) expect(after[f], f).toBe(before[f]);

    const yaml = read('scenarios/birthday-envelope.yaml');
    const old = before['scenarios/birthday-envelope.yaml'];
    // Only the lines of the translated texts changed; the comment line at the top is intact.
    const intro = lineOf(old, 'You are a community support worker');
    expect(changedLines(old, yaml)).toEqual([lineOf(old, 'title: {'), intro, intro + 1, lineOf(old, 'en: "She hands you a card'), lineOf(old, 'Thank her, keep the card')]);
    expect(yaml.split('\n')[0]).toBe(old.split('\n')[0]);
    expect(yaml).toContain('title: { fr: "L\'enveloppe d\'anniversaire", en: "The envelope" }');
    expect(yaml).toContain('      en: |\n        Line one & **bold**.\n        Line two.\n    next: card');
    expect(yaml).toContain('      en: "She gives you a card with a \\"$50\\" bill. Now what?"');
    expect(changedLines(before['modules/course.yaml'], read('modules/course.yaml'))).toHaveLength(1);
    const ui = read('locales/en/ui.json');
    expect(changedLines(before['locales/en/ui.json'], ui)).toHaveLength(2);
    expect(JSON.parse(ui).scenario.best).toBe('The best choice');
    expect(Object.keys(JSON.parse(ui))).toEqual(Object.keys(JSON.parse(before['locales/en/ui.json'])));

    // The course still builds, with the new text.
    const built = buildCourse(dir);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.compiled!.content.en.text['s.birthday-envelope.title']).toBe('The envelope');
    expect(built.compiled!.content.en.tokens.GIFT_THRESHOLD).toBe('CAD 25');
  });

  it('adds a missing translation beside its source, in YAML and JSON', async () => {
    const { dir, roots, out, read, write } = setup();
    write('scenarios/late-night-dm.yaml', read('scenarios/late-night-dm.yaml').replace(', en: "Ignore it."', '').replace('\n      en: "Organisational channels only; never promise secrecy; listen, write down, report."', ''));
    const ui = JSON.parse(read('locales/en/ui.json'));
    delete ui.scenario.tryAgain;
    write('locales/en/ui.json', JSON.stringify(ui, null, 2) + '\n');
    exportXliff(roots, FR_EN, out, META);
    let xml = readFileSync(out, 'utf8');
    xml = translate(xml, 'scenarios:late-night-dm.yaml', 'nodes.reply.options.ignore.text', 'Ignore it.');
    xml = translate(xml, 'scenarios:late-night-dm.yaml', 'nodes.debrief.text', 'Organisational channels only.');
    xml = translate(xml, 'locales:ui.json', 'scenario.tryAgain', 'Try again');
    const r = await importXliff(roots, xml);
    expect(r.applied).toHaveLength(3);
    const y = read('scenarios/late-night-dm.yaml');
    expect(y).toContain('text: { fr: "L\'ignorer.", en: "Ignore it." }');
    expect(y).toMatch(/\n {6}fr: "Canaux de l'organisation seulement; jamais de secret promis; écouter, noter, signaler\."\n {6}en: "Organisational channels only\."\n?$/);
    const back = JSON.parse(read('locales/en/ui.json'));
    expect(back.scenario.tryAgain).toBe('Try again');
    // Placed where the French file has it: after "clauses", before "announceBest".
    const keys = Object.keys(back.scenario);
    expect(keys.indexOf('tryAgain')).toBe(keys.indexOf('clauses') + 1);
    expect(buildCourse(dir).compiled).not.toBeNull();
  });

  it('reports missing, stale, conflicting and token-breaking translations without applying them', async () => {
    const { roots, out, read, write } = setup();
    exportXliff(roots, FR_EN, out, META);
    let xml = readFileSync(out, 'utf8');
    const S = 'scenarios:birthday-envelope.yaml';
    xml = translate(xml, S, 'nodes.jam.prompt', 'The jam prompt, new'); // its French source changes below: stale
    xml = translate(xml, S, 'nodes.will.prompt', 'The will prompt, new'); // its English is edited in the sources below: conflict
    xml = translate(xml, S, 'nodes.card.options.keep-card.text', 'Keep the card and tell your boss.'); // token lost
    xml = xml.replace(/(<unit id="nodes.debrief.title">[\s\S]*?)<target[^>]*>[^<]*<\/target>/, '$1'); // no target: missing
    xml = translate(xml, S, 'nodes.card.prompt', 'Applied anyway');
    write('scenarios/birthday-envelope.yaml', read('scenarios/birthday-envelope.yaml')
      .replace('elle insiste pour vous offrir', 'elle tient à vous offrir')
      .replace(`en: "A month later: \\"I told my notary I'm leaving you my late husband's car.\\""`, 'en: "A month later, she mentions her will."'));
    const dry = await importXliff(roots, xml, { dryRun: true });
    const where = (list: string[]) => list.map((l) => l.split('  ')[1]);
    expect(where(dry.stale)).toEqual(['nodes.jam.prompt']);
    expect(where(dry.conflicts)).toEqual(['nodes.will.prompt']);
    const keep = lineOf(read('scenarios/birthday-envelope.yaml'), 'La remercier, garder la carte');
    expect(dry.tokens).toEqual([`scenarios/birthday-envelope.yaml:${keep}  nodes.card.options.keep-card.text  (source has {{SUPERVISOR_TITLE}}, translation has none)`]);
    expect(where(dry.missing)).toEqual(['nodes.debrief.title']);
    expect(where(dry.applied)).toEqual(['nodes.card.prompt']);
    expect(read('scenarios/birthday-envelope.yaml')).not.toContain('Applied anyway');
    await importXliff(roots, xml);
    const y = read('scenarios/birthday-envelope.yaml');
    expect(y).toContain('Applied anyway');
    expect(y).not.toContain('The jam prompt, new');
    expect(y).not.toContain('The will prompt, new');
    expect(y).toContain('A month later, she mentions her will.');
  });

  it('refuses a file whose ids no longer match, writing nothing', async () => {
    const { dir, roots, out, read, write } = setup();
    exportXliff(roots, FR_EN, out, META);
    const xml = translate(readFileSync(out, 'utf8'), 'scenarios:birthday-envelope.yaml', 'nodes.card.prompt', 'Changed');
    // A writer renames a node after the export.
    write('scenarios/birthday-envelope.yaml', read('scenarios/birthday-envelope.yaml').replaceAll('jam-consequence', 'jam-result'));
    const before = snapshot(dir);
    const err = await importXliff(roots, xml).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect((err as Error).message).toMatch(/^Rejected: 1 id\(s\) in this file no longer match the course sources, so nothing was written:\n {2}scenarios\/birthday-envelope\.yaml nodes\.jam-consequence\.text\n/);
    expect((err as Error).message).toContain('Export again with `npm run i18n:export`');
    expect(snapshot(dir)).toEqual(before);
    // Also refused: a file of another language pair, a re-segmented unit, and something that is not XLIFF 2.
    await expect(importXliff(roots, xml.replace('trgLang="en"', 'trgLang="de"'))).rejects.toThrow(/translates fr → de/);
    const split = readFileSync(out, 'utf8').replace('<segment state="translated">\n        <source xml:space="preserve">Relations', '<segment><source>x</source></segment><segment state="translated">\n        <source xml:space="preserve">Relations');
    await expect(importXliff(roots, split)).rejects.toThrow(/split into several segments by the translation tool \(title\)/);
    await expect(importXliff(roots, '<xliff version="1.2"></xliff>')).rejects.toThrow(/not an XLIFF 2 file/);
  });

  it('works the other way round (English source, French target) and on the 30-node fixture', async () => {
    const { dir, roots, out, read } = setup(LARGE);
    const before = snapshot(dir);
    const r = exportXliff(roots, { source: 'en', target: 'fr' }, out, META);
    expect(r.units).toBeGreaterThan(200);
    let xml = readFileSync(out, 'utf8');
    expect(xml).toContain('srcLang="en" trgLang="fr"');
    xml = translate(xml, 'scenarios:long-evening.yaml', 'nodes.d5.options.refuse.text', 'Refuser : vous n\'acceptez rien.');
    const res = await importXliff(roots, xml);
    const line = lineOf(before['scenarios/long-evening.yaml'], 'Refuse: you never accept anything.');
    expect(res.applied).toEqual([`scenarios/long-evening.yaml:${line}  nodes.d5.options.refuse.text`]);
    expect(changedLines(before['scenarios/long-evening.yaml'], read('scenarios/long-evening.yaml'))).toEqual([line]);
    expect(buildCourse(dir).compiled).not.toBeNull();
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
