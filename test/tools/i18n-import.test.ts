/**
 * Translation import on copies of real course files: only the translated texts change
 * (comments, key order, quoting kept), missing keys are added in place, and a file whose ids
 * no longer match, or that is stale, conflicting or breaks a token, is refused or reported.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importXliff, ImportRejected } from '../../src/tools/i18n/import.ts';
import { exportXliff } from '../../src/tools/i18n/export.ts';
import { buildCourse } from '../../src/authoring/load.ts';
import { cleanTemps, LARGE, PROJECT } from './helpers.ts';
import { changedLines, FR_EN, lineOf, META, setup, snapshot, translate } from './i18n-helpers.ts';

afterAll(cleanTemps);

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

  it('leaves the shipped course byte for byte as it is after a round trip with no change', async () => {
    const { dir, roots, out } = setup(PROJECT);
    const before = snapshot(dir);
    exportXliff(roots, FR_EN, out, META);
    const r = await importXliff(roots, readFileSync(out, 'utf8'));
    expect(r.unchanged).toBeGreaterThan(1000);
    expect([r.applied, r.missing, r.stale, r.conflicts, r.tokens, r.files]).toEqual([[], [], [], [], [], []]);
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

describe('XLIFF reading', () => {
  it('keeps a blank line before a paragraph that starts with a token, and a final line break', async () => {
    const { readXliff } = await import('../../src/tools/i18n/xliff-read.ts');
    const ph = '<ph id="1" equiv="{{SUPERVISOR_TITLE}}" disp="{{SUPERVISOR_TITLE}}"/>';
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">
  <file id="f">
    <unit id="u">
      <segment>
        <source xml:space="preserve">Un.\n\n${ph} deux.</source>
        <target xml:space="preserve">One.\n\n${ph} two.\n</target>
      </segment>
    </unit>
  </file>
</xliff>`;
    const unit = (await readXliff(xml)).files.get('f')!.get('u')!;
    expect(unit.source).toBe('Un.\n\n{{SUPERVISOR_TITLE}} deux.');
    expect(unit.target).toBe('One.\n\n{{SUPERVISOR_TITLE}} two.\n');
  });
});
