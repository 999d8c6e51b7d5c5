/**
 * A recording stand-in for the main-process half of the `electron` module. The real package throws (or tries
 * to download its binary) when imported from plain Node, so the wiring test resolves `electron` to this file
 * and then reads back what the built main bundle asked Electron to do. It imitates only what the bundle and
 * electron-store use, and it behaves like Electron where that matters to a check (a second ipcMain.handle on
 * one channel throws; net.fetch of a missing file rejects; a new BrowserWindow emits web-contents-created).
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import process from 'node:process';
import { setImmediate } from 'node:timers';
import { fileURLToPath, URL } from 'node:url';

/* global Response -- Node's fetch Response, as Electron's protocol handlers use */

const root = process.env.WIRING_ROOT;
if (!root) throw new Error('electron-stub: WIRING_ROOT must name a temporary folder');

/** Everything the bundle did through Electron, for the runner to report. */
export const record = {
  singleInstanceLockRequests: 0,
  quitCalls: 0,
  privilegedSchemes: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  ipcListeners: [],
  windows: [],
  applicationMenu: null,
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  devicePermissionHandler: null,
  openedExternally: [],
  openedPaths: [],
  shownInFolder: [],
  dialogs: [],
  appLogsPathSet: false,
  reloads: 0,
  crashesForced: 0,
  messageBoxes: [],
  /** The button label the next message boxes answer with (the runner sets it). */
  messageBoxAnswer: null,
  /** The file the next open dialog answers with (the runner sets it); cancelled when null. */
  openDialogAnswer: null,
  beforeRequestHandler: null,
  dictionaryDownloadUrl: null,
};

let loaded;
/** Resolves when the main window has been told to load its page: start-up has finished its synchronous part. */
export const windowLoaded = new Promise((resolve) => (loaded = resolve));

const paths = {
  home: join(root, 'home'),
  appData: join(root, 'appData'),
  userData: join(root, 'appData', 'Alignment Workbench'),
  logs: join(root, 'appData', 'Alignment Workbench', 'logs'),
  documents: join(root, 'home', 'Documents'),
  temp: join(root, 'temp'),
};
for (const p of Object.values(paths)) mkdirSync(p, { recursive: true });

let ready = false;
/** Electron refuses these before the app is ready; so does the stand-in, so ordering mistakes show up. */
function requireReady(what) {
  if (!ready) throw new Error(`${what} cannot be used before the app is ready`);
}

class App extends EventEmitter {
  requestSingleInstanceLock() {
    record.singleInstanceLockRequests += 1;
    return process.env.WIRING_SINGLE_INSTANCE_LOCK !== 'denied';
  }
  quit() {
    record.quitCalls += 1;
  }
  whenReady() {
    return Promise.resolve().then(() => {
      ready = true;
    });
  }
  isReady() {
    return ready;
  }
  getPath(name) {
    const p = paths[name];
    if (!p) throw new Error(`electron-stub: app.getPath('${name}') is not imitated`);
    return p;
  }
  setAppLogsPath() {
    record.appLogsPathSet = true;
  }
  getVersion() {
    return '0.0.0-wiring';
  }
  getName() {
    return 'Alignment Workbench';
  }
  get isPackaged() {
    return false;
  }
}
export const app = new App();

