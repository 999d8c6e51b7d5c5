/**
 * Document → finished PDF with any PdfPrinter. Chromium cannot number a table of contents by itself (no CSS
 * target-counter), so the document is printed once, the page of each heading is read from the PDF's named
 * destinations, and it is printed again with the numbers filled in. The page-number column has a fixed width, so
 * the second layout is the same as the first.
 */
import { allBlocks, type DocModel } from '../model';
import { buildPrintHtml } from '../html/build-print-html';
import { finishPdf, headingPagesFromPdf } from './finish-pdf';
import type { PdfPrinter } from './printer';

export interface PrintDocumentOptions {
  readonly fontCss: string;
  readonly workbookSnapshot: string;
  readonly signal?: AbortSignal;
  readonly onStep?: (step: 'printing' | 'numbering' | 'finishing') => void;
}

function abortError(): Error {
  const e = new Error('The PDF was cancelled.');
  e.name = 'AbortError';
  return e;
}

export async function printDocumentPdf(doc: DocModel, printer: PdfPrinter, options: PrintDocumentOptions): Promise<{ pdf: Uint8Array; html: string }> {
  const signal = options.signal;
  const hasToc = allBlocks(doc).some((b) => b.kind === 'toc');
  options.onStep?.('printing');
  let html = buildPrintHtml(doc, { fontCss: options.fontCss });
  let printed = await printer.print(html, signal ? { signal } : {});
  if (hasToc) {
    if (signal?.aborted) throw abortError();
    options.onStep?.('numbering');
    const pages = await headingPagesFromPdf(printed);
    html = buildPrintHtml(doc, { fontCss: options.fontCss, pageNumbers: pages });
    printed = await printer.print(html, signal ? { signal } : {});
  }
  if (signal?.aborted) throw abortError();
  options.onStep?.('finishing');
  const pdf = await finishPdf(printed, doc, { workbookSnapshot: options.workbookSnapshot });
  return { pdf, html };
}
