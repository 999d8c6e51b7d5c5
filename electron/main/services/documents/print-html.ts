/**
 * Print HTML in node, with the shipped fonts embedded: the in-app preview and what is printed to PDF.
 */
import type { DocModel } from '../../../../shared/documents/model';
import { buildPrintHtml } from '../../../../shared/documents/html/build-print-html';
import { documentFontCss } from './fonts';

export function renderPrintHtml(
  document: DocModel,
  options: { fonts: 'embedded-css' | 'none'; pageNumbers?: Readonly<Record<string, number>> | null } = { fonts: 'embedded-css' },
): string {
  return buildPrintHtml(document, { fontCss: options.fonts === 'embedded-css' ? documentFontCss() : '', pageNumbers: options.pageNumbers ?? null });
}
