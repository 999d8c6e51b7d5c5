/**
 * The one thing a PDF printer must do: print self-contained print HTML (from buildPrintHtml) to a tagged PDF with
 * an outline. Page size, margins, landscape sections and the running header and footer come from the HTML's CSS,
 * so an implementation must honour CSS page sizes. Implementations: Chromium driven over the DevTools protocol (tests, the
 * command line) and Electron's webContents.printToPDF (the app). A cancelled print rejects with `printCancelled()`.
 */
export interface PrintOptions {
  readonly signal?: AbortSignal;
  /**
   * Called once the browser has the laid-out document and is printing it, when the caller's thread is free until
   * the PDF comes back: the moment to write the Word file. Until then each step of a print waits for the thread.
   */
  readonly onPrinting?: () => void;
  /**
   * Says that `html` is `revisionOf.html` with only the text of the elements `revisionOf.text` selects changed (the
   * contents' page numbers, once the real ones are known). A printer still holding that document may change the
   * text in place rather than load and lay out the whole document again; any printer may ignore this.
   */
  readonly revisionOf?: { readonly html: string; readonly text: readonly TextChange[] };
}

export interface TextChange {
  /** A CSS selector; every element it matches gets `text`. A selector matching nothing means the change cannot be made so. */
  readonly selector: string;
  readonly text: string;
}

export interface PdfPrinter {
  print(html: string, options?: PrintOptions): Promise<Uint8Array>;
  /** Gets ready to print (a page, a window) ahead of the first document, so the officer does not wait for it. */
  warm?(): Promise<void>;
  close?(): Promise<void>;
}

/**
 * A printer that is still starting, usable at once: each print waits for it. Lets a document be laid out (and its
 * Word file written) while the browser starts, rather than after.
 */
export function whenStarted(starting: Promise<PdfPrinter>): PdfPrinter {
  return { print: async (html, options) => (await starting).print(html, options) };
}

/** The error a cancelled print (or PDF) rejects with: an AbortError, as fetch and Node's own APIs use. */
export function printCancelled(): Error {
  const e = new Error('The PDF was cancelled.');
  e.name = 'AbortError';
  return e;
}

/** Whether an error means "cancelled": ours, the DOM's AbortError, or Node's (code ABORT_ERR). */
export function isCancellation(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || (e as { code?: unknown }).code === 'ABORT_ERR');
}
