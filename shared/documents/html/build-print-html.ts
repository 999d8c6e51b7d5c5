/**
 * Document model → self-contained print HTML: the in-app preview and what Chromium prints to PDF. No scripts and
 * no external URLs, so it prints the same anywhere. The markup is chosen for the tags Chromium writes into the
 * PDF (ACCESSIBILITY.md §3.2): real headings, th with scope, <figure role="group"> so the chart's own role="img"
 * carries the alt text, one H1 level per major section, and the running header/footer in CSS margin boxes.
 */
import { withXmlSafeText } from '../../model/xml-text';
import { inlineText, keyFiguresTable, MARKING_TEXT, referenceNumbers, type Block, type DocModel, type Inline, type ListBlock, type TableBlock } from '../model';
import { renderChartParts } from '../charts/render-chart-svg';
import { printCss } from './print-css';
import { escapeMarkup as escHtml } from '../markup';
import { draftMarkingCss, draftMarkingHtml } from './draft-marking';
import { FIGURE_MAX_HEIGHT_PT, FIGURE_WIDTH_PT, PAGE } from '../docx/layout';
import { CELL_EXTRA, cellTextSize, tableColumnWidths } from '../table-columns';
import { hyphenateLongWords } from '../hyphenate';
import { SOFT_HYPHEN } from '../text-metrics';

export interface PrintHtmlOptions {
  /** @font-face rules (node: documentFontCss()); '' to use system fonts. */
  readonly fontCss: string;
  /** Heading id → page, from a first print; fills the table of contents' page numbers. */
  readonly pageNumbers?: Readonly<Record<string, number>> | null;
}

interface Counters {
  table: number;
  figure: number;
  readonly refs: ReadonlyMap<string, number>;
  readonly headings: ReadonlyArray<{ id: string; level: number; text: string }>;
  readonly pageNumbers: Readonly<Record<string, number>> | null;
  readonly doc: DocModel;
  /** Text width and shape of the page the current section is on, in points. */
  width: number;
  orientation: 'portrait' | 'landscape';
}

/** A cell's text column, for breaking words too long for it at syllables. */
interface Fit {
  readonly width: number;
  readonly size: number;
}

/**
 * Each soft hyphen in a span of its own, hidden from assistive technology. Chromium's tagged PDF drops the rest
 * of a text run after a bare soft hyphen from the structure tree ("at­tendances" is tagged "at"); split this way
 * the tags read "attendances", and the page still breaks the word with a hyphen where it must.
 */
function softHyphens(html: string): string {
  return html.replaceAll(SOFT_HYPHEN, `<span aria-hidden="true">${SOFT_HYPHEN}</span>`);
}

function inlines(content: readonly Inline[], c: Counters, fit?: Fit): string {
  return content
    .map((i) => {
      switch (i.kind) {
        case 'text': {
          const t = fit ? softHyphens(escHtml(hyphenateLongWords(i.text, fit.width, fit.size, Boolean(i.emphasis?.startsWith('strong'))))) : escHtml(i.text);
          return i.emphasis === 'strong' ? `<strong>${t}</strong>` : i.emphasis === 'em' ? `<em>${t}</em>` : i.emphasis === 'strong-em' ? `<strong><em>${t}</em></strong>` : t;
        }
        case 'link':
          return `<a href="${escHtml(i.href)}">${inlines(i.children, c, fit)}</a>`;
        case 'citation': {
          const n = c.refs.get(i.refId);
          return n ? `<a class="citation" href="#ref-${escHtml(i.refId)}">[${n}]</a>` : '';
        }
        case 'guidance':
          return `<mark class="guidance">${escHtml(i.text)}</mark>`;
        case 'line-break':
          return '<br>';
      }
    })
    .join('');
}

function list(l: ListBlock, c: Counters): string {
  const tag = l.ordered ? 'ol' : 'ul';
  return `<${tag}>${l.items.map((it) => `<li>${inlines(it.content, c)}${it.children ? list(it.children, c) : ''}</li>`).join('')}</${tag}>`;
}

