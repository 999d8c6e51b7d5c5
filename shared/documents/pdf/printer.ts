/**
 * The one thing a PDF printer must do: print self-contained print HTML (from buildPrintHtml) to a tagged PDF with
 * an outline. Page size, margins, landscape sections and the running header and footer come from the HTML's CSS,
 * so an implementation must honour CSS page sizes. Implementations: Chromium through playwright-core (tests, the
 * command line) and Electron's webContents.printToPDF (the app).
 */
export interface PdfPrinter {
  print(html: string, options?: { readonly signal?: AbortSignal }): Promise<Uint8Array>;
  close?(): Promise<void>;
}
