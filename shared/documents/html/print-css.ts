/**
 * The print stylesheet: A4 pages, landscape sections as named pages, the running header and footer in CSS margin
 * boxes (title, protective marking top and bottom, "Page X of Y"), and council-report typography: Arimo 12 pt
 * body, dark-blue headings, ruled tables with a shaded header row that repeats on each page.
 */
import { BRAND, FONT_FAMILY, SHADES } from '../palette';

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;
}

export function printCss(runningTitle: string, marking: string): string {
  const title = runningTitle.length > 90 ? `${runningTitle.slice(0, 88)}…` : runningTitle;
  const shades = Object.entries(SHADES)
    .map(([k, v]) => `.shade-${k}{background:#${v.fill};color:#${v.text};}`)
    .join('\n');
  const marginText = `font-family:${FONT_FAMILY},Arial,sans-serif;font-size:8.5pt;color:#${BRAND.secondary};`;
  const markingBox = marking ? `content:${cssString(marking)};font-family:${FONT_FAMILY},Arial,sans-serif;font-size:9pt;font-weight:700;color:#${BRAND.text};` : 'content:none;';
  return `
@page { size: A4 portrait; margin: 24mm 20mm 22mm 20mm;
  @top-left { content: ${cssString(title)}; ${marginText} vertical-align: bottom; padding-bottom: 4mm; }
  @top-right { ${markingBox} vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-center { ${markingBox} vertical-align: top; padding-top: 4mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${marginText} vertical-align: top; padding-top: 4mm; }
}
/* The title page carries the marking once, in its own text; the running header and footer start on page 2. */
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } @bottom-right { content: none; } }
@page landscape { size: A4 landscape; margin: 20mm 18mm 20mm 18mm; }
.section.landscape { page: landscape; }
.section { break-before: page; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
/* Spacing mirrors the Word file (docx/layout.ts): "space after" is margin-bottom and "space before" is padding-top,
   and no element has a top margin, so nothing collapses and both files break pages in the same places. */
body { margin: 0; font-family: ${FONT_FAMILY}, Arial, sans-serif; font-size: 12pt; line-height: 1.3225; color: #${BRAND.text}; background: #fff; }
p, ul, ol, li, h1, h2, h3, h4, figure, figcaption, table, caption { margin-top: 0; }
p { margin: 0 0 8pt; orphans: 2; widows: 2; }
h1, h2, h3, h4 { color: #${BRAND.heading}; line-height: 1.3225; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h1 { font-size: 20pt; margin: 0 0 12pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #${BRAND.heading}; }
h2 { font-size: 15pt; margin: 0 0 8pt; padding-top: 18pt; }
h3 { font-size: 13pt; margin: 0 0 6pt; padding-top: 14pt; }
h4 { font-size: 12pt; margin: 0 0 4pt; padding-top: 12pt; color: #${BRAND.text}; }
a { color: #${BRAND.link}; text-decoration: underline; }
a.citation { text-decoration: underline; text-underline-offset: 0.15em; }
ul, ol { margin: 0; padding-left: 20pt; }
li { margin: 0 0 3pt; }
li > ul, li > ol { margin-top: 3pt; }
.page-break { break-after: page; }

.title-page { break-after: page; padding-top: 30mm; }
.tp-marking { font-weight: 700; font-size: 10pt; letter-spacing: 0.05em; }
.tp-org { font-size: 14pt; color: #${BRAND.secondary}; margin: 0 0 6mm; padding-top: 20mm; }
.tp-title { font-size: 28pt; font-weight: 700; color: #${BRAND.heading}; line-height: 1.3225; margin: 0 0 6mm; padding-bottom: 6mm; border-bottom: 2pt solid #${BRAND.heading}; }
.tp-subtitle { font-size: 15pt; color: #${BRAND.text}; margin: 0 0 18mm; }
.tp-details { padding-top: 20mm; font-size: 11pt; }
.tp-details p { margin: 0 0 3pt; }

.table-wrap { margin: 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 10.5pt; line-height: 1.3225; }
table.dense { font-size: 8.5pt; }
caption { caption-side: top; text-align: left; font-weight: 700; font-size: 10.5pt; padding: 10pt 0 4pt; color: #${BRAND.text}; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
thead, thead tr:first-child { break-before: avoid; page-break-before: avoid; }
thead { display: table-header-group; break-after: avoid; page-break-after: avoid; }
/* The header row never ends a page: the first row goes with it (Word: keep with next on the header row). */
tbody tr:first-child { break-before: avoid; page-break-before: avoid; }
tr { break-inside: avoid; page-break-inside: avoid; }
/* Body words too long for their column carry soft hyphens (en-GB patterns); anything longer still (a URL) wraps. */
th, td { border: 0.75pt solid #${BRAND.rule}; padding: 3pt 5pt; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: manual; }
/* Header words never break: each column is at least as wide as its longest header word (table-columns.ts). */
thead th { background: #${BRAND.headerFill}; color: #${BRAND.text}; font-weight: 700; vertical-align: bottom; overflow-wrap: normal; word-break: normal; }
tbody th { font-weight: 400; }
th.c, td.c { text-align: center; }
th.r, td.r { text-align: right; }
.source { font-size: 9pt; line-height: 1.3225; color: #${BRAND.secondary}; margin: 0 0 12pt; padding-top: 3pt; }
.source-gap { height: 14.9pt; margin: 0 0 12pt; }
${shades}
table.key-figures td.kf-value { color: #${BRAND.heading}; }

figure { margin: 0; break-inside: avoid; }
/* A chart in parts breaks between its parts only; the caption stays with the first. */
figure.in-parts { break-inside: auto; }
figure svg { display: block; width: 100%; height: auto; margin: 0 0 8pt; break-inside: avoid; }
figcaption { font-weight: 700; font-size: 10.5pt; margin: 0 0 4pt; padding-top: 10pt; break-after: avoid; page-break-after: avoid; break-inside: avoid; }

.callout { border-left: 4pt solid #${BRAND.heading}; background: #${SHADES.accent.fill}; padding: 0 0 0 12pt; margin: 0 0 6pt; break-inside: avoid; }
.callout > p { margin: 0; padding-bottom: 6pt; }
.callout-title { font-weight: 700; padding-top: 8pt; padding-bottom: 4pt !important; }
.callout-guidance { border-left-color: #${BRAND.guidanceBorder}; background: #${BRAND.guidanceFill}; }
.callout-warning { border-left-color: #b21f10; background: #${SHADES['rag-red'].fill}; }
mark.guidance { background: #${BRAND.guidanceFill}; color: #${BRAND.guidanceText}; border-bottom: 1pt dashed #${BRAND.guidanceBorder}; padding: 0 1pt; }

.toc { break-after: page; }
.toc-title { font-size: 20pt; font-weight: 700; color: #${BRAND.heading}; margin: 0 0 12pt; line-height: 1.3225; }
.toc-list { list-style: none; padding: 0; margin: 0; }
.toc-list li { margin: 0 0 2pt; }
.toc-list a { display: flex; align-items: baseline; color: #${BRAND.text}; text-decoration: none; }
.toc-l1 { font-weight: 700; padding-top: 4pt; }
.toc-l2 { padding-left: 14pt; }
.toc-l3 { padding-left: 28pt; font-size: 11pt; }
.toc-fill { flex: 1; border-bottom: 1pt dotted #${BRAND.rule}; margin: 0 4pt; min-width: 10pt; }
.toc-page { min-width: 3ch; text-align: right; font-variant-numeric: tabular-nums; font-weight: 400; }
.toc-page-pending { visibility: hidden; }
.reference-list { list-style: none; padding-left: 24pt; margin: 0; }
.reference-list li { margin: 0 0 6pt; text-indent: -24pt; overflow-wrap: anywhere; font-size: 11pt; }
@media screen {
  body { background: #e9ecef; padding: 16px 0; }
  .title-page, .section { background: #fff; max-width: 170mm; margin: 0 auto 16px; padding: 20mm; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
  .section.landscape { max-width: 257mm; }
  /* On screen the contents are links to click: each at least 24 px high (WCAG 2.2 target size); print keeps its spacing. */
  .toc-list a { min-height: 24px; }
}
`;
}
