/**
 * The PDF printer for tests and the command line: a Chromium, Chrome or Edge already on the machine (nothing is
 * downloaded), driven through the DevTools protocol over a pipe (cdp-pipe.ts). One browser per printer and one
 * page, reused; the HTML carries its own page size, margins and running header/footer in CSS, so the printer only
 * has to honour CSS page sizes. Where Debian's chromium-headless-shell is installed it is used first: it starts in
 * a seventh of the time of the full browser and prints a little faster.
 *
 * Not playwright-core: loading it cost a third of a second of a cold `generate` before the browser was even
 * started, for the half-dozen protocol calls made here. (The browser mode and the end-to-end tests still use it
 * to drive the app itself.)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { isCancellation, printCancelled, type PdfPrinter, type PrintOptions } from '../../../../shared/documents/pdf/printer';
import { CdpConnection } from './cdp-pipe';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
  '--disable-extensions',
  '--password-store=basic',
  '--use-mock-keychain',
];
/** A print that takes longer than this has hung (a 150-page report prints in two seconds). */
const PRINT_TIMEOUT_MS = 120_000;

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
  return [
    '/usr/bin/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ];
}

export function findChromium(): string | null {
  const fromEnv = process.env['AWB_CHROMIUM'];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return chromiumCandidates().find((p) => existsSync(p)) ?? null;
}

type Params = Record<string, unknown>;

/** The page prints are made on: its protocol session, its main frame, and whether it can still be trusted. */
interface PrintPage {
  readonly sessionId: string;
  readonly targetId: string;
  readonly frameId: string;
  /** The HTML the page holds, exactly; null while it is loading another or after a change that went wrong. */
  loaded: string | null;
}

/** Sets the text of the elements each selector matches; false, changing nothing, if any selector matches none. */
const CHANGE_TEXT = `(changes) => {
  const found = changes.map((c) => document.querySelectorAll(c.selector));
  if (found.some((f) => f.length === 0)) return false;
  found.forEach((elements, i) => elements.forEach((e) => { e.textContent = changes[i].text; }));
  return true;
}`;

/** The last lines the browser wrote to stderr, to say why it stopped. */
function tail(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/:(WARNING|INFO|VERBOSE\d?):/.test(l));
  return lines.slice(-3).join(' ').slice(-600);
}

/**
 * Starts the browser at once (the caller lays out its document while it starts) and resolves when it answers.
 * Rejects, with a message saying which browser and why, when there is none or it cannot start.
 */
