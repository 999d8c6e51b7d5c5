/**
 * The browser test harness: serves the built renderer over HTTP with the production CSP, and installs
 * window.workbench in the page backed (through a Playwright binding) by the real IPC router and node services,
 * composed exactly as the Electron main process composes them. Only the operating-system ports (file dialogs,
 * shell, native window) are scripted, or the file dialogs are the browser mode's in-app ones.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import Conf from 'conf';
import type { BrowserContext, Page } from '@playwright/test';
import { compose, type Composition } from '../../electron/main/compose';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security-policy';
import { settingsJsonSchema } from '../../electron/main/services/settings-service';
import type { EventName } from '../../shared/ipc/channel-names';
import type { EventPayload } from '../../shared/ipc/contract';
import type { PresenterPort } from '../../electron/main/ipc/workshop-handlers';
import type { PdfPrinter } from '../../shared/documents';
import { BUILT_IN_TEMPLATES_DIR, createChromiumPrinter, findChromium } from '../../electron/main/services/documents';
import { bridgeScript } from '../../browser/bridge-script';
import { fileDialogScript, inAppDialogs } from '../../browser/in-app-dialogs';

const root = resolve(import.meta.dirname, '..', '..');
const rendererDir = join(root, 'out', 'renderer');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function serveRenderer(): Promise<{ server: Server; origin: string }> {
  statSync(join(rendererDir, 'index.html')); // fails clearly when the renderer has not been built
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = resolve(rendererDir, rel);
    if (!file.startsWith(rendererDir)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('Server did not start');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/** Answers the next file dialogs in order; null means the officer pressed Cancel. */
export class ScriptedDialogs {
  readonly openAnswers: Array<string | null> = [];
  readonly saveAnswers: Array<string | null> = [];
  readonly folderAnswers: Array<string | null> = [];
  /** Answers to "replace these existing files?"; with none scripted, the officer replaces them. */
  readonly replaceAnswers: boolean[] = [];
  readonly asked: string[] = [];
  async chooseWorkbookToOpen() {
    this.asked.push('open');
    if (this.openAnswers.length === 0) throw new Error('Test did not script an answer for the Open dialog');
    return this.openAnswers.shift()!;
  }
  async chooseSaveLocation(suggested: string) {
    this.asked.push(`save:${suggested}`);
    if (this.saveAnswers.length === 0) throw new Error('Test did not script an answer for the Save dialog');
    return this.saveAnswers.shift()!;
  }
  async chooseTemplateFolder() {
    this.asked.push('template-folder');
    if (this.folderAnswers.length === 0) throw new Error('Test did not script an answer for the folder dialog');
    return this.folderAnswers.shift()!;
  }
  /** Folders for output (the workshop kit) share the folder answers. */
  async chooseOutputFolder(title: string) {
    this.asked.push(`output-folder:${title}`);
    if (this.folderAnswers.length === 0) throw new Error('Test did not script an answer for the output folder dialog');
    return this.folderAnswers.shift()!;
  }
  async confirmReplace(fileNames: readonly string[]) {
    this.asked.push(`replace:${fileNames.join(',')}`);
    return this.replaceAnswers.shift() ?? true;
  }
  /** Export shares the Save answers: each is the path the officer would type in the save dialog. */
  async chooseDocumentDestination(suggested: string, formats: readonly string[]) {
    this.asked.push(`export:${suggested}:${formats.join(',')}`);
    if (this.saveAnswers.length === 0) throw new Error('Test did not script an answer for the export dialog');
    return this.saveAnswers.shift()!;
  }
}

export interface HarnessOptions {
  /** Reuse an app data folder (to simulate the next start after a crash). */
  dataFolder?: string;
  user?: string;
  machine?: string;
  /** Prints PDFs with this instead of the system Chromium (to make a print slow enough to cancel). */
  startPdfPrinter?: () => Promise<PdfPrinter>;
  /** The browser mode's in-app file dialogs, starting in this folder, instead of scripted answers. */
  inAppDialogsFolder?: string;
}

export interface Harness {
  readonly page: Page;
  readonly composition: Composition;
  readonly dialogs: ScriptedDialogs;
  readonly dataFolder: string;
  readonly externalOpened: string[];
  readonly window: { title: string; dirty: boolean; closed: boolean };
  emit<E extends EventName>(event: E, payload: EventPayload<E>): Promise<void>;
  /** The presenter view's page while it is open (the Electron app opens a second window instead). */
  presenterPage(): Page | null;
  close(): Promise<void>;
}

