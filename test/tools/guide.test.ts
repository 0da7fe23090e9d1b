/**
 * The worked example of docs/authoring.md really works: its scenario passes the checks,
 * its transcript passes, and its path report says what the guide says.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCourse } from '../../src/authoring/load.ts';
import { runTranscript } from '../../src/tools/transcript/run.ts';
import { scenarioPaths } from '../../src/tools/paths/scenario-paths.ts';
import { cleanTemps, SAMPLE, tempCopy } from './helpers.ts';

afterAll(cleanTemps);

const guide = readFileSync('docs/authoring.md', 'utf8');
const blocks = [...guide.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));

describe('the trainers guide', () => {
  it('has a worked example that checks, plays and maps as described', () => {
    const yaml = blocks.find((b) => b.lang === 'yaml' && b.text.includes('id: coffee-invitation'))!.text;
    const transcript = blocks.find((b) => b.text.startsWith('# Coffee after the visit'))!.text;
    const dir = tempCopy(SAMPLE);
    writeFileSync(join(dir, 'scenarios/coffee-invitation.yaml'), yaml);
    writeFileSync(join(dir, 'scenarios/coffee-invitation.transcript.txt'), transcript);
    const mod = join(dir, 'modules/sample-gifts-and-minors.yaml');
    writeFileSync(mod, readFileSync(mod, 'utf8').replace('  - scenario: birthday-envelope\n', '  - scenario: birthday-envelope\n  - scenario: coffee-invitation\n'));

    const built = buildCourse(dir);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(runTranscript(join(dir, 'scenarios/coffee-invitation.transcript.txt')).problems).toEqual([]);
    const r = scenarioPaths(built.compiled!.definition, 'coffee-invitation');
    expect(r).toMatchObject({ screens: 6, paths: 1, loops: [{ node: 'ask', option: 'accept', via: ['accept-consequence'], backTo: 'ask' }] });
    expect(guide).toContain(`${r.screens} screens in the engine graph; ${r.paths} distinct path(s)`);

    // The typo shown in the guide gives the message shown in the guide.
    writeFileSync(join(dir, 'scenarios/coffee-invitation.yaml'), yaml.replace('        next: debrief', '        next: debreif'));
    const typo = buildCourse(dir).diagnostics.find((d) => d.message.includes('debreif'))!;
    expect(guide).toContain(`scenarios/coffee-invitation.yaml:${typo.line}:${typo.col}  ${typo.message}  (${typo.hint})`);
  });

  it('names only commands that exist', () => {
    const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts);
    for (const m of guide.matchAll(/npm run ([\w:]+)/g)) expect(scripts, m[0]).toContain(m[1]);
  });
});
