import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/authoring/load.ts';
import { parseMarkdown, parseInline } from '../../src/authoring/markdown.ts';

describe('markdown subset', () => {
  it('parses paragraphs, headings, lists, notes and emphasis into plain data', () => {
    expect(parseMarkdown('### Title\nFirst line\nsame paragraph **bold** and *it*.\n\n- one\n- two\n\n1. a\n2. b\n> careful')).toEqual([
      { t: 'h', c: ['Title'] },
      { t: 'p', c: ['First line same paragraph ', { b: 'bold' }, ' and ', { i: 'it' }, '.'] },
      { t: 'ul', items: [['one'], ['two']] },
      { t: 'ol', items: [['a'], ['b']] },
      { t: 'note', c: ['careful'] },
    ]);
  });

  it('keeps markup and script as inert text', () => {
    const blocks = parseMarkdown('<img src=x onerror=alert(1)> <script>alert(1)</script>');
    expect(blocks).toEqual([{ t: 'p', c: ['<img src=x onerror=alert(1)> <script>alert(1)</script>'] }]);
  });

  it('does not mistake a multiplication or a snake_case token for emphasis', () => {
    expect(parseInline('2 * 3 * 4 and {{GIFT_THRESHOLD}}')).toEqual(['2 * 3 * 4 and {{GIFT_THRESHOLD}}']);
  });
});

describe('compiler (golden fixture)', () => {
  it('compiles the sample course to the committed definition and text tables', async () => {
    const { compiled } = buildCourse('test/fixtures/sample-course');
    await expect(JSON.stringify(compiled, null, 1)).toMatchFileSnapshot('../fixtures/sample-course.compiled.json');
  });

  it('keeps text out of the structure: every text key resolves in both languages', () => {
    const { compiled } = buildCourse('test/fixtures/sample-course');
    const keys = new Set<string>();
    JSON.stringify(compiled!.definition, (k, v) => {
      if (typeof v === 'string' && ['title', 'text', 'prompt', 'feedback', 'body', 'stem', 'notice', 'term', 'definition', 'description'].includes(k)) keys.add(v);
      return v;
    });
    expect(keys.size).toBeGreaterThan(50);
    for (const k of keys) {
      expect(compiled!.content.fr.text[k], k).toBeDefined();
      expect(compiled!.content.en.text[k], k).toBeDefined();
    }
  });
});
