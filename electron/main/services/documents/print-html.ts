/**
 * The in-app preview: print HTML in node, as the PDF is printed; the shipped fonts embedded, or (for the preview,
 * which adds them itself) left out.
 */
import type { DocModel } from '../../../../shared/documents/model';
import { buildPrintHtml } from '../../../../shared/documents/html/build-print-html';
import { documentFontCss } from './fonts';

export function renderPrintHtml(document: DocModel): string {
  return buildPrintHtml(document, { fontCss: documentFontCss() });
}

/** The preview's copy: the print HTML without its fonts, which the preview is given once (documentFonts). */
export function renderPreviewHtml(document: DocModel): string {
  return buildPrintHtml(document, { fontCss: '' });
}
