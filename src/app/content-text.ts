/**
 * Resolves content text keys for the active language, filling {{TOKENS}} with the
 * learner's programme values (or the course defaults).
 */
import type { Block, ContentStrings, Inline } from '../engine/definition.ts';

const TOKEN = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export class ContentText {
  constructor(readonly strings: ContentStrings, private readonly programme: string | null) {}

  private fill(s: string): string {
    return s.replace(TOKEN, (_, name: string) => this.token(name));
  }

  private fillInline(i: Inline): Inline {
    if (typeof i === 'string') return this.fill(i);
    return 'b' in i ? { b: this.fill(i.b) } : { i: this.fill(i.i) };
  }

  /** A configuration token's value for the learner's programme ('' when the course has none). */
  token(name: string): string {
    const own = this.programme ? this.strings.programmeTokens[this.programme] : undefined;
    return own?.[name] ?? this.strings.tokens[name] ?? '';
  }

  /** A label as plain text (blocks are flattened). */
  plain(key: string | undefined): string {
    if (!key) return '';
    const v = this.strings.text[key];
    if (v === undefined) return '';
    if (typeof v === 'string') return this.fill(v);
    return v
      .map((b) => ('c' in b ? b.c : b.items.flat()).map((i) => (typeof i === 'string' ? i : 'b' in i ? i.b : i.i)).join(''))
      .map((s) => this.fill(s))
      .join(' ');
  }

  /** Rich text as blocks (a plain label becomes one paragraph). */
  blocks(key: string | undefined): Block[] {
    if (!key) return [];
    const v = this.strings.text[key];
    if (v === undefined) return [];
    if (typeof v === 'string') return [{ t: 'p', c: [this.fill(v)] }];
    return v.map((b) => ('c' in b ? { t: b.t, c: b.c.map((i) => this.fillInline(i)) } : { t: b.t, items: b.items.map((it) => it.map((i) => this.fillInline(i))) }));
  }
}
