/** Text, cells, guidance and money as the document blocks print them, so every block reads the same. */
import { formatMoney } from '../../text/numbers';
import type { RiskBand } from '../../analysis/appraisal';
import { uniqueId, type Block, type Inline, type Shade, type TableBlock, type TableCell } from '../model';

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

/** A table with an id unique in the document, from a readable base. */
export function table(ctx: { readonly ids: Set<string> }, base: string, fields: Omit<TableBlock, 'kind' | 'id'>): TableBlock {
  return { kind: 'table', id: uniqueId(ctx.ids, base), ...fields };
}

/** A risk rating's shade, the same in the business case and the committee report. */
export const RISK_BAND_SHADES: Readonly<Record<RiskBand, Shade>> = { low: 'rag-green', medium: 'rag-amber', high: 'rag-red', 'very-high': 'rag-red' };
