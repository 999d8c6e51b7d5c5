/**
 * Word layout numbers shared by the .docx renderer and the page estimator, so the estimate lays out exactly the
 * sizes and spacing the file asks Word for. Points unless a name says otherwise; Word wants twips (pt × 20) and
 * half-points for font sizes.
 */
export const PAGE = {
  portrait: { width: 595.3, height: 841.9, top: 68, bottom: 62, left: 56.7, right: 56.7 },
  landscape: { width: 841.9, height: 595.3, top: 56.7, bottom: 56.7, left: 51, right: 51 },
  header: 28,
  footer: 28,
} as const;

/** Word's line for Arial: (ascent + descent + line gap) / em = 1.15, times the 1.15 multiple we set (276/240). */
export const LINE_MULTIPLE = 1.15;
export const ARIAL_LINE = 1.15;
export const lineHeight = (size: number) => size * ARIAL_LINE * LINE_MULTIPLE;

export interface ParaStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly before: number;
  readonly after: number;
  readonly indent?: number;
}

export const STYLES = {
  body: { size: 12, before: 0, after: 8 },
  title: { size: 28, bold: true, before: 0, after: 12 },
  subtitle: { size: 15, before: 0, after: 24 },
  organisation: { size: 14, before: 60, after: 12 },
  details: { size: 11, before: 0, after: 3 },
  h1: { size: 20, bold: true, before: 0, after: 12 },
  h2: { size: 15, bold: true, before: 18, after: 8 },
  h3: { size: 13, bold: true, before: 14, after: 6 },
  h4: { size: 12, bold: true, before: 12, after: 4 },
  list: { size: 12, before: 0, after: 3, indent: 20 },
  caption: { size: 10.5, bold: true, before: 10, after: 4 },
  source: { size: 9, before: 3, after: 12 },
  cell: { size: 10.5, before: 0, after: 0 },
  denseCell: { size: 8.5, before: 0, after: 0 },
  callout: { size: 12, before: 0, after: 6, indent: 16 },
  calloutTitle: { size: 12, bold: true, before: 8, after: 4, indent: 16 },
  toc1: { size: 12, bold: true, before: 4, after: 2 },
  toc2: { size: 12, before: 0, after: 2, indent: 14 },
  toc3: { size: 11, before: 0, after: 2, indent: 28 },
  tocHeading: { size: 20, bold: true, before: 0, after: 12 },
  reference: { size: 11, before: 0, after: 6, indent: 24 },
} satisfies Record<string, ParaStyle>;

/** Extra space after a call-out box, below its last paragraph's own spacing. */
export const CALLOUT_GAP = 6;
/** Cell padding, points: top/bottom and left/right, as the table cells ask Word for. */
export const CELL_PADDING = { vertical: 3, horizontal: 5 } as const;
/** Word draws charts this many points wide at most (the portrait text width). */
export const FIGURE_WIDTH_PT = 481;

/**
 * Tallest a chart part may be on each page shape, points: the text height less room for the caption above and the
 * source line below, so a chart with many bars is cut into parts that each fit a page (renderChartParts).
 */
export const FIGURE_MAX_HEIGHT_PT = {
  portrait: PAGE.portrait.height - PAGE.portrait.top - PAGE.portrait.bottom - 80,
  landscape: PAGE.landscape.height - PAGE.landscape.top - PAGE.landscape.bottom - 80,
} as const;
