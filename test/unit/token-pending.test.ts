/**
 * A token whose value is not yet confirmed can say so: with `confirmed: false` and a
 * `pending` wording, learners see the pending wording ("confirm with your coordinator");
 * once the owner sets `confirmed: true`, they see the value.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCourse } from '../../src/authoring/load.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const LINE = `  CHILD_PROTECTION_AUTHORITY: { value: { fr: "la société d'aide à l'enfance de votre région", en: "your local children's aid society" }, owner: Legal / child-protection adviser, confirmed: false }`;
function courseWith(line: string) {
  const dir = mkdtempSync(join(tmpdir(), 'pending-'));
  dirs.push(dir);
  cpSync('test/fixtures/sample-course', dir, { recursive: true });
  const p = join(dir, 'modules/course.yaml');
  const src = readFileSync(p, 'utf8');
  expect(src).toContain(LINE);
  writeFileSync(p, src.replace(LINE, line));
  return buildCourse(dir);
}
const pending = `pending: { fr: "l'autorité de votre région (confirmez-la auprès de votre coordonnateur)", en: "your local authority (confirm it with your coordinator)" }`;

describe('pending token wording', () => {
  it('shows the pending wording while the value is unconfirmed', () => {
    const { compiled } = courseWith(LINE.replace('confirmed: false }', `confirmed: false, ${pending} }`));
    expect(compiled!.content.en.tokens.CHILD_PROTECTION_AUTHORITY).toBe('your local authority (confirm it with your coordinator)');
    expect(compiled!.content.fr.tokens.CHILD_PROTECTION_AUTHORITY).toMatch(/^l'autorité de votre région/);
  });

  it('shows the value once confirmed, and the value when there is no pending wording', () => {
    const confirmed = courseWith(LINE.replace('confirmed: false }', `confirmed: true, ${pending} }`));
    expect(confirmed.compiled!.content.en.tokens.CHILD_PROTECTION_AUTHORITY).toBe("your local children's aid society");
    const plain = buildCourse('test/fixtures/sample-course');
    expect(plain.compiled!.content.en.tokens.CHILD_PROTECTION_AUTHORITY).toBe("your local children's aid society");
  });
});
