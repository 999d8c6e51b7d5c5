/**
 * What every printed kit page shares: the house type and table rules, the page shell, and shortening text to what
 * a fixed box holds (at a word boundary, with an ellipsis, never mid-glyph).
 */
import { BRAND, FONT_FAMILY } from '../../documents/palette';
import { escapeMarkup as esc } from '../../documents/markup';
import type { KitOptions } from './kit-html';

export function clipText(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).replace(/[,;:.\s]+$/, '')}…`;
}

export function baseCss(o: KitOptions): string {
  const body = o.largePrint ? 18 : 14;
  return `${o.fontCss}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_FAMILY}, Arial, sans-serif; font-size: ${body}pt; line-height: 1.4; color: #${BRAND.text}; background: #fff; }
h1, h2, h3 { color: #${BRAND.heading}; line-height: 1.2; margin: 0; }
p { margin: 0 0 6pt; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.75pt solid #${BRAND.rule}; padding: 4pt 6pt; text-align: left; vertical-align: top; }
thead th { background: #${BRAND.headerFill}; }
caption { caption-side: top; text-align: left; font-weight: 700; padding-bottom: 4pt; }
.symbol { font-family: ${FONT_FAMILY}, 'Segoe UI Symbol', 'DejaVu Sans', 'Arial Unicode MS', sans-serif; }
`;
}

export function page(title: string, css: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${esc(title)}</title><meta name="generator" content="Alignment Workbench">
<style>${css}</style></head>
<body>${body}</body></html>`;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}
