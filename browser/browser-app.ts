/**
 * The browser mode (issue 16): the built renderer in an app window of the system's Chromium, Chrome or Edge,
 * with window.workbench backed through a Playwright binding by the same composition of services and IPC router
 * that Electron's main process uses (electron/main/compose.ts). Only the operating-system ports differ: file
 * dialogs drawn in the window, the system's opener for links and files, and the page's own title. The window has
 * its own temporary profile, no extensions, and no network: every request but the app's own is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { compose, type Composition } from '../electron/main/compose';
import type { ShellPort } from '../electron/main/ipc/handlers';
import type { Logger } from '../electron/main/ipc/router';
import type { PresenterPort } from '../electron/main/ipc/workshop-handlers';
import { createChromiumPrinter } from '../electron/main/services/documents';
import { resolveBuiltInTemplatesDir } from '../electron/main/services/documents/template-folders';
import { settingsJsonSchema } from '../electron/main/services/settings-service';
import type { EventName } from '../shared/ipc/channel-names';
import { invokeBinding } from './binding';
import { bridgeScript } from './bridge-script';
import { fileDialogScript, inAppDialogs } from './in-app-dialogs';
import { nodeShell } from './node-shell';
import { BROWSER_ORIGIN, serveRendererByInterception } from './renderer-route';

export const APP_NAME = 'Alignment Workbench';
const ROOT = join(import.meta.dirname, '..');
/** How long quitting waits for locks to be released and the printer to stop (as in Electron's main). */
const QUIT_GRACE_MS = 5_000;

export interface BrowserAppOptions {
  readonly executablePath: string;
  readonly dataFolder: string;
  readonly logsFolder: string;
  /** Where file dialogs start. */
  readonly documentsFolder: string;
  readonly version: string;
  readonly log: Logger;
  /** No window on screen (the start-up check and tests where there is no display). */
  readonly headless?: boolean;
  /** A workbook to open once the window is ready. */
  readonly openPath?: string | null;
  /** The built renderer (default: out/renderer). */
  readonly rendererDir?: string;
  /** Opens links and files (default: the system's opener). */
  readonly shell?: ShellPort;
}

export interface BrowserApp {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly composition: Composition;
  /** Requests refused because they were not for the app's own files. */
  readonly blocked: readonly string[];
  /** Resolves once the app window has gone and locks are released. */
  readonly closed: Promise<void>;
  /** Ends the app: releases locks, stops the printers, closes the browser. */
  quit(): Promise<void>;
}

/** Chromium's switches for an app window that stays off the network and out of the user's own profile. */
export function browserArgs(platform = process.platform, isRoot = process.getuid?.() === 0): string[] {
  return [
    // An app window (no tabs, no address bar). Chromium refuses about:blank as an app, so the window starts on
    // an empty page of its own; the app is loaded into it once requests are intercepted.
    `--app=data:text/html,<title>${APP_NAME}</title>`,
    '--window-size=1280,840',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-extensions',
    '--disable-component-extensions-with-background-pages',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-breakpad',
    '--disable-quic',
    '--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication',
    '--metrics-recording-only',
    '--password-store=basic',
    // Chromium refuses to start as root (CI containers) without this; the page keeps its same-origin policy.
    ...(platform === 'linux' && isRoot ? ['--no-sandbox'] : []),
  ];
}

