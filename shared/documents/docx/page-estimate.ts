/**
 * Estimates the page each heading starts on, and the page count, by laying the document model out as the Word
 * file asks Word to (layout.ts: the same sizes, spacing and Arial metrics, measured with Helvetica's widths, which
 * Arial matches). docx's own estimator lays out the generated XML as Word does but takes seconds for a long
 * report (TOOLCHAIN.md target: a large business case in under a second), so this lays out the model instead;
 * docx-estimate.test.ts checks the two agree on the built-in templates.
 */
import { renderChartParts } from '../charts/render-chart-svg';
import { inlineText, keyFiguresTable, type Block, type DocModel, type Inline, type ListBlock } from '../model';
import { tableColumnWidths } from '../table-columns';
import { charWidth, textWidth } from '../text-metrics';
import { CALLOUT_GAP, CELL_PADDING, FIGURE_MAX_HEIGHT_PT, FIGURE_WIDTH_PT, lineHeight, PAGE, STYLES, type ParaStyle } from './layout';

/** Lines a paragraph takes when Word wraps it at spaces within `width` points. */
export function countLines(text: string, width: number, size: number, isBold = false): number {
  const paragraphs = text.split('\n');
  let lines = 0;
  const space = charWidth(' ', isBold) * size;
  for (const p of paragraphs) {
    const words = p.split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      lines++;
      continue;
    }
    let used = 0;
    let count = 1;
    for (const word of words) {
      const w = textWidth(word, size, isBold);
      if (used === 0) {
        used = w;
        // A word longer than the line breaks across lines.
        if (w > width) {
          count += Math.floor(w / width);
          used = w % width;
        }
      } else if (used + space + w <= width) used += space + w;
      else {
        count++;
        used = w;
        if (w > width) {
          count += Math.floor(w / width);
          used = w % width;
        }
      }
    }
    lines += count;
  }
  return lines;
}

const plain = (c: readonly Inline[], refs: ReadonlyMap<string, number>) =>
  c.map((i) => (i.kind === 'citation' ? `[${refs.get(i.refId) ?? 0}]` : inlineText([i]))).join('');

export interface PageEstimate {
  /** Heading id → page (1-based, the title page is 1). */
  readonly headingPages: ReadonlyMap<string, number>;
  readonly pageCount: number;
}

