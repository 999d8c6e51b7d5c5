/**
 * Document → finished PDF with any PdfPrinter. Chromium cannot number a table of contents by itself (no CSS
 * target-counter), so the contents are printed with the pages the layout estimate predicts (the same numbers the
 * Word file carries), and the page of each heading is then read back from the PDF's named destinations. When a
 * prediction is wrong the document is printed again with the real numbers; the page-number column has a fixed
 * width, so the numbers never move anything else. Either way the printed numbers are the real ones.
 */
import { estimatePages } from '../docx/page-estimate';
import { allBlocks, headingsOf, type DocModel } from '../model';
import { buildPrintHtml } from '../html/build-print-html';
import { finishPdf, headingPagesFromPdf } from './finish-pdf';
import { printCancelled, type PdfPrinter } from './printer';
import type { ZlibCodec } from './zlib-codec';

export interface PrintDocumentOptions {
  readonly fontCss: string;
  readonly workbookSnapshot: string | null;
  readonly zlib?: ZlibCodec;
  readonly signal?: AbortSignal;
  readonly onStep?: (step: 'printing' | 'numbering' | 'finishing') => void;
  /** The first print's onPrinting (see PrintOptions): the browser is printing and this thread is free. */
  readonly onPrinting?: () => void;
}

export async function printDocumentPdf(doc: DocModel, printer: PdfPrinter, options: PrintDocumentOptions): Promise<{ pdf: Uint8Array; html: string }> {
  const signal = options.signal;
  const tocs = allBlocks(doc).filter((b) => b.kind === 'toc');
  const depth = Math.max(0, ...tocs.map((b) => (b.kind === 'toc' ? b.maxLevel : 0)));
  const predicted = tocs.length > 0 ? Object.fromEntries(estimatePages(doc).headingPages) : null;
  options.onStep?.('printing');
  let html = buildPrintHtml(doc, { fontCss: options.fontCss, pageNumbers: predicted });
  let printed = await printer.print(html, { ...(signal ? { signal } : {}), ...(options.onPrinting ? { onPrinting: options.onPrinting } : {}) });
  if (predicted) {
    if (signal?.aborted) throw printCancelled();
    options.onStep?.('numbering');
    const actual = await headingPagesFromPdf(printed);
    const wrong = headingsOf(doc).some((h) => h.level <= depth && actual[h.id] !== undefined && actual[h.id] !== predicted[h.id]);
    if (wrong) {
      html = buildPrintHtml(doc, { fontCss: options.fontCss, pageNumbers: actual });
      printed = await printer.print(html, signal ? { signal } : {});
    }
  }
  if (signal?.aborted) throw printCancelled();
  options.onStep?.('finishing');
  const pdf = await finishPdf(printed, doc, { workbookSnapshot: options.workbookSnapshot, ...(options.zlib ? { zlib: options.zlib } : {}) });
  return { pdf, html };
}