/** Column widths as shares of the table, which is as wide as the text. */
function colgroup(widths: readonly number[]): string {
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  return widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');
}

function table(t: TableBlock, c: Counters): string {
  const widths = tableColumnWidths(t, c.width);
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const cols = colgroup(widths);
  const size = cellTextSize(t);
  const align = (a: string | undefined) => (a === 'right' ? ' class="r"' : a === 'centre' ? ' class="c"' : '');
  const head = `<thead><tr>${t.columns.map((col) => `<th scope="col"${align(col.align)}>${escHtml(col.header)}</th>`).join('')}</tr></thead>`;
  const body = t.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) => {
            const classes = [cell.shade ? `shade-${cell.shade}` : '', cell.align === 'right' ? 'r' : cell.align === 'centre' ? 'c' : ''].filter(Boolean).join(' ');
            const cls = classes ? ` class="${classes}"` : '';
            const content = inlines(cell.content, c, { width: (widths[i] ?? total) - CELL_EXTRA, size }) || 'None';
            return i === 0 && t.rowHeaders ? `<th scope="row"${cls}>${content}</th>` : `<td${cls}>${content}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  const caption = t.caption ? `<caption>Table ${++c.table}: ${escHtml(t.caption)}</caption>` : '';
  const source = t.source ? `<p class="source">Source: ${escHtml(t.source)}</p>` : '<div class="source-gap"></div>';
  return `<div class="table-wrap"><table id="${escHtml(t.id)}" class="${t.dense ? 'dense' : ''}">${caption}<colgroup>${cols}</colgroup>${head}<tbody>${body}</tbody></table>${source}</div>`;
}

function toc(maxLevel: number, title: string, c: Counters): string {
  const entries = c.headings
    .filter((h) => h.level <= maxLevel)
    .map((h) => {
      const page = c.pageNumbers?.[h.id];
      const pageText = page !== undefined ? `<span class="toc-page">${page}</span>` : '<span class="toc-page toc-page-pending">000</span>';
      return `<li class="toc-l${h.level}"><a href="#${escHtml(h.id)}"><span class="toc-text">${escHtml(h.text)}</span><span class="toc-fill"></span>${pageText}</a></li>`;
    })
    .join('');
  return `<nav class="toc" aria-label="${escHtml(title)}"><p class="toc-title">${escHtml(title)}</p><ul class="toc-list">${entries}</ul></nav>`;
}

function references(title: string, c: Counters): string {
  if (c.doc.references.length === 0) return '<p>No sources are cited in this document.</p>';
  const items = c.doc.references
    .map((r, i) => {
      const text = escHtml(r.text);
      const url = r.url ? ` Available at <a href="${escHtml(r.url)}">${escHtml(r.url.replace(/^https?:\/\/(www\.)?/, ''))}</a>` : '';
      // The number is written out, not drawn by the list, so it reads "[3]" exactly as the citations do.
      return `<li id="ref-${escHtml(r.id)}">[${i + 1}] ${text}${url}</li>`;
    })
    .join('');
  return `<ol class="reference-list" aria-label="${escHtml(title)}">${items}</ol>`;
}

function block(b: Block, c: Counters): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level} id="${escHtml(b.id)}">${inlines(b.content, c)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${inlines(b.content, c)}</p>`;
    case 'list':
      return list(b, c);
    case 'table':
      return table(b, c);
    case 'figure': {
      // Drawn as wide as in Word; a chart too tall for a page comes in parts, the alt text on the first (it
      // describes the whole chart) and the rest hidden from assistive technology, so the PDF has one Figure.
      const widthPt = Math.min(FIGURE_WIDTH_PT, c.width);
      const parts = renderChartParts(b.chart, (FIGURE_MAX_HEIGHT_PT[c.orientation] * 640) / widthPt);
      const svgs = parts
        .map((p, i) => p.svg.replace('<svg ', i === 0 ? `<svg role="img" aria-label="${escHtml(b.alt)}" ` : '<svg aria-hidden="true" '))
        .join('');
      const source = b.source ? `<p class="source">Source: ${escHtml(b.source)}</p>` : '<div class="source-gap"></div>';
      const cls = parts.length > 1 ? ' class="in-parts"' : '';
      return `<figure role="group" id="${escHtml(b.id)}"${cls} style="max-width:${widthPt}pt"><figcaption>Figure ${++c.figure}: ${escHtml(b.caption)}</figcaption>${svgs}${source}</figure>`;
    }
    case 'callout':
      return `<div class="callout callout-${b.tone}">${b.title ? `<p class="callout-title">${escHtml(b.title)}</p>` : ''}${b.blocks.map((x) => block(x, c)).join('')}</div>`;
    case 'key-figures': {
      const rows = b.items
        .map((i) => `<tr><td class="kf-value shade-accent"><strong>${escHtml(i.value)}</strong></td><td>${escHtml(i.label)}</td><td>${escHtml(i.source)}</td></tr>`)
        .join('');
      return `<div class="table-wrap"><table class="key-figures"><caption>Table ${++c.table}: ${escHtml(b.title)}</caption><colgroup>${colgroup(tableColumnWidths(keyFiguresTable(b), c.width))}</colgroup><thead><tr><th scope="col">Figure</th><th scope="col">What it shows</th><th scope="col">Source</th></tr></thead><tbody>${rows}</tbody></table><div class="source-gap"></div></div>`;
    }
    case 'page-break':
      return '<div class="page-break"></div>';
    case 'toc':
      return toc(b.maxLevel, b.title, c);
    case 'references':
      return references(b.title, c);
  }
}