/** Opens the app in a new page whose window.workbench runs on a fresh set of services. */
export async function openApp(context: BrowserContext, origin: string, options: HarnessOptions = {}): Promise<Harness> {
  const dataFolder = options.dataFolder ?? mkdtempSync(join(tmpdir(), 'awb-data-'));
  const dialogs = new ScriptedDialogs();
  const externalOpened: string[] = [];
  const nativeWindow = { title: '', dirty: false, closed: false };
  // Events go to the page once it exists; the composition is made first, as the main process makes it.
  let eventPage: Page | null = null;
  const emitIn = (target: Page, event: EventName, payload: unknown) =>
    target.evaluate(([e, p]) => (window as unknown as { __workbenchEmit: (e: string, p: unknown) => void }).__workbenchEmit(e, p), [event, payload] as const);
  // From the main process's side: a page that has gone simply misses the event.
  const emitTo = (target: Page | null, event: EventName, payload: unknown) =>
    void (target && emitIn(target, event, payload).catch(() => undefined));
  const errors: string[] = [];
  const collectErrors = (p: Page) => {
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  };
  // The presenter view: a second page on the renderer's #presenter route, with the same bridge, receiving the
  // same events the Electron main process sends its presenter window.
  let presenterPage: Page | null = null;
  const bridgePage = async (p: Page) => {
    await p.exposeBinding('__workbenchInvoke', (source, channel: string, input: unknown) =>
      composition.router.handle(channel, input, { senderUrl: source.frame.url() }),
    );
    await p.addInitScript({ content: bridgeScript() });
    collectErrors(p);
  };
  const presenter: PresenterPort = {
    async open() {
      if (presenterPage && !presenterPage.isClosed()) {
        await presenterPage.bringToFront();
        return 'window';
      }
      const p = await context.newPage();
      await bridgePage(p);
      p.on('close', () => {
        if (presenterPage === p) presenterPage = null;
        emitTo(eventPage, 'presenterClosed', {});
      });
      presenterPage = p;
      await p.goto(`${origin}/index.html#presenter`);
      return 'window';
    },
    close() {
      const p = presenterPage;
      presenterPage = null;
      void p?.close().catch(() => undefined);
    },
    isOpen: () => presenterPage !== null && !presenterPage.isClosed(),
    show: (state) => emitTo(presenterPage, 'presenterState', state),
  };
  const store = new Conf<Record<string, unknown>>({
    cwd: dataFolder,
    configName: 'settings',
    projectVersion: '0.0.0',
    schema: settingsJsonSchema() as never,
    clearInvalidConfig: true,
  });
  let mainPage: Page | null = null;
  const inApp = options.inAppDialogsFolder
    ? inAppDialogs({ page: () => mainPage, defaultFolder: () => options.inAppDialogsFolder!, isAppWindow: (p) => p === mainPage })
    : null;
  const composition = compose({
    appName: 'Alignment Workbench',
    version: '0.0.0-test',
    dataFolder,
    logsFolder: join(dataFolder, 'logs'),
    store,
    dialogs: inApp?.port ?? dialogs,
    shell: {
      openExternal: async (url) => void externalOpened.push(url),
      showItemInFolder: (path) => void externalOpened.push(`folder:${path}`),
      openFolder: async (path) => void externalOpened.push(`folder:${path}`),
      openFile: async (path) => void externalOpened.push(`file:${path}`),
    },
    window: {
      setTitle: (t) => void (nativeWindow.title = t),
      setDirty: (d) => void (nativeWindow.dirty = d),
      closeConfirmed: () => void (nativeWindow.closed = true),
    },
    log: { info: () => undefined, error: (m, e) => console.error(m, e) },
    isTrustedSender: (url) => url.startsWith(`${origin}/`),
    builtInTemplatesDir: BUILT_IN_TEMPLATES_DIR,
    // The command line's choice of browser (chromium-headless-shell where installed: it starts in a seventh of
    // the time); the browser mode's printing with the full browser is checked by tests/browser.
    startPdfPrinter:
      options.startPdfPrinter ?? (() => createChromiumPrinter({ executablePath: findChromium() ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })),
    events: { send: (event, payload) => emitTo(eventPage, event, payload) },
    presenter,
    ...(options.user ? { user: options.user } : {}),
    ...(options.machine ? { machine: options.machine } : {}),
  });

  const page = await context.newPage();
  eventPage = page;
  mainPage = page;
  await bridgePage(page);
  if (inApp) {
    await page.exposeBinding('__workbenchListFolder', (source, folder: unknown) => inApp.listFolderBinding(source, folder));
    await page.addInitScript({ content: fileDialogScript() });
  }
  await page.goto(`${origin}/index.html`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();

  return {
    page,
    composition,
    dialogs,
    dataFolder,
    externalOpened,
    window: nativeWindow,
    emit: async (event, payload) => {
      await emitIn(page, event, payload);
    },
    presenterPage: () => (presenterPage && !presenterPage.isClosed() ? presenterPage : null),
    close: async () => {
      if (errors.length > 0) console.warn(`Page errors:\n${errors.join('\n')}`);
      await composition.documentService.close();
      await composition.workshop.close();
      presenter.close();
      await page.close();
    },
  };
}
