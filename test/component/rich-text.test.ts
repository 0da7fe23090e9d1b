import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import RichText from '../../src/ui/RichText.svelte';
import type { Block } from '../../src/engine/definition.ts';

describe('RichText', () => {
  it('renders the markdown subset as elements, with headings at the level asked', () => {
    const blocks: Block[] = [
      { t: 'h', c: ['Title'] },
      { t: 'p', c: ['Plain ', { b: 'bold' }, ' and ', { i: 'italic' }] },
      { t: 'ul', items: [['one'], ['two']] },
      { t: 'ol', items: [['first']] },
      { t: 'note', c: ['A note'] },
    ];
    const { container } = render(RichText, { blocks, level: 3 });
    expect(container.querySelector('h3')).toHaveTextContent('Title');
    expect(container.querySelector('strong')).toHaveTextContent('bold');
    expect(container.querySelector('em')).toHaveTextContent('italic');
    expect(container.querySelectorAll('ul li')).toHaveLength(2);
    expect(container.querySelector('.note')).toHaveTextContent('A note');
  });

  it('shows markup in content as text, never as HTML', () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const { container } = render(RichText, { blocks: [{ t: 'p', c: [evil, { b: '<b>x</b>' }] }] });
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(container.querySelector('p')?.textContent).toBe(`${evil}<b>x</b>`);
  });
});
