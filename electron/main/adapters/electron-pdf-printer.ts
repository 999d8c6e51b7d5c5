/**
 * The app's PDF printer: Chromium inside Electron prints the engine's self-contained HTML with
 * webContents.printToPDF, which gives a tagged PDF with an outline (ARCHITECTURE.md, "Documents"). One of the few
 * files that import electron.
 *
 * The HTML is printed in a hidden window locked down harder than the app's own: sandboxed, no preload, its own
 * in-memory session that refuses every request except the page itself and data: URLs (fonts and images are
 * embedded), no permissions, and a Content Security Policy in the printed copy that forbids any script in the page
 * (the engine's HTML has none; a hostile user template then has nothing to run). The app waits for the web fonts
 * from an isolated world, which the page's policy does not govern, because fonts finish loading after the load
 * event and printing earlier would use a fallback font. The page is written to a private temp folder and loaded
 * from there, because a document with embedded fonts and charts is larger than Chromium accepts as a data: URL.
 */
import { BrowserWindow, session, type Session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { printCancelled, type PdfPrinter } from '../../../shared/documents';
import { SECURE_WEB_PREFERENCES } from '../window';

const PARTITION = 'awb-document-printing';
/** An isolated world of our own for the one script the app runs in the page (waiting for fonts). */
const FONTS_WORLD = 1_001;
const PRINT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The printed copy of the HTML: the engine's document with a policy that lets nothing in it run or load. */
export function lockedDownHtml(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_POLICY}">`;
  const head = /<head[^>]*>/i.exec(html);
  return head ? `${html.slice(0, head.index + head[0].length)}${meta}${html.slice(head.index + head[0].length)}` : `${meta}${html}`;
}

export function createElectronPdfPrinter(): PdfPrinter & { close(): Promise<void> } {
  let win: BrowserWindow | null = null;
  let folder: Promise<string> | null = null;
  let printSession: Session | null = null;
  /** The one file URL the print window may load at the moment. */
  let allowedUrl = '';
  let queue: Promise<unknown> = Promise.resolve();
  let count = 0;

  const lockedSession = (): Session => {
    if (printSession) return printSession;
    const s = session.fromPartition(PARTITION, { cache: false });
    s.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
      callback({ cancel: !(details.url === allowedUrl || details.url.startsWith('data:')) });
    });
    s.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    s.setPermissionCheckHandler(() => false);
    printSession = s;
    return s;
  };

  const printWindow = (): BrowserWindow => {
    if (win && !win.isDestroyed()) return win;
    win = new BrowserWindow({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: {
        ...SECURE_WEB_PREFERENCES,
        // On only so the app can wait for fonts from its own world; the page's policy forbids scripts of its own.
        javascript: true,
        images: true,
        spellcheck: false,
        backgroundThrottling: false,
        session: lockedSession(),
      },
    });
    return win;
  };

  const printOnce = async (html: string, signal?: AbortSignal, onPrinting?: () => void): Promise<Uint8Array> => {
    if (signal?.aborted) throw printCancelled();
    folder ??= mkdtemp(join(tmpdir(), 'awb-print-'));
    const file = join(await folder, `document-${++count}.html`);
    await writeFile(file, lockedDownHtml(html), 'utf8');
    try {
      const target = printWindow();
      allowedUrl = pathToFileURL(file).href;
      await target.loadFile(file);
      await target.webContents.executeJavaScriptInIsolatedWorld(FONTS_WORLD, [{ code: 'document.fonts.ready.then(() => true)' }]);
      if (signal?.aborted) throw printCancelled();
      const printing = target.webContents.printToPDF({
        pageSize: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        generateTaggedPDF: true,
        generateDocumentOutline: true,
        displayHeaderFooter: false,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
      });
      onPrinting?.();
      const pdf = await printing;
      if (signal?.aborted) throw printCancelled();
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      allowedUrl = '';
      await rm(file, { force: true });
    }
  };

  return {
    // One page at a time: the window holds one document.
    print(html, options) {
      const job = queue.then(() => printOnce(html, options?.signal, options?.onPrinting));
      queue = job.catch(() => undefined);
      return job;
    },
    // The window's renderer process is what a first print waits for; an empty page starts it. In the queue, so
    // it never navigates away from a document being printed.
    warm() {
      const job = queue.then(async () => {
        if (win && !win.isDestroyed()) return;
        await printWindow()
          .loadURL('data:text/html,')
          .catch(() => undefined);
      });
      queue = job.catch(() => undefined);
      return job;
    },
    async close() {
      await queue;
      if (win && !win.isDestroyed()) win.destroy();
      win = null;
      if (folder) await rm(await folder, { recursive: true, force: true });
      folder = null;
    },
  };
}
