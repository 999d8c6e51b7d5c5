/**
 * The command line's PDF printer against a real browser (chromium-headless-shell where installed, else the first
 * Chromium, Chrome or Edge found; AWB_CHROMIUM names another): CSS page sizes, tags and outline, one page reused
 * for many prints, nothing loaded from outside the document, no script run, cancelling, and what it says when
 * the browser cannot start or stops.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCancellation, type PdfPrinter } from '../../../../shared/documents/pdf/printer';
import { chromiumCandidates, createChromiumPrinter, findChromium } from './chromium-printer';

const chromium = findChromium();
const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
const scratch = mkdtempSync(join(tmpdir(), 'awb-printer-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = (body: string, css = '@page { size: A4; margin: 20mm; }') =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Test</title><style>${css}</style></head><body>${body}</body></html>`;

function textOf(pdf: Uint8Array): string {
  const file = join(scratch, `t-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

describe('browser candidates', () => {
  it('tries Debian’s headless shell first on Linux, and Edge then Chrome on Windows', () => {
    expect(chromiumCandidates('linux')[0]).toBe('/usr/bin/chromium-headless-shell');
    expect(chromiumCandidates('linux')).toContain('/usr/bin/chromium');
    const windows = chromiumCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' });
    expect(windows[0]).toMatch(/Edge.*msedge\.exe$/);
    expect(windows[1]).toMatch(/Chrome.*chrome\.exe$/);
  });
});

describe('a browser that cannot print', () => {
  it('says which browser exited, with its code and what it said', async () => {
    const fake = join(scratch, 'broken-browser');
    writeFileSync(fake, '#!/bin/sh\necho "Missing X server or $DISPLAY" >&2\nexit 3\n');
    chmodSync(fake, 0o755);
    const started = createChromiumPrinter({ executablePath: fake });
    await expect(started).rejects.toThrow(/broken-browser” exited with code 3 before the PDF was made; it said: Missing X server/);
  });

  it('says which browser could not be started when there is no such program', async () => {
    await expect(createChromiumPrinter({ executablePath: join(scratch, 'no-such-browser') })).rejects.toThrow(/no-such-browser” could not be started/);
  });
});

const describeIf = chromium ? describe : describe.skip;
if (!chromium) console.warn('Skipping the printer tests against a browser: no Chromium, Chrome or Edge was found (set AWB_CHROMIUM).');

describeIf('printing with a real browser', () => {
  let printer: PdfPrinter & { close(): Promise<void> };
  let server: Server;
  let requests = 0;
  let origin = '';

  beforeAll(async () => {
    server = createServer((_, res) => {
      requests++;
      res.end('p { color: red }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    printer = await createChromiumPrinter({ executablePath: chromium! });
  });
  afterAll(async () => {
    await printer?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('honours the CSS page size and prints a tagged PDF with an outline, on one page reused print after print', async () => {
    const landscape = page('<h1>First</h1><p>One.</p><h2>Second</h2><p>Two.</p>', '@page { size: A4 landscape; margin: 10mm; }');
    for (let i = 0; i < 3; i++) {
      const pdf = await PDFDocument.load(await printer.print(i === 1 ? page('<h1>Portrait</h1><p style="break-before: page">Next page.</p>') : landscape));
      const sizes = pdf.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())]);
      if (i === 1) expect(sizes).toEqual([[595, 842], [595, 842]]);
      else expect(sizes).toEqual([[842, 595]]);
      expect(pdf.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
      expect(pdf.catalog.lookup(PDFName.of('Outlines'))).toBeInstanceOf(PDFDict);
    }
  });

  it('loads nothing from outside the document, and runs no script in it', async () => {
    const html = page(
      `<link rel="stylesheet" href="${origin}/style.css"><p id="said">Written by the document.</p><img src="${origin}/chart.png" alt=""><script>document.getElementById('said').textContent = 'Written by a script.'</script>`,
    );
    const pdf = await printer.print(html);
    expect(requests).toBe(0);
    if (hasPdftotext) {
      const text = textOf(pdf);
      expect(text).toContain('Written by the document.');
      expect(text).not.toContain('Written by a script.');
    }
  });

  it('rejects a cancelled print as cancelled, and prints the next one', async () => {
    const controller = new AbortController();
    const cancelled = printer.print(page('<p>Never wanted.</p>'), { signal: controller.signal });
    controller.abort();
    const error = await cancelled.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isCancellation(error)).toBe(true);
    const already = new AbortController();
    already.abort();
    await expect(printer.print(page('<p>No.</p>'), { signal: already.signal })).rejects.toThrow('cancelled');
    const next = await PDFDocument.load(await printer.print(page('<p>Wanted.</p>')));
    expect(next.getPageCount()).toBe(1);
  });

  it('calls onPrinting once the browser is printing, before the PDF comes back', async () => {
    const events: string[] = [];
    const pdf = printer.print(page('<p>Hello.</p>'), { onPrinting: () => events.push('printing') }).then(() => events.push('printed'));
    await pdf;
    expect(events).toEqual(['printing', 'printed']);
  });

  it.skipIf(!hasPdftotext)('changes the text in place for a revision of the document it holds, and loads the whole document otherwise', async () => {
    const first = page('<p>Section on page <span class="n">1</span>.</p>');
    // The revision's HTML says more than its text change, on purpose: only a print that loaded it shows that.
    const revised = page('<p>Section on page <span class="n">2</span>.</p><p>Loaded in full.</p>');
    await printer.print(first);
    const inPlace = textOf(await printer.print(revised, { revisionOf: { html: first, text: [{ selector: '.n', text: '2' }] } }));
    expect(inPlace).toContain('Section on page 2.');
    expect(inPlace).not.toContain('Loaded in full.');
    // The page now holds another document, so the revision is loaded whole.
    await printer.print(page('<p>Another document.</p>'));
    const afterOther = textOf(await printer.print(revised, { revisionOf: { html: first, text: [{ selector: '.n', text: '2' }] } }));
    expect(afterOther).toContain('Loaded in full.');
    // A change that cannot be made (its selector matches nothing) loads the whole document too.
    await printer.print(first);
    const unmatched = textOf(await printer.print(revised, { revisionOf: { html: first, text: [{ selector: '.missing', text: '2' }] } }));
    expect(unmatched).toContain('Loaded in full.');
  });

  it('says the printer was closed to a print after close', async () => {
    const own = await createChromiumPrinter({ executablePath: chromium! });
    await own.print(page('<p>Before.</p>'));
    await own.close();
    await expect(own.print(page('<p>After.</p>'))).rejects.toThrow('The PDF printer has been closed.');
  });
});