let nextId = 1;
class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextId++;
    this.sent = [];
    this.loading = true;
    this.windowOpenHandler = null;
  }
  send(channel, payload) {
    this.sent.push({ channel, payload });
  }
  reload() {
    record.reloads += 1;
  }
  forcefullyCrashRenderer() {
    record.crashesForced += 1;
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  isLoading() {
    return this.loading;
  }
  isDestroyed() {
    return false;
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    requireReady('BrowserWindow');
    this.options = options;
    this.webContents = new WebContents();
    this.loadedUrls = [];
    this.titles = [];
    this.closeCalls = 0;
    this.closeOutcomes = [];
    this.documentEdited = [];
    record.windows.push(this);
    app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
  }
  static getAllWindows() {
    return [...record.windows];
  }
  loadURL(url) {
    this.loadedUrls.push(url);
    this.webContents.loading = false;
    setImmediate(() => {
      this.webContents.emit('did-finish-load');
      loaded();
    });
    return Promise.resolve();
  }
  setTitle(title) {
    this.titles.push(title);
  }
  setDocumentEdited(value) {
    this.documentEdited.push(value);
  }
  close() {
    this.closeCalls += 1;
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('close', event);
    this.closeOutcomes.push(event.defaultPrevented ? 'prevented' : 'closed');
    if (!event.defaultPrevented) this.emit('closed');
    return event.defaultPrevented;
  }
  show() {}
  focus() {}
  restore() {}
  maximize() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isFullScreen() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 10, width: 1280, height: 840 };
  }
}

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => {
    record.applicationMenu = menu ? menu.template : null;
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged must be called before the app is ready');
    record.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    requireReady('protocol.handle');
    if (record.protocolHandlers.has(scheme)) throw new Error(`Protocol "${scheme}" is already handled`);
    record.protocolHandlers.set(scheme, handler);
  },
  isProtocolHandled: (scheme) => record.protocolHandlers.has(scheme),
};

const MIME = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const net = {
  /** Like Electron's net.fetch for file: URLs: the file's bytes, or a rejection (ERR_FILE_NOT_FOUND) when it is missing. */
  async fetch(url) {
    const u = new URL(url);
    if (u.protocol !== 'file:') throw new Error(`electron-stub: net.fetch(${url}) would reach the network`);
    const file = fileURLToPath(u);
    let body;
    try {
      body = readFileSync(file);
    } catch {
      throw new Error(`net::ERR_FILE_NOT_FOUND ${url}`);
    }
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' },
    });
  },
};

export const session = {
  get defaultSession() {
    requireReady('session.defaultSession');
    return defaultSession;
  },
};
const defaultSession = {
  webRequest: {
    onBeforeRequest: (...args) => {
      if (record.beforeRequestHandler) throw new Error('a session has one onBeforeRequest listener; a second replaces the first');
      record.beforeRequestHandler = args.at(-1);
    },
  },
  setSpellCheckerDictionaryDownloadURL: (url) => (record.dictionaryDownloadUrl = url),
  setPermissionRequestHandler: (handler) => (record.permissionRequestHandler = handler),
  setPermissionCheckHandler: (handler) => (record.permissionCheckHandler = handler),
  setDevicePermissionHandler: (handler) => (record.devicePermissionHandler = handler),
};

class IpcMain extends EventEmitter {
  handle(channel, handler) {
    if (record.ipcHandlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    record.ipcHandlers.set(channel, handler);
  }
  removeHandler(channel) {
    record.ipcHandlers.delete(channel);
  }
  on(channel, listener) {
    record.ipcListeners.push(channel);
    return super.on(channel, listener);
  }
}
export const ipcMain = new IpcMain();

export const shell = {
  openExternal: async (url) => {
    record.openedExternally.push(url);
  },
  openPath: async (path) => {
    record.openedPaths.push(path);
    return '';
  },
  showItemInFolder: (path) => {
    record.shownInFolder.push(path);
  },
};

export const dialog = {
  showOpenDialog: async (...args) => {
    record.dialogs.push({ kind: 'open', options: args.at(-1) });
    const answer = record.openDialogAnswer;
    record.openDialogAnswer = null;
    return answer ? { canceled: false, filePaths: [answer] } : { canceled: true, filePaths: [] };
  },
  showSaveDialog: async (...args) => {
    record.dialogs.push({ kind: 'save', options: args.at(-1) });
    return { canceled: true };
  },
  showMessageBox: async (...args) => {
    const options = args.at(-1);
    record.messageBoxes.push({ message: options.message, buttons: options.buttons });
    return { response: Math.max(0, options.buttons.indexOf(record.messageBoxAnswer)) };
  },
};

/** The laptop's own screen and, to its right, a projector on an extended desktop. */
export const screen = {
  getAllDisplays: () => [
    { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
    { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 }, workArea: { x: 1920, y: 0, width: 1280, height: 720 } },
  ],
};

export default { app, BrowserWindow, Menu, protocol, net, session, ipcMain, shell, dialog, screen };
