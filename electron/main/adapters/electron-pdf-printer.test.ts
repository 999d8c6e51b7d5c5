/**
 * The Electron PDF printer against a recording stand-in for electron (the real binary is not installed here; the
 * Electron end-to-end spec runs it where it is). Checks what the adapter asks of Electron: a locked-down hidden
 * window, a session that refuses every request but the page and data: URLs, the printToPDF options that give a
 * tagged PDF with an outline, one print at a time, no temp files left behind, and cancellation.
 */
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Recorded {
  windows: Array<{ options: { show: boolean; webPreferences: Record<string, unknown> }; destroyed: boolean }>;
  loaded: Array<{ path: string; html: string; allowed: Record<string, boolean> }>;
  printOptions: Array<Record<string, unknown>>;
  isolatedScripts: string[];
  permissionRequests: boolean[];
  permissionChecks: boolean[];
  partitions: string[];
  printing: number;
  maxPrinting: number;
}

const rec: Recorded = vi.hoisted(() => ({
  windows: [],
  loaded: [],
  printOptions: [],
  isolatedScripts: [],
  permissionRequests: [],
  permissionChecks: [],
  partitions: [],
  printing: 0,
  maxPrinting: 0,
}));
const gates = vi.hoisted(() => ({ print: null as null | Promise<void> }));

vi.mock('electron', async () => {
  const { readFileSync: read } = await import('node:fs');
  const { pathToFileURL } = await import('node:url');
  type Filter = (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
  let filter: Filter | null = null;
  const session = {
    webRequest: { onBeforeRequest: (_f: unknown, fn: Filter) => void (filter = fn) },
    setPermissionRequestHandler: (fn: (c: unknown, p: string, cb: (ok: boolean) => void) => void) =>
      fn(null, 'media', (ok) => rec.permissionRequests.push(ok)),
    setPermissionCheckHandler: (fn: () => boolean) => rec.permissionChecks.push(fn()),
  };
  const ask = (url: string) => {
    let cancelled = true;
    filter?.({ url }, (r) => (cancelled = r.cancel));
    return !cancelled;
  };
  class BrowserWindow {
    private destroyedFlag = false;
    private readonly entry: Recorded['windows'][number];
    constructor(options: Recorded['windows'][number]['options']) {
      this.entry = { options, destroyed: false };
      rec.windows.push(this.entry);
    }
    isDestroyed() {
      return this.destroyedFlag;
    }
    destroy() {
      this.destroyedFlag = true;
      this.entry.destroyed = true;
    }
    async loadFile(path: string) {
      const url = pathToFileURL(path).href;
      rec.loaded.push({
        path,
        html: read(path, 'utf8'),
        allowed: { page: ask(url), data: ask('data:font/woff2;base64,AAAA'), web: ask('https://evil.example/x.png'), otherFile: ask('file:///etc/passwd') },
      });
    }
    webContents = {
      executeJavaScriptInIsolatedWorld: async (_world: number, scripts: Array<{ code: string }>) => {
        rec.isolatedScripts.push(...scripts.map((s) => s.code));
        return true;
      },
      printToPDF: async (options: Record<string, unknown>) => {
        rec.printOptions.push(options);
        rec.printing++;
        rec.maxPrinting = Math.max(rec.maxPrinting, rec.printing);
        await gates.print;
        rec.printing--;
        return Buffer.from('%PDF-1.7 stand-in');
      },
    };
  }
  return {
    BrowserWindow,
    session: {
      fromPartition: (name: string) => {
        rec.partitions.push(name);
        return session;
      },
    },
  };
});

const { createElectronPdfPrinter, lockedDownHtml } = await import('./electron-pdf-printer');

const HTML = '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Case</title></head><body><h1>Case</h1></body></html>';

beforeEach(() => {
  rec.windows.length = 0;
  rec.loaded.length = 0;
  rec.printOptions.length = 0;
  rec.isolatedScripts.length = 0;
  gates.print = null;
});
afterEach(() => vi.clearAllTimers());

describe('the Electron PDF printer', () => {
  it('prints in a hidden, sandboxed window with no preload, in its own session that loads nothing from outside', async () => {
    const printer = createElectronPdfPrinter();
    expect(rec.windows).toHaveLength(0); // nothing is made until the first PDF
    const pdf = await printer.print(HTML);
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 stand-in');

    expect(rec.windows).toHaveLength(1);
    const { options } = rec.windows[0]!;
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
    expect(rec.partitions).toEqual(['awb-document-printing']);
    expect(rec.permissionRequests).toEqual([false]);
    expect(rec.permissionChecks).toEqual([false]);
    expect(rec.loaded[0]!.allowed).toEqual({ page: true, data: true, web: false, otherFile: false });
  });

  it('asks Chromium for a tagged PDF with an outline, sized by the document’s own CSS, after the fonts are ready', async () => {
    const printer = createElectronPdfPrinter();
    await printer.print(HTML);
    expect(rec.printOptions).toEqual([
      {
        pageSize: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        generateTaggedPDF: true,
        generateDocumentOutline: true,
        displayHeaderFooter: false,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
      },
    ]);
    expect(rec.isolatedScripts).toEqual(['document.fonts.ready.then(() => true)']);
  });

  it('prints a copy whose policy forbids any script of its own, and removes the copy afterwards', async () => {
    const printer = createElectronPdfPrinter();
    await printer.print(HTML);
    const { path, html } = rec.loaded[0]!;
    expect(html).toBe(lockedDownHtml(HTML));
    expect(html).toContain(`<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"><meta charset="utf-8">`);
    expect(existsSync(path)).toBe(false);
    await printer.close();
    expect(rec.windows[0]!.destroyed).toBe(true);
  });

  it('puts the policy first even in a document without a head', () => {
    expect(lockedDownHtml('<p>x</p>')).toMatch(/^<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*"><p>x<\/p>$/);
  });

  it('prints one document at a time in the same window', async () => {
    let release: () => void = () => undefined;
    gates.print = new Promise<void>((r) => (release = r));
    const printer = createElectronPdfPrinter();
    const a = printer.print(HTML);
    const b = printer.print(HTML.replace('Case', 'Other'));
    await vi.waitFor(() => expect(rec.printOptions).toHaveLength(1));
    release();
    await Promise.all([a, b]);
    expect(rec.maxPrinting).toBe(1);
    expect(rec.windows).toHaveLength(1);
    expect(rec.loaded.map((l) => l.html.includes('Other'))).toEqual([false, true]);
  });

  it('does not print once cancelled, and a cancelled job does not stop the next', async () => {
    const printer = createElectronPdfPrinter();
    const controller = new AbortController();
    controller.abort();
    await expect(printer.print(HTML, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(rec.printOptions).toHaveLength(0);
    await expect(printer.print(HTML)).resolves.toBeInstanceOf(Uint8Array);
  });
});
