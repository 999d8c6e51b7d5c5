/** Text, cells and money as the business case and the committee report print them, so both read the same. */
import { formatMoney } from '../../text/numbers';
import type { Block, Inline, TableCell } from '../model';

export const textInline = (s: string): Inline[] => (s === '' ? [] : [{ kind: 'text', text: s }]);
/** A table cell; an empty value reads "Not recorded", never a blank a reader might take for nought. */
export const cell = (s: string, extra: Partial<TableCell> = {}): TableCell => ({ content: textInline(s === '' ? 'Not recorded' : s), ...extra });
export const para = (s: string): Block => ({ kind: 'paragraph', content: textInline(s) });
/** Whole pounds: an appraisal's precision is far coarser than a penny. */
export const pounds = (n: number): string => formatMoney(Math.round(n) === 0 ? 0 : Math.round(n));
