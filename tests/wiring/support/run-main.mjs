/**
 * Child-process driver for the wiring test: loads the BUILT main bundle with `electron` resolved to the
 * recording stand-in, lets start-up finish, then plays the part of Electron and of a hostile page (protocol
 * requests, navigation, window.open, permission requests, IPC from trusted and untrusted frames, menu clicks,
 * a second launch, closing with unsaved changes) and writes what happened as JSON.
 *
 * Usage: WIRING_ROOT=<temp dir> node run-main.mjs <out/main/index.js> <report.json> [argv the app sees...]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'node:module';
import process from 'node:process';
import { setImmediate, setTimeout } from 'node:timers';
import { pathToFileURL, URL } from 'node:url';

/* global Request -- Node's fetch Request, as Electron hands to protocol handlers */

const [, , bundlePath, reportPath] = process.argv;
const stubUrl = new URL('./electron-stub.mjs', import.meta.url).href;
register('./electron-hooks.mjs', import.meta.url, { data: { stubUrl } });

const TRUSTED = 'app://workbench/index.html';
const report = { fatal: null };

function finish(code) {
  writeFileSync(reportPath, JSON.stringify(report, null, 2));
  process.exit(code);
}

const timeout = (ms, what) =>
  new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms),
  );

function cancellable() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

function plainMenu(items) {
  return items.map((item) => ({
    label: item.label ?? null,
    role: item.role ?? null,
    type: item.type ?? 'normal',
    accelerator: item.accelerator ?? null,
    registerAccelerator: item.registerAccelerator ?? null,
    enabled: item.enabled ?? true,
    clickable: typeof item.click === 'function',
    submenu: Array.isArray(item.submenu) ? plainMenu(item.submenu) : null,
  }));
}

function leaves(items, trail = []) {
  return items.flatMap((item) => {
    const path = [...trail, item.label ?? item.role ?? item.type];
    return Array.isArray(item.submenu) ? leaves(item.submenu, path) : [{ path, item }];
  });
}

