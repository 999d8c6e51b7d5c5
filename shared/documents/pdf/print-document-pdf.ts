/**
 * Document → finished PDF with any PdfPrinter. Chromium cannot number a table of contents by itself (no CSS
 * target-counter), so the contents are printed with the pages the layout estimate predicts (the same numbers the
 * Word file carries), and the page of each heading is then read back from the PDF's named destinations. When a
 * prediction is wrong the document is printed again with the real numbers; the page-number column has a fixed
 * width, so the numbers never move anything else, and a printer that still holds the document may just change them
 * in place. Either way the printed numbers are the real ones.
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
    const listed = headingsOf(doc).filter((h) => h.level <= depth);
    const wrong = listed.filter((h) => actual[h.id] !== undefined && actual[h.id] !== predicted[h.id]);
    if (wrong.length > 0) {
      const first = html;
      html = buildPrintHtml(doc, { fontCss: options.fontCss, pageNumbers: actual });
      // Only the numbers change (their column has a fixed width), so a printer that still has the document can
      // change them in place. Not when a heading has no destination: its entry changes more than its text.
      const revisionOf = listed.every((h) => actual[h.id] !== undefined)
        ? { html: first, text: wrong.map((h) => ({ selector: `nav.toc a[href=${JSON.stringify(`#${h.id}`)}] .toc-page`, text: String(actual[h.id]) })) }
        : undefined;
      printed = await printer.print(html, { ...(signal ? { signal } : {}), ...(revisionOf ? { revisionOf } : {}) });
    }
  }
  if (signal?.aborted) throw printCancelled();
  options.onStep?.('finishing');
  const pdf = await finishPdf(printed, doc, { workbookSnapshot: options.workbookSnapshot, ...(options.zlib ? { zlib: options.zlib } : {}) });
  return { pdf, html };
}
