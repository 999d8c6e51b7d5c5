/**
 * Composition root of the Electron main process: single-instance lock, app:// protocol, security guards,
 * IPC wiring, menu and window. Everything with logic lives in services and pure modules it wires together.
 */
import { app, dialog, ipcMain, Menu, net, protocol, session, shell, type WebContents } from 'electron';
import Store, { type Schema } from 'electron-store';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNEL_NAMES, ipcChannel, type EventName } from '../../shared/ipc/channel-names';
import type { EventPayload, MenuCommand } from '../../shared/ipc/contract';
import type { Settings } from '../../shared/settings/settings-schema';
import { electronDialogs, electronShell } from './adapters/electron-ports';
import { createElectronPdfPrinter } from './adapters/electron-pdf-printer';
import { electronPresenter } from './adapters/presenter-window';
import { resolveBuiltInTemplatesDir } from './services/documents/template-folders';
import { compose, type Composition } from './compose';
import { workbookPathFromArgv } from './launch-args';
import { buildMenuTemplate } from './menu-template';
import { createRendererLossHandlers } from './renderer-loss';
import {
  allowedExternalUrl,
  allowedRequestUrl,
  allowNavigation,
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isTrustedSenderUrl,
  NO_DICTIONARY_DOWNLOADS,
  resolveAppUrl,
} from './security-policy';
import { setAsideIfUnreadable } from './services/bounded-read';
import { createFileLogger } from './services/file-logger';
import { settingsJsonSchema } from './services/settings-service';
import { createMainWindow, type MainWindow } from './window';

const APP_NAME = 'Alignment Workbench';
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererRoot = join(__dirname, '../renderer');
const preloadPath = join(__dirname, '../preload/index.cjs');
/** How long quitting waits for locks to be released and the printer to stop. */
const QUIT_GRACE_MS = 5_000;
/** Preferences, twenty recent files and the window's place: a few kilobytes. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

let main: MainWindow | null = null;
let composition: Composition | null = null;
/** A workbook to open once the window is ready (from the command line or the OS before startup finished). */
let pendingOpen: string | null = workbookPathFromArgv(process.argv);

function send<E extends EventName>(event: E, payload: EventPayload<E>) {
  const win = main?.window;
  if (win && !win.isDestroyed()) win.webContents.send(ipcChannel(event), payload);
}

function openFromOutside(path: string) {
  if (!main || main.window.webContents.isLoading()) {
    pendingOpen = path;
    return;
  }
  if (main.window.isMinimized()) main.window.restore();
  main.window.focus();
  sendOpenFile(path);
}

/** The page is told of a file to open by a handle main issues; it never hands main a path. */
function sendOpenFile(path: string) {
  if (composition) send('openFile', { file: composition.fileHandles.issue(path), path });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const path = workbookPathFromArgv(argv);
    if (path) openFromOutside(path);
    else if (main) {
      if (main.window.isMinimized()) main.window.restore();
      main.window.focus();
    }
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFromOutside(path);
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  // Locks, the printer and the workshop service are let go only once quitting is certain (every window has
  // closed: one with unsaved work may still refuse), and the app waits for them, so no lock file is left to tell
  // colleagues the workbook is still open. A close that hangs does not keep the app alive.
  let released = false;
  app.on('will-quit', (event) => {
    if (released || !composition) return;
    released = true;
    event.preventDefault();
    const c = composition;
    void Promise.race([
      Promise.allSettled([c.documents.closeAll(), c.documentService.close(), c.workshop.close()]),
      new Promise((resolve) => setTimeout(resolve, QUIT_GRACE_MS)),
    ]).then(() => app.quit());
  });
  app.whenReady().then(start, (e: unknown) => {
    console.error(e);
    app.quit();
  });
}

function guardWebContents(contents: WebContents) {
  contents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const allowed = allowedExternalUrl(url);
    if (allowed) void shell.openExternal(allowed);
    return { action: 'deny' };
  });
}

function serveRenderer() {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppUrl(request.url, rendererRoot);
    if (!file) return new Response('Not found', { status: 404 });
    let response: Response;
    try {
      response = await net.fetch(pathToFileURL(file).toString());
    } catch {
      // net.fetch rejects for a missing file; answer like a web server rather than failing the request.
      return new Response('Not found', { status: 404 });
    }
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

/** No network: every request but the app's own files and inline data is cancelled, in every window. */
function blockNetwork() {
  const ses = session.defaultSession;
  ses.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_DOWNLOADS);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowedRequestUrl(details.url, devServerUrl) }));
}

