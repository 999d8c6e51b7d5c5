/**
 * Column widths for a table, in points, shared by the Word file, the print HTML and the page estimate so all three
 * lay a table out alike. The model's relative widths are the starting point; no column is made narrower than its
 * longest header word (bold) or its longest figure, so "Services" never breaks as "Service/s" and "£1,250,000"
 * stays on one line. Long words in body cells break at syllables instead (text-metrics.ts hyphenateLongWords).
 */
import { inlineText, type TableBlock } from './model';
import { CELL_PADDING, STYLES } from './docx/layout';
import { longestWordWidth, textWidth } from './text-metrics';

/** Padding either side plus the rules, and a point of slack for rounding to twips. */
export const CELL_EXTRA = CELL_PADDING.horizontal * 2 + 2;

export function cellTextSize(t: Pick<TableBlock, 'dense'>): number {
  return t.dense ? STYLES.denseCell.size : STYLES.cell.size;
}

/** What a column needs: its longest header word and its widest figure (numbers, sums and percentages never break). */
function minimumWidths(t: TableBlock, size: number): number[] {
  const mins = t.columns.map((c) => longestWordWidth(c.header, size, true) + CELL_EXTRA);
  for (const row of t.rows)
    row.forEach((cell, i) => {
      if (i >= mins.length) return;
      for (const m of inlineText(cell.content).matchAll(/[£−-]?\d[\d,.]*(?:%|[km]\b)?/g)) mins[i] = Math.max(mins[i]!, textWidth(m[0], size) + CELL_EXTRA);
    });
  return mins;
}

/** Widths in points summing to `width`: in proportion to the model's widths, each at least its minimum where they fit. */
export function tableColumnWidths(t: TableBlock, width: number): number[] {
  const n = t.columns.length;
  if (n === 0) return [];
  const weights = t.columns.map((c) => (c.width > 0 ? c.width : 1));
  const mins = minimumWidths(t, cellTextSize(t));
  const minTotal = mins.reduce((a, b) => a + b, 0);
  // Too many columns for every header word: share out in proportion to what each needs.
  if (minTotal >= width) return mins.map((m) => (m / minTotal) * width);
  const fixed = new Set<number>();
  let widths: number[] = [];
  for (;;) {
    const free = width - [...fixed].reduce((a, i) => a + mins[i]!, 0);
    const weight = weights.reduce((a, w, i) => (fixed.has(i) ? a : a + w), 0);
    widths = weights.map((w, i) => (fixed.has(i) ? mins[i]! : (w / weight) * free));
    const under = widths.findIndex((w, i) => !fixed.has(i) && w < mins[i]!);
    if (under < 0) return widths;
    // Every column below its minimum is held at it; the rest share what is left.
    widths.forEach((w, i) => {
      if (!fixed.has(i) && w < mins[i]!) fixed.add(i);
    });
    if (fixed.size === n) return mins.map((m) => (m / minTotal) * width);
  }
}
