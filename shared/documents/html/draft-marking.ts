/**
 * The DRAFT marking of a print document: in the running header of every page (before the title, and alone on the
 * title page, whose header is otherwise empty) and as a line at the top of the title page, which the on-screen
 * preview shows too (it has no page margins). Added after the print stylesheet, so these margin boxes win.
 */
import { DRAFT_MARKING } from '../model';
import { FONT_FAMILY, BRAND } from '../palette';
import { escapeMarkup } from '../markup';

const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;

export function draftMarkingCss(runningTitle: string): string {
  const title = runningTitle.length > 80 ? `${runningTitle.slice(0, 78)}…` : runningTitle;
  const box = `font-family:${FONT_FAMILY},Arial,sans-serif;font-size:8.5pt;color:#${BRAND.text};vertical-align:bottom;padding-bottom:4mm;`;
  return `
@page { @top-left { content: ${cssString(`${DRAFT_MARKING}  ·  ${title}`)}; ${box} } }
@page :first { @top-left { content: ${cssString(DRAFT_MARKING)}; ${box} font-weight: 700; } }
.tp-draft { font-weight: 700; font-size: 10pt; letter-spacing: 0.05em; border: 1.5pt solid #${BRAND.text}; display: inline-block; padding: 2pt 6pt; margin: 0 0 6pt; }
`;
}

export function draftMarkingHtml(): string {
  return `<p class="tp-draft">${escapeMarkup(DRAFT_MARKING)}: for comment, not for publication</p>`;
}