export async function startBrowserApp(options: BrowserAppOptions): Promise<BrowserApp> {
  const rendererDir = options.rendererDir ?? join(ROOT, 'out', 'renderer');
  try {
    await stat(join(rendererDir, 'index.html'));
  } catch {
    throw new Error(
      `The app has not been built (no ${join(rendererDir, 'index.html')}): run npm run build first.`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'awb-browser-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.executablePath,
    headless: options.headless ?? false,
    args: browserArgs(),
    // The "controlled by automated software" bar has no place in an app window.
    ignoreDefaultArgs: ['--enable-automation'],
    viewport: options.headless ? { width: 1280, height: 840 } : null,
    locale: 'en-GB',
    acceptDownloads: false,
    serviceWorkers: 'block',
  });

  const appPage = context.pages()[0] ?? (await context.newPage());
  let presenterPage: Page | null = null;
  let expectingPresenter = false;
  const isAppWindow = (p: Page) => p === appPage || p === presenterPage;

  const emitTo = (target: Page | null, event: EventName, payload: unknown) => {
    if (!target || target.isClosed()) return;
    void target
      .evaluate(
        ([e, p]) =>
          (window as unknown as { __workbenchEmit(e: string, p: unknown): void }).__workbenchEmit(e, p),
        [event, payload] as const,
      )
      .catch(() => undefined);
  };

  const presenter: PresenterPort = {
    async open() {
      if (presenterPage && !presenterPage.isClosed()) {
        await presenterPage.bringToFront();
        return 'window';
      }
      expectingPresenter = true;
      try {
        // The 'page' handler below takes the new window as the presenter as soon as it exists, so its first
        // requests already count as the app's own.
        await Promise.all([
          context.waitForEvent('page', { timeout: 15_000 }),
          appPage.evaluate(
            (url) => void window.open(url, '_blank', 'popup,noopener,width=1280,height=720'),
            `${BROWSER_ORIGIN}/index.html#presenter`,
          ),
        ]);
      } finally {
        expectingPresenter = false;
      }
      const opened = presenterPage as Page | null;
      if (!opened) throw new Error('the presenter window did not open');
      opened.on('close', () => {
        if (presenterPage === opened) presenterPage = null;
        emitTo(appPage, 'presenterClosed', {});
      });
      await opened.waitForLoadState('domcontentloaded');
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

  const shell = options.shell ?? nodeShell();
  // A window the page opens on its own is closed at once, as Electron's window-open handler denies it (the app
  // opens links through the openExternal request, never with window.open).
  context.on('page', (p) => {
    if (p === appPage) return;
    if (expectingPresenter && presenterPage === null) {
      presenterPage = p;
      return;
    }
    void p.close().catch(() => undefined);
  });

  const store = new Conf<Record<string, unknown>>({
    cwd: options.dataFolder,
    configName: 'settings',
    projectVersion: options.version,
    schema: settingsJsonSchema() as never,
    clearInvalidConfig: true,
  });
  const dialogs = inAppDialogs({
    page: () => appPage,
    defaultFolder: () => options.documentsFolder,
    isAppWindow: (p) => p === appPage,
  });
  let closing = false;
  const composition = compose({
    appName: APP_NAME,
    version: options.version,
    dataFolder: options.dataFolder,
    logsFolder: options.logsFolder,
    store,
    dialogs: dialogs.port,
    shell,
    window: {
      setTitle: (title) =>
        void appPage.evaluate((t) => void (document.title = t), title).catch(() => undefined),
      setDirty: (value) =>
        void appPage
          .evaluate(
            (v) => void ((window as unknown as { __workbenchUnsaved?: boolean }).__workbenchUnsaved = v),
            value && !closing,
          )
          .catch(() => undefined),
      closeConfirmed: () => {
        closing = true;
        // Without running beforeunload again: the renderer has dealt with the unsaved changes.
        void appPage.close({ runBeforeUnload: false }).catch(() => undefined);
      },
    },
    log: options.log,
    isTrustedSender: (url) => {
      try {
        return new URL(url).origin === BROWSER_ORIGIN;
      } catch {
        return false;
      }
    },
    builtInTemplatesDir: resolveBuiltInTemplatesDir(ROOT),
    startPdfPrinter: () => createChromiumPrinter({ executablePath: options.executablePath }),
    events: { send: (event, payload) => emitTo(appPage, event, payload) },
    presenter,
  });

  const route = await serveRendererByInterception(context, rendererDir, (url) =>
    options.log.info(`Blocked a request for ${url}`),
  );
  await context.exposeBinding('__workbenchInvoke', invokeBinding(composition.router, isAppWindow));
  await context.exposeBinding('__workbenchListFolder', (source, folder: unknown) =>
    dialogs.listFolderBinding(source, folder),
  );
  await context.addInitScript({ content: bridgeScript() });
  await context.addInitScript({ content: fileDialogScript() });

  // Closing with unsaved changes: the page's beforeunload holds the window, and the renderer asks the officer
  // (the closeRequested event), as Electron's close guard does; its answer comes back as closeConfirmed.
  await appPage.addInitScript(() => {
    window.addEventListener('beforeunload', (event) => {
      if ((window as unknown as { __workbenchUnsaved?: boolean }).__workbenchUnsaved) event.preventDefault();
    });
  });
  appPage.on('dialog', (dialog) => {
    if (dialog.type() === 'beforeunload') {
      void dialog.dismiss().catch(() => undefined);
      emitTo(appPage, 'closeRequested', {});
    } else void dialog.dismiss().catch(() => undefined);
  });

  let quitting: Promise<void> | null = null;
  const quit = () => {
    quitting ??= (async () => {
      await Promise.race([
        Promise.allSettled([
          composition.documents.closeAll(),
          composition.documentService.close(),
          composition.workshop.close(),
        ]),
        new Promise((resolve) => setTimeout(resolve, QUIT_GRACE_MS)),
      ]);
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    })();
    return quitting;
  };
  const closed = new Promise<void>((resolve) => {
    appPage.on('close', () => void quit().then(resolve));
    context.on('close', () => void quit().then(resolve));
  });

  await appPage.goto(`${BROWSER_ORIGIN}/index.html`);
  // The renderer listens for openFile once it has drawn its first screen.
  await appPage.getByRole('heading', { level: 1 }).first().waitFor();
  // As Electron's main does: the page gets a handle to the file, never a path it could use itself.
  if (options.openPath) emitTo(appPage, 'openFile', { file: composition.fileHandles.issue(options.openPath), path: options.openPath });
  return { context, page: appPage, composition, blocked: route.blocked, closed, quit };
}