export function buildPrintHtml(model: DocModel, options: PrintHtmlOptions): string {
  // Text XML cannot hold (U+FFFE, control characters) would make the file unreadable; validation refuses it,
  // and whatever still reaches the writer is dropped here.
  const doc = withXmlSafeText(model);
  const headings: Array<{ id: string; level: number; text: string }> = [];
  for (const s of doc.sections) for (const b of s.blocks) collectHeadings(b, headings);
  const c: Counters = { table: 0, figure: 0, refs: referenceNumbers(doc), headings, pageNumbers: options.pageNumbers ?? null, doc, width: 0, orientation: 'portrait' };
  const textWidth = (o: 'portrait' | 'landscape') => PAGE[o].width - PAGE[o].left - PAGE[o].right;
  const p = doc.properties;
  const tp = doc.titlePage;
  const marking = MARKING_TEXT[doc.marking];
  const draft = doc.status === 'draft';
  const title = `<div class="title-page">${marking ? `<p class="tp-marking">${escHtml(marking)}</p>` : ''}${draft ? draftMarkingHtml() : ''}<p class="tp-org">${escHtml(tp.organisation)}</p><p class="tp-title">${escHtml(tp.title)}</p>${
    tp.subtitle ? `<p class="tp-subtitle">${escHtml(tp.subtitle)}</p>` : ''
  }<div class="tp-details">${tp.details.map((d) => `<p><strong>${escHtml(d.label)}:</strong> ${escHtml(d.value)}</p>`).join('')}</div></div>`;
  const sections = doc.sections
    .map((s) => {
      c.width = textWidth(s.orientation);
      c.orientation = s.orientation;
      return `<div class="section ${s.orientation}">${s.blocks.map((b) => block(b, c)).join('')}</div>`;
    })
    .join('');
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escHtml(p.title)}</title><meta name="author" content="${escHtml(p.author)}"><meta name="description" content="${escHtml(p.subject)}"><meta name="keywords" content="${escHtml(p.keywords.join(', '))}"><meta name="generator" content="Alignment Workbench">
<style>${options.fontCss}
${printCss(doc.runningTitle, marking)}${draft ? draftMarkingCss(doc.runningTitle) : ''}</style></head>
<body>${title}${sections}</body></html>`;
}

function collectHeadings(b: Block, out: Array<{ id: string; level: number; text: string }>): void {
  if (b.kind === 'heading') out.push({ id: b.id, level: b.level, text: inlineText(b.content) });
  else if (b.kind === 'callout') for (const x of b.blocks) collectHeadings(x, out);
}