export function estimatePages(doc: DocModel): PageEstimate {
  const refs = new Map(doc.references.map((r, i) => [r.id, i + 1]));
  const headingPages = new Map<string, number>();
  let page = 1;
  let y = 0;
  let geo: { width: number; height: number } = { width: 0, height: 0 };
  let orientation: 'portrait' | 'landscape' = 'portrait';
  const setGeometry = (o: 'portrait' | 'landscape') => {
    orientation = o;
    const p = PAGE[o];
    geo = { width: p.width - p.left - p.right, height: p.height - p.top - p.bottom };
  };
  const newPage = () => {
    page++;
    y = 0;
  };
  /** Adds a block of `height`; `minFirst` is what must fit on this page or the block starts on the next. */
  const place = (height: number, minFirst = height) => {
    if (y > 0 && y + minFirst > geo.height) newPage();
    y += height;
    while (y > geo.height) {
      y -= geo.height;
      page++;
    }
  };
  const para = (text: string, st: ParaStyle, width = geo.width, keepNext = 0) => {
    const lines = countLines(text, width - (st.indent ?? 0), st.size, st.bold);
    const lh = lineHeight(st.size);
    const height = st.before + lines * lh + st.after;
    place(height, st.before + Math.min(lines, 2) * lh + keepNext);
  };
  const list = (l: ListBlock, depth: number) => {
    for (const it of l.items) {
      para(plain(it.content, refs), { ...STYLES.list, indent: STYLES.list.indent * (depth + 1) });
      if (it.children) list(it.children, depth + 1);
    }
  };
  const bodyLine = lineHeight(STYLES.body.size) * 2;

  const block = (b: Block, width: number) => {
    switch (b.kind) {
      case 'heading': {
        const st = b.level === 1 ? STYLES.h1 : b.level === 2 ? STYLES.h2 : b.level === 3 ? STYLES.h3 : STYLES.h4;
        const text = plain(b.content, refs);
        const lines = countLines(text, width, st.size, true);
        const height = st.before + lines * lineHeight(st.size) + st.after;
        if (y > 0 && y + height + bodyLine > geo.height) newPage();
        headingPages.set(b.id, page);
        place(height);
        break;
      }
      case 'paragraph':
        para(plain(b.content, refs), STYLES.body, width);
        break;
      case 'list':
        list(b, 0);
        break;
      case 'table': {
        if (b.caption) para(`Table 00: ${b.caption}`, STYLES.caption, width, 40);
        const st = b.dense ? STYLES.denseCell : STYLES.cell;
        const colW = tableColumnWidths(b, width).map((w) => w - CELL_PADDING.horizontal * 2);
        const rowHeight = (cells: string[], isBold: boolean) =>
          Math.max(...cells.map((c, i) => countLines(c, Math.max(10, colW[i] ?? 10), st.size, isBold))) * lineHeight(st.size) + CELL_PADDING.vertical * 2 + 1;
        const header = rowHeight(b.columns.map((c) => c.header), true);
        place(header, header + (b.rows[0] ? rowHeight(b.rows[0].map((c) => plain(c.content, refs)), false) : 0));
        for (const row of b.rows) {
          const h = rowHeight(row.map((c) => plain(c.content, refs)), false);
          if (y + h > geo.height) {
            newPage();
            y = header;
          }
          y += h;
        }
        // The Word file always has a source line after a table (empty when there is none): Word needs a paragraph there.
        para(b.source ? `Source: ${b.source}` : '', STYLES.source, width);
        break;
      }
      case 'figure': {
        const w = Math.min(FIGURE_WIDTH_PT, width);
        const parts = renderChartParts(b.chart, (FIGURE_MAX_HEIGHT_PT[orientation] * 640) / w);
        const heights = parts.map((chart) => (chart.height / chart.width) * w);
        para(`Figure 00: ${b.caption}`, STYLES.caption, width, heights[0] ?? 0);
        for (const h of heights) place(h + STYLES.body.after);
        para(b.source ? `Source: ${b.source}` : '', STYLES.source, width);
        break;
      }
      case 'callout':
        if (b.title) para(b.title, STYLES.calloutTitle, width);
        for (const x of b.blocks) {
          if (x.kind === 'paragraph') para(plain(x.content, refs), STYLES.callout, width);
          else block(x, width - (STYLES.callout.indent ?? 0));
        }
        y += CALLOUT_GAP;
        break;
      case 'key-figures':
        block(keyFiguresTable(b), width);
        break;
      case 'page-break':
        newPage();
        break;
      case 'toc': {
        para(b.title, STYLES.tocHeading, width);
        for (const s of doc.sections)
          for (const x of s.blocks)
            if (x.kind === 'heading' && x.level <= b.maxLevel) {
              const st = x.level === 1 ? STYLES.toc1 : x.level === 2 ? STYLES.toc2 : STYLES.toc3;
              para(`${plain(x.content, refs)} 000`, st, width - 30);
            }
        newPage();
        break;
      }
      case 'references':
        if (doc.references.length === 0) para('No sources are cited in this document.', STYLES.body, width);
        for (const r of doc.references) para(`[00] ${r.text}`, STYLES.reference, width);
        break;
    }
  };

  // The title page is page 1; every section starts a new page.
  setGeometry('portrait');
  for (const s of doc.sections) {
    newPage();
    setGeometry(s.orientation);
    for (const b of s.blocks) block(b, geo.width);
  }
  return { headingPages, pageCount: page };
}