export async function createChromiumPrinter(opts: { executablePath?: string } = {}): Promise<PdfPrinter & { close(): Promise<void> }> {
  const executablePath = opts.executablePath ?? findChromium();
  if (!executablePath)
    throw new Error('No Chromium, Google Chrome or Microsoft Edge was found on this computer, so PDFs cannot be made. Install one of them, or set AWB_CHROMIUM to its path.');
  // Its own profile, so it never meets (or locks) an officer's browser profile; removed when the printer closes.
  const profile = mkdtempSync(join(tmpdir(), 'awb-chromium-'));
  // In a process group of its own (not on Windows, where that means a console of its own), so that stopping it
  // stops the browser too when it is started through a wrapper script, as Debian's are.
  const ownGroup = process.platform !== 'win32';
  const child = spawn(executablePath, [...ARGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    windowsHide: true,
    detached: ownGroup,
  });
  const kill = () => {
    try {
      if (ownGroup && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // already gone
    }
  };
  const cdp = new CdpConnection(child.stdio[3] as Writable, child.stdio[4] as Readable);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8192);
  });
  let closing = false;
  const exited = new Promise<void>((resolve) => {
    child.on('error', (e) => {
      cdp.close(new Error(`The browser “${executablePath}” could not be started (${e.message}), so PDFs cannot be made. Set AWB_CHROMIUM to a Chromium, Chrome or Edge that works.`));
      resolve();
    });
    child.on('exit', (code, signal) => {
      const why = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      const said = tail(stderr);
      cdp.close(
        new Error(
          closing
            ? 'The PDF printer has been closed.'
            : `The browser “${executablePath}” ${why} before the PDF was made${said ? `; it said: ${said}` : ''}.`,
        ),
      );
      resolve();
    });
  });
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  // A process that ends without closing its printer (a test file that stops early, an uncaught error) must not
  // leave the browser running, or its profile behind.
  const onExit = () => {
    kill();
    removeProfile();
  };
  process.once('exit', onExit);
  const close = async () => {
    closing = true;
    process.removeListener('exit', onExit);
    // Killed rather than asked to close: it has nothing to save (its profile is thrown away), and a graceful
    // shutdown takes a quarter of a second that every command would wait for.
    if (child.exitCode === null && child.signalCode === null) {
      kill();
      await exited;
    }
    removeProfile();
  };
  try {
    await cdp.send('Browser.getVersion');
  } catch (e) {
    await close();
    throw e;
  }

  // Nothing may load from outside the document (fonts and charts are inline, as data: URLs that never reach the
  // network): every request the page makes is failed.
  cdp.on('Fetch.requestPaused', (params, sessionId) => {
    const url = typeof params['request'] === 'object' && params['request'] ? String((params['request'] as Params)['url']) : '';
    const requestId = params['requestId'];
    if (url.startsWith('data:')) void cdp.send('Fetch.continueRequest', { requestId }, sessionId).catch(() => undefined);
    else void cdp.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }, sessionId).catch(() => undefined);
  });

  const openPage = async (): Promise<PrintPage> => {
    const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const on = (method: string, params: Params = {}) => cdp.send(method, params, sessionId);
    const [, , , tree] = await Promise.all([
      on('Page.enable'),
      on('Emulation.setScriptExecutionDisabled', { value: true }),
      on('Fetch.enable', { patterns: [{ urlPattern: '*' }] }),
      on('Page.getFrameTree'),
    ]);
    const frameId = (tree as { frameTree: { frame: { id: string } } }).frameTree.frame.id;
    return { sessionId, targetId, frameId, loaded: null };
  };

  /** Loads the document into the page, or changes the text of the one it holds when that is all that differs. */
  const load = async (page: PrintPage, html: string, revisionOf: PrintOptions['revisionOf']): Promise<void> => {
    const on = (method: string, params: Params = {}) => cdp.send(method, params, page.sessionId);
    if (revisionOf && page.loaded !== null && page.loaded === revisionOf.html) {
      page.loaded = null;
      const changed = (await on('Runtime.evaluate', { expression: `(${CHANGE_TEXT})(${JSON.stringify(revisionOf.text)})`, returnByValue: true })) as {
        result?: { value?: unknown };
      };
      if (changed.result?.value === true) {
        page.loaded = html;
        return;
      }
    }
    page.loaded = null;
    const loaded = new Promise<void>((resolve) => {
      const off = cdp.on('Page.loadEventFired', (_, sessionId) => {
        if (sessionId !== page.sessionId) return;
        off();
        resolve();
      });
    });
    await on('Page.setDocumentContent', { frameId: page.frameId, html });
    await Promise.race([loaded, cdp.gone]);
    // Web fonts load during layout, after the load event; printing before they are ready would use a fallback.
    await on('Runtime.evaluate', { expression: 'document.fonts.ready.then(() => true)', awaitPromise: true, returnByValue: true });
    page.loaded = html;
  };

  const printOn = async (page: PrintPage, html: string, { signal, onPrinting, revisionOf }: PrintOptions): Promise<Uint8Array> => {
    const on = (method: string, params: Params = {}) => cdp.send(method, params, page.sessionId);
    await load(page, html, revisionOf);
    if (signal?.aborted) throw printCancelled();
    const printing = on('Page.printToPDF', {
      preferCSSPageSize: true,
      printBackground: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      displayHeaderFooter: false,
      marginTop: 0,
      marginBottom: 0,
      marginLeft: 0,
      marginRight: 0,
      // A4 when the document gives no page size (it always does): the size the app prints at.
      paperWidth: 8.27,
      paperHeight: 11.69,
      transferMode: 'ReturnAsStream',
    });
    onPrinting?.();
    const { stream } = (await printing) as { stream: string };
    const chunks: Buffer[] = [];
    for (;;) {
      const read = (await on('IO.read', { handle: stream, size: 4 * 1024 * 1024 })) as { data: string; base64Encoded?: boolean; eof: boolean };
      chunks.push(Buffer.from(read.data, read.base64Encoded ? 'base64' : 'utf8'));
      if (read.eof) break;
    }
    await on('IO.close', { handle: stream }).catch(() => undefined);
    const pdf = Buffer.concat(chunks);
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.length);
  };

  // One page, reused: Chromium keeps the decoded fonts and its layout caches between prints, which saves a few
  // hundred milliseconds a document. Prints take turns on it. Opened now, while the caller lays out its document.
  let page: Promise<PrintPage> | null = null;
  const currentPage = () => {
    page ??= openPage();
    page.catch(() => (page = null));
    return page;
  };
  /** A page that failed part-way is not trusted for the next print. */
  const discard = (broken: Promise<PrintPage>) => {
    if (page === broken) page = null;
    void broken.then((p) => cdp.send('Target.closeTarget', { targetId: p.targetId })).catch(() => undefined);
  };
  let queue: Promise<unknown> = currentPage().catch(() => undefined);

  return {
    print(html, options = {}) {
      const signal = options.signal;
      const run = async (): Promise<Uint8Array> => {
        if (signal?.aborted) throw printCancelled();
        const using = currentPage();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`The browser did not finish printing within ${PRINT_TIMEOUT_MS / 1000} seconds.`)), PRINT_TIMEOUT_MS);
        });
        try {
          return await Promise.race([using.then((p) => printOn(p, html, options)), timeout]);
        } catch (e) {
          if (!isCancellation(e)) discard(using);
          throw e;
        } finally {
          clearTimeout(timer);
        }
      };
      const work = queue.then(run, run);
      queue = work.catch(() => undefined);
      if (!signal) return work;
      // A cancelled print answers at once; the page finishes what it was doing before the next print uses it.
      return new Promise<Uint8Array>((resolve, reject) => {
        const abort = () => reject(printCancelled());
        if (signal.aborted) return abort();
        signal.addEventListener('abort', abort, { once: true });
        work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
      });
    },
    async warm() {
      await queue;
    },
    close,
  };
}