function denyAllPermissions() {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}

async function start() {
  app.setAppLogsPath();
  const log = createFileLogger(app.getPath('logs'));
  const setAside = await setAsideIfUnreadable(join(app.getPath('userData'), 'settings.json'), MAX_SETTINGS_BYTES);
  if (setAside) log.error(setAside);
  const store = new Store<Settings>({
    name: 'settings',
    schema: settingsJsonSchema() as Schema<Settings>,
    clearInvalidConfig: true,
  });
  serveRenderer();
  blockNetwork();
  denyAllPermissions();

  const rebuildMenu = () => {
    if (!composition) return;
    const template = buildMenuTemplate(process.platform, APP_NAME, composition.settings.recentFiles(), {
      command: (command: MenuCommand) => send('menuCommand', { command }),
      openRecent: (path) => sendOpenFile(path),
      clearRecent: () => {
        composition?.settings.clearRecentFiles();
        rebuildMenu();
      },
      openLogsFolder: () => void shell.openPath(app.getPath('logs')),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const presenter = electronPresenter({
    preloadPath,
    url: `${devServerUrl ?? `${APP_ORIGIN}/index.html`}#presenter`,
    consoleWindow: () => main?.window ?? null,
    onClosed: () => send('presenterClosed', {}),
  });
  composition = compose({
    appName: APP_NAME,
    version: app.getVersion(),
    dataFolder: app.getPath('userData'),
    logsFolder: app.getPath('logs'),
    store,
    dialogs: electronDialogs(() => main?.window ?? null, () => app.getPath('documents')),
    shell: electronShell(),
    window: {
      setTitle: (title) => main?.window.setTitle(title),
      setDirty: (dirty) => main?.setDirty(dirty),
      closeConfirmed: () => main?.closeConfirmed(),
    },
    log,
    isTrustedSender: (url) => isTrustedSenderUrl(url, devServerUrl),
    onRecentFilesChanged: rebuildMenu,
    // out/main/index.js → the app root, as for the renderer folder above (templates ship beside out/).
    builtInTemplatesDir: resolveBuiltInTemplatesDir(join(__dirname, '../..')),
    // The printing window is made on the first PDF, not at start-up.
    startPdfPrinter: async () => createElectronPdfPrinter(),
    events: { send },
    presenter,
  });
  const { router, settings } = composition;

  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) =>
      router.handle(name, input, { senderUrl: event.senderFrame?.url ?? '' }),
    );
  }

  main = createMainWindow({
    preloadPath,
    bounds: settings.windowBounds(),
    onBoundsChanged: (bounds) => settings.setWindowBounds(bounds),
    onCloseWithUnsavedChanges: () => send('closeRequested', {}),
  });
  const loss = createRendererLossHandlers({
    log: (message) => log.error(message),
    ask: async (message) => {
      const win = main?.window;
      const options = { type: 'error' as const, noLink: true, defaultId: 0, cancelId: message.buttons.length - 1, ...message, buttons: [...message.buttons] };
      const result = win && !win.isDestroyed() ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      return result.response;
    },
    keepRecoverySnapshots: () => composition?.recovery.startNewPageRun(),
    forgetUnsavedChanges: () => main?.setDirty(false),
    reload: () => main?.window.webContents.reload(),
    endHungPage: () => main?.window.webContents.forcefullyCrashRenderer(),
    close: () => main?.closeConfirmed(),
  });
  main.window.webContents.on('render-process-gone', (_event, details) => void loss.gone(details));
  main.window.on('unresponsive', () => void loss.unresponsive());
  // The projector view belongs to the console: it goes when the console goes, so the app can quit.
  main.window.on('closed', () => presenter.close());
  rebuildMenu();
  main.window.webContents.on('did-finish-load', () => {
    if (pendingOpen) {
      sendOpenFile(pendingOpen);
      pendingOpen = null;
    }
  });
  await main.window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  log.info(`${APP_NAME} ${app.getVersion()} started`);
}