async function main() {
  const { record, windowLoaded, app, BrowserWindow } = await import(stubUrl);
  await import(pathToFileURL(bundlePath).href);

  report.singleInstanceLockRequests = record.singleInstanceLockRequests;
  report.privilegedSchemes = record.privilegedSchemes;

  if (process.env.WIRING_SINGLE_INSTANCE_LOCK === 'denied') {
    await new Promise((r) => setTimeout(r, 300));
    report.quitCalls = record.quitCalls;
    report.windowCount = record.windows.length;
    report.ipcHandleChannels = [...record.ipcHandlers.keys()];
    report.protocolSchemes = [...record.protocolHandlers.keys()];
    return;
  }

  await Promise.race([windowLoaded, timeout(15_000, 'the main window to load')]);
  await new Promise((r) => setImmediate(r));

  const win = record.windows[0];
  const contents = win.webContents;
  report.appLogsPathSet = record.appLogsPathSet;
  report.windows = record.windows.map((w) => ({
    options: JSON.parse(JSON.stringify(w.options)),
    loadedUrls: w.loadedUrls,
  }));
  report.protocolSchemes = [...record.protocolHandlers.keys()];
  report.ipcHandleChannels = [...record.ipcHandlers.keys()];
  report.ipcListenerChannels = [...record.ipcListeners];
  report.sentOnLoad = [...contents.sent];

  // The app:// protocol, with real files and hostile URLs.
  const handler = record.protocolHandlers.get('app');
  report.protocol = [];
  for (const url of JSON.parse(process.env.WIRING_PROTOCOL_URLS ?? '[]')) {
    try {
      const response = await handler(new Request(url));
      const body = await response.text();
      report.protocol.push({
        url,
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: body.slice(0, 300),
      });
    } catch (e) {
      report.protocol.push({ url, thrown: String(e instanceof Error ? e.message : e) });
    }
  }

  // Permissions: every request refused, every check false, every device refused.
  const permissions = [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'fullscreen',
    'midi',
    'pointerLock',
  ];
  report.permissionRequests = [];
  for (const permission of permissions) {
    await new Promise((resolve) => {
      record.permissionRequestHandler(
        contents,
        permission,
        (granted) => {
          report.permissionRequests.push({ permission, granted });
          resolve();
        },
        { requestingUrl: TRUSTED },
      );
    });
  }
  report.permissionChecks = permissions.map((p) => ({
    permission: p,
    granted: record.permissionCheckHandler?.(contents, p, 'app://workbench', {}) ?? null,
  }));
  report.deviceChecks = ['hid', 'serial', 'usb'].map((deviceType) => ({
    deviceType,
    granted: record.devicePermissionHandler?.({ deviceType, origin: 'app://workbench' }) ?? null,
  }));

  // Web-contents guards: on the main window, and on any web contents created later (print windows, etc.).
  const requests = [
    'app://workbench/index.html',
    'app://workbench/assets/index.js',
    'data:image/png;base64,AAAA',
    'https://www.gov.uk/',
    'http://example.org/x.js',
    'wss://example.org/socket',
    'file:///etc/passwd',
    'https://redirector.gvt1.com/edgedl/chrome/dict/en-gb-10-1.bdic',
    'app://evil/index.html',
    'ftp://example.org/',
  ];
  report.network = {
    dictionaryDownloadUrl: record.dictionaryDownloadUrl,
    requests: requests.map((url) => {
      let answer = null;
      record.beforeRequestHandler?.({ url, method: 'GET', resourceType: 'other' }, (response) => (answer = response));
      return { url, cancel: answer?.cancel ?? null };
    }),
  };

  const later = new BrowserWindow({ show: false });
  const guards = (wc) => {
    const navigation = [
      'https://example.org/',
      'http://example.org/',
      'app://workbench/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
    ].map((url) => {
      const event = cancellable();
      wc.emit('will-navigate', event, url);
      return { url, prevented: event.defaultPrevented };
    });
    const redirect = cancellable();
    wc.emit('will-redirect', redirect, 'https://example.org/');
    const webview = cancellable();
    wc.emit('will-attach-webview', webview, { preload: '/tmp/evil.js' }, { src: 'https://example.org/' });
    const windowOpen = [
      'https://www.gov.uk/government/publications/libraries-strategy',
      'http://example.org/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'smb://server/share',
      'https://user:pass@example.org/',
      'mailto:libraries@example.gov.uk',
      'app://workbench/index.html',
    ].map((url) => {
      const before = record.openedExternally.length;
      const result = wc.windowOpenHandler
        ? wc.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' })
        : null;
      return { url, action: result?.action ?? null, openedExternally: record.openedExternally.slice(before) };
    });
    return {
      navigation,
      redirectPrevented: redirect.defaultPrevented,
      webviewPrevented: webview.defaultPrevented,
      windowOpen,
    };
  };
  report.guards = { main: guards(contents), later: guards(later.webContents) };
  await new Promise((r) => setImmediate(r));

  // IPC through the registered handlers, as Electron would call them.
  const invoke = (channel, input, senderUrl) =>
    record.ipcHandlers.get(`workbench:${channel}`)(
      { senderFrame: senderUrl === null ? null : { url: senderUrl }, sender: contents },
      input,
    );
  report.ipc = {
    trusted: await invoke('getAppInfo', {}, TRUSTED),
    untrusted: await invoke('getAppInfo', {}, 'https://evil.example/'),
    fileSender: await invoke('getAppInfo', {}, 'file:///tmp/index.html'),
    noFrame: await invoke('getAppInfo', {}, null),
    invalidInput: await invoke('setWindowState', { title: 5, dirty: 'yes' }, TRUSTED),
    setPreferences: await invoke('setPreferences', { authorName: 'Jo Bloggs' }, TRUSTED),
    openExternalFile: await invoke('openExternal', { url: 'file:///etc/passwd' }, TRUSTED),
  };

  // The presenter window for the projector: opened through IPC, shown what the console pushes, closed again.
  const windowsBefore = record.windows.length;
  const mainSentBefore = contents.sent.length;
  report.presenter = { open: await invoke('openPresenter', {}, TRUSTED) };
  const presenterWin = record.windows[windowsBefore];
  report.presenter.window = presenterWin
    ? { options: JSON.parse(JSON.stringify(presenterWin.options)), loadedUrls: presenterWin.loadedUrls }
    : null;
  const shown = { held: false, key: 'message', title: 'Partners', screen: { kind: 'message', heading: 'Welcome', body: '' }, timer: null, fontPx: 0 };
  report.presenter.show = await invoke('showOnPresenter', shown, TRUSTED);
  report.presenter.sentToPresenter = presenterWin ? [...presenterWin.webContents.sent] : [];
  report.presenter.latest = await invoke('getPresenterState', {}, TRUSTED);
  report.presenter.sentToMainWhileOpen = contents.sent.slice(mainSentBefore);
  report.presenter.close = await invoke('closePresenter', {}, TRUSTED);
  report.presenter.sentToMainOnClose = contents.sent.slice(mainSentBefore);
  report.presenter.showAfterClose = await invoke('showOnPresenter', shown, TRUSTED);

  // Closing with unsaved changes asks the renderer first; confirmClose then lets the window close.
  // The page crashes with unsaved changes marked: the officer is asked, and the answer is carried out.
  await invoke('setWindowState', { title: 'Crash test', dirty: true }, TRUSTED);
  const settle = () => new Promise((r) => setTimeout(r, 50));
  record.messageBoxAnswer = 'Reload and recover';
  contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
  await settle();
  const afterCrash = { reloads: record.reloads, messageBoxes: [...record.messageBoxes] };
  win.emit('unresponsive');
  await settle();
  contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
  await settle();
  report.rendererLoss = {
    afterCrash,
    afterHang: { reloads: record.reloads, crashesForced: record.crashesForced, messageBoxes: record.messageBoxes.length },
  };

  await invoke(
    'setWindowState',
    { title: '*Essex.awbook – Authority – Alignment Workbench', dirty: true },
    TRUSTED,
  );
  report.titles = [...win.titles];
  let mark = contents.sent.length;
  const firstClosePrevented = win.close();
  const sentOnClose = contents.sent.slice(mark);
  const confirm = await invoke('confirmClose', {}, TRUSTED);
  report.close = { firstClosePrevented, sentOnClose, confirm, closeOutcomes: [...win.closeOutcomes] };

  // The application menu: its shape, and what each item does when clicked.
  report.menu = record.applicationMenu ? plainMenu(record.applicationMenu) : null;
  report.menuClicks = [];
  for (const { path, item } of leaves(record.applicationMenu ?? [])) {
    if (typeof item.click !== 'function') continue;
    mark = contents.sent.length;
    const opened = record.openedPaths.length;
    item.click();
    await new Promise((r) => setImmediate(r));
    report.menuClicks.push({
      path,
      sent: contents.sent.slice(mark),
      openedPaths: record.openedPaths.slice(opened),
    });
  }

  // A second launch with a workbook, a second launch without one, and the macOS open-file event.
  mark = contents.sent.length;
  app.emit(
    'second-instance',
    cancellable(),
    [
      'C:\\Program Files\\Alignment Workbench\\Alignment Workbench.exe',
      '--flag',
      'D:\\Shared\\Libraries\\Essex.awbook',
    ],
    'C:\\',
  );
  app.emit(
    'second-instance',
    cancellable(),
    ['C:\\Program Files\\Alignment Workbench\\Alignment Workbench.exe'],
    'C:\\',
  );
  const openFile = cancellable();
  app.emit('open-file', openFile, '/Users/jo/Documents/Essex.awbook');
  report.launches = { sent: contents.sent.slice(mark), openFilePrevented: openFile.defaultPrevented };

  const quitsBefore = record.quitCalls;
  app.emit('window-all-closed');
  report.quitOnAllClosed = record.quitCalls - quitsBefore;

  // Quitting: with a workbook open, the app holds off until its lock file is gone, then quits for good.
  const folder = join(process.env.WIRING_ROOT, 'home', 'Documents');
  const workbookPath = join(folder, 'Quit test.awbook');
  writeFileSync(workbookPath, readFileSync(new URL('../../../shared/samples/sample-workbook.json', import.meta.url)));
  const lockPath = join(folder, '~$Quit test.awbook.lock');
  // Opened as the officer does, through main's own dialog: the page never names a path.
  record.openDialogAnswer = workbookPath;
  const opened = await invoke('openWorkbook', {}, TRUSTED);
  const lockedWhileOpen = existsSync(lockPath);
  const quitsBeforeWillQuit = record.quitCalls;
  const willQuit = cancellable();
  app.emit('will-quit', willQuit);
  await Promise.race([
    new Promise((resolve) => {
      const poll = () => (record.quitCalls > quitsBeforeWillQuit ? resolve() : setTimeout(poll, 20));
      poll();
    }),
    timeout(10_000, 'the app to quit after releasing its locks'),
  ]);
  const again = cancellable();
  app.emit('will-quit', again);
  report.quit = {
    opened: opened?.ok === true,
    lockedWhileOpen,
    firstPrevented: willQuit.defaultPrevented,
    lockedAfter: existsSync(lockPath),
    quitCalls: record.quitCalls - quitsBeforeWillQuit,
    secondPrevented: again.defaultPrevented,
  };
}

main().then(
  () => finish(0),
  (e) => {
    report.fatal = e instanceof Error ? (e.stack ?? e.message) : String(e);
    finish(1);
  },
);
