/**
 * The PDF printer for tests and the command line: playwright-core driving a Chromium, Chrome or Edge already on
 * the machine (nothing is downloaded). One browser per printer, one page per print; the HTML carries its own page
 * size, margins and running header/footer in CSS, so the printer only has to honour CSS page sizes.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Playwright from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { isCancellation, printCancelled, type PdfPrinter } from '../../../../shared/documents/pdf/printer';

// Not named `require`: electron-vite adds its own `const require` to the ESM main bundle, and two would collide.
const requireHere = createRequire(import.meta.url);
/**
 * playwright-core, loaded when a printer starts. Required, not imported: Node scans a CommonJS package imported
 * from an ES module for its export names, which for playwright-core's bundles costs a quarter of a second.
 */
const playwright = (): typeof Playwright => requireHere('playwright-core') as typeof Playwright;

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions'];

/** The usual places a Chromium-family browser is installed, per platform. */
export function chromiumCandidates(platform = process.platform, env = process.env): string[] {
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => Boolean(r));
    return roots.flatMap((r) => [
      join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(r, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  if (platform === 'darwin')
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'];
}

export function findChromium(): string | null {
  const fromEnv = process.env['AWB_CHROMIUM'];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return chromiumCandidates().find((p) => existsSync(p)) ?? null;
}

export async function createChromiumPrinter(opts: { executablePath?: string } = {}): Promise<PdfPrinter & { close(): Promise<void> }> {
  const executablePath = opts.executablePath ?? findChromium();
  if (!executablePath)
    throw new Error('No Chromium, Google Chrome or Microsoft Edge was found on this computer, so PDFs cannot be made. Install one of them, or set AWB_CHROMIUM to its path.');
  const browser: Browser = await playwright().chromium.launch({ executablePath, args: ARGS, headless: true });
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  // One page, reused: Chromium keeps the decoded fonts and its layout caches between prints, which saves a few
  // hundred milliseconds a document. Prints take turns on it.
  let page: Page | null = null;
  const openPage = async (): Promise<Page> => {
    if (page && !page.isClosed()) return page;
    const fresh = await context.newPage();
    // Nothing may load from outside the document: fonts and charts are inline.
    await fresh.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    page = fresh;
    return fresh;
  };
  // Opened now, while the caller lays out its document, so the first print starts from a page ready for it.
  let queue: Promise<unknown> = openPage().catch(() => undefined);
  return {
    print(html, options = {}) {
      const run = async () => {
        if (options.signal?.aborted) throw printCancelled();
        const p = await openPage();
        try {
          await p.setContent(html, { waitUntil: 'load' });
          // Web fonts load during layout, after the load event; printing before they are ready would use a fallback.
          await p.evaluate(() => document.fonts.ready.then(() => undefined));
          if (options.signal?.aborted) throw printCancelled();
          const pdf = await p.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, displayHeaderFooter: false });
          return new Uint8Array(pdf);
        } catch (e) {
          // A page that failed part-way is not trusted for the next print.
          if (!isCancellation(e)) {
            await p.close().catch(() => undefined);
            page = null;
          }
          throw e;
        }
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    async warm() {
      await queue;
    },
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}
