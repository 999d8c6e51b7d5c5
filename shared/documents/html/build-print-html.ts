/**
 * Document model → self-contained print HTML: the in-app preview and what Chromium prints to PDF. No scripts and
 * no external URLs, so it prints the same anywhere. The markup is chosen for the tags Chromium writes into the
 * PDF (ACCESSIBILITY.md §3.2): real headings, th with scope, <figure role="group"> so the chart's own role="img"
 * carries the alt text, one H1 level per major section, and the running header/footer in CSS margin boxes.
 */
import { withXmlSafeText } from '../../model/xml-text';
import { inlineText, MARKING_TEXT, referenceNumbers, type Block, type DocModel, type Inline, type ListBlock, type TableBlock } from '../model';
import { renderChartSvg } from '../charts/render-chart-svg';
import { printCss } from './print-css';
import { escapeMarkup as escHtml } from '../markup';

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
}

function inlines(content: readonly Inline[], c: Counters): string {
  return content
    .map((i) => {
      switch (i.kind) {
        case 'text': {
          const t = escHtml(i.text);
          return i.emphasis === 'strong' ? `<strong>${t}</strong>` : i.emphasis === 'em' ? `<em>${t}</em>` : i.emphasis === 'strong-em' ? `<strong><em>${t}</em></strong>` : t;
        }
        case 'link':
          return `<a href="${escHtml(i.href)}">${inlines(i.children, c)}</a>`;
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

function table(t: TableBlock, c: Counters): string {
  const total = t.columns.reduce((n, col) => n + col.width, 0) || 1;
  const cols = t.columns.map((col) => `<col style="width:${((col.width / total) * 100).toFixed(2)}%">`).join('');
  const align = (a: string | undefined) => (a === 'right' ? ' class="r"' : a === 'centre' ? ' class="c"' : '');
  const head = `<thead><tr>${t.columns.map((col) => `<th scope="col"${align(col.align)}>${escHtml(col.header)}</th>`).join('')}</tr></thead>`;
  const body = t.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) => {
            const classes = [cell.shade ? `shade-${cell.shade}` : '', cell.align === 'right' ? 'r' : cell.align === 'centre' ? 'c' : ''].filter(Boolean).join(' ');
            const cls = classes ? ` class="${classes}"` : '';
            const content = inlines(cell.content, c) || 'None';
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
      const chart = renderChartSvg(b.chart);
      const svg = chart.svg.replace('<svg ', `<svg role="img" aria-label="${escHtml(b.alt)}" `);
      const source = b.source ? `<p class="source">Source: ${escHtml(b.source)}</p>` : '<div class="source-gap"></div>';
      return `<figure role="group" id="${escHtml(b.id)}"><figcaption>Figure ${++c.figure}: ${escHtml(b.caption)}</figcaption>${svg}${source}</figure>`;
    }
    case 'callout':
      return `<div class="callout callout-${b.tone}">${b.title ? `<p class="callout-title">${escHtml(b.title)}</p>` : ''}${b.blocks.map((x) => block(x, c)).join('')}</div>`;
    case 'key-figures': {
      const rows = b.items
        .map((i) => `<tr><td class="kf-value shade-accent"><strong>${escHtml(i.value)}</strong></td><td>${escHtml(i.label)}</td><td>${escHtml(i.source)}</td></tr>`)
        .join('');
      return `<div class="table-wrap"><table class="key-figures"><caption>Table ${++c.table}: ${escHtml(b.title)}</caption><colgroup><col style="width:22%"><col style="width:48%"><col style="width:30%"></colgroup><thead><tr><th scope="col">Figure</th><th scope="col">What it shows</th><th scope="col">Source</th></tr></thead><tbody>${rows}</tbody></table><div class="source-gap"></div></div>`;
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
  const c: Counters = { table: 0, figure: 0, refs: referenceNumbers(doc), headings, pageNumbers: options.pageNumbers ?? null, doc };
  const p = doc.properties;
  const tp = doc.titlePage;
  const marking = MARKING_TEXT[doc.marking];
  const title = `<div class="title-page">${marking ? `<p class="tp-marking">${escHtml(marking)}</p>` : ''}<p class="tp-org">${escHtml(tp.organisation)}</p><p class="tp-title">${escHtml(tp.title)}</p>${
    tp.subtitle ? `<p class="tp-subtitle">${escHtml(tp.subtitle)}</p>` : ''
  }<div class="tp-details">${tp.details.map((d) => `<p><strong>${escHtml(d.label)}:</strong> ${escHtml(d.value)}</p>`).join('')}</div></div>`;
  const sections = doc.sections.map((s) => `<div class="section ${s.orientation}">${s.blocks.map((b) => block(b, c)).join('')}</div>`).join('');
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escHtml(p.title)}</title><meta name="author" content="${escHtml(p.author)}"><meta name="description" content="${escHtml(p.subject)}"><meta name="keywords" content="${escHtml(p.keywords.join(', '))}"><meta name="generator" content="Alignment Workbench">
<style>${options.fontCss}
${printCss(doc.runningTitle, marking)}</style></head>
<body>${title}${sections}</body></html>`;
}

function collectHeadings(b: Block, out: Array<{ id: string; level: number; text: string }>): void {
  if (b.kind === 'heading') out.push({ id: b.id, level: b.level, text: inlineText(b.content) });
  else if (b.kind === 'callout') for (const x of b.blocks) collectHeadings(x, out);
}
