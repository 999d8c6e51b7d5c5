/**
 * The in-app preview: print HTML in node with the shipped fonts embedded, as the PDF is printed.
 */
import type { DocModel } from '../../../../shared/documents/model';
import { buildPrintHtml } from '../../../../shared/documents/html/build-print-html';
import { documentFontCss } from './fonts';

export function renderPrintHtml(document: DocModel): string {
  return buildPrintHtml(document, { fontCss: documentFontCss() });
}
