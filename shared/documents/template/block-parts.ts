/** Text, cells, guidance and money as the document blocks print them, so every block reads the same. */
import { formatMoney } from '../../text/numbers';
import type { Block, Inline, TableCell } from '../model';

export const textInline = (s: string): Inline[] => (s === '' ? [] : [{ kind: 'text', text: s }]);
/** A table cell; an empty value reads "Not recorded", never a blank a reader might take for nought. */
export const cell = (s: string, extra: Partial<TableCell> = {}): TableCell => ({ content: textInline(s === '' ? 'Not recorded' : s), ...extra });
export const para = (s: string): Block => ({ kind: 'paragraph', content: textInline(s) });
/** Whole pounds: an appraisal's precision is far coarser than a penny. */
export const pounds = (n: number): string => formatMoney(Math.round(n) === 0 ? 0 : Math.round(n));
/** Guidance for the author (the template's or a block's): in a draft only, never in a final. */
export function guidance(title: string, text: string): Block {
  return { kind: 'callout', tone: 'guidance', title, blocks: [{ kind: 'paragraph', content: [{ kind: 'guidance', text }] }] };
}
