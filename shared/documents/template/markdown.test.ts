import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from './markdown';

const blocks = (source: string) => markdownToBlocks(source, { blocks: [], inlines: [], ids: new Set() });
const kinds = (source: string) => blocks(source).map((b) => b.kind);

describe('lists and paragraphs stay apart', () => {
  it('starts a new paragraph after a list when the next line is not indented (a loop leaves no blank line)', () => {
    // What the strategic alignment statement's loop gives: the last KPI bullet, then the next objective.
    const b = blocks('**Reduce loneliness**: strong contribution.\n\n- Measured by A.\n- Measured by B.\n**Every child reads**: some contribution.\n');
    expect(b.map((x) => x.kind)).toEqual(['paragraph', 'list', 'paragraph']);
    const list = b[1]!;
    expect(list.kind === 'list' && list.items.map((i) => i.content.map((c) => (c.kind === 'text' ? c.text : '')).join(''))).toEqual(['Measured by A.', 'Measured by B.']);
  });

  it('does the same after numbered lists, and before a table', () => {
    expect(kinds('1. One\n2. Two\nAfterwards.')).toEqual(['list', 'paragraph']);
    expect(kinds('- One\n| a | b |\n|---|---|\n| 1 | 2 |')).toEqual(['list', 'table']);
  });

  it('keeps an indented line as part of its item, and nested lists nested', () => {
    const b = blocks('- First line\n  carried on\n- Second\n  - Nested\n');
    expect(b.map((x) => x.kind)).toEqual(['list']);
    const list = b[0]!;
    if (list.kind !== 'list') throw new Error('not a list');
    expect(list.items).toHaveLength(2);
    expect(list.items[0]!.content.map((c) => (c.kind === 'text' ? c.text : '')).join('')).toBe('First line carried on');
    expect(list.items[1]!.children?.items).toHaveLength(1);
  });
});
