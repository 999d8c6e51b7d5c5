/**
 * The main window: secure web preferences, remembered size and position, and the close guard that lets the
 * renderer ask about unsaved changes first.
 */
import { BrowserWindow, screen } from 'electron';
import type { WindowBounds } from '../../shared/settings/settings-schema';

/** Exported so the wiring test can compare what the built bundle passes to BrowserWindow. */
export const SECURE_WEB_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: true,
} as const;

function visibleOnSomeDisplay(b: WindowBounds): boolean {
  return screen.getAllDisplays().some(({ workArea: a }) => {
    const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
    const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
    return overlapX >= 100 && overlapY >= 50;
  });
}

export interface MainWindowOptions {
  preloadPath: string;
  bounds: WindowBounds | null;
  onBoundsChanged: (bounds: WindowBounds) => void;
  /** Called when the user tries to close while the renderer reported unsaved changes. */
  onCloseWithUnsavedChanges: () => void;
}

export interface MainWindow {
  readonly window: BrowserWindow;
  setDirty(dirty: boolean): void;
  closeConfirmed(): void;
}

export function createMainWindow(options: MainWindowOptions): MainWindow {
  const saved = options.bounds && visibleOnSomeDisplay(options.bounds) ? options.bounds : null;
  const win = new BrowserWindow({
    width: saved?.width ?? 1280,
    height: saved?.height ?? 840,
    ...(saved ? { x: saved.x, y: saved.y } : {}),
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Alignment Workbench',
    backgroundColor: '#ffffff',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preloadPath },
  });
  if (saved?.maximised) win.maximize();

  let dirty = false;
  let closing = false;
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const b = win.getNormalBounds();
    options.onBoundsChanged({ x: b.x, y: b.y, width: b.width, height: b.height, maximised: win.isMaximized() });
  };
  let pending: ReturnType<typeof setTimeout> | null = null;
  const rememberSoon = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(remember, 500);
  };
  win.on('resize', rememberSoon);
  win.on('move', rememberSoon);
  win.on('ready-to-show', () => win.show());
  win.on('close', (event) => {
    remember();
    if (dirty && !closing) {
      event.preventDefault();
      options.onCloseWithUnsavedChanges();
    }
  });

  return {
    window: win,
    setDirty(value) {
      dirty = value;
      if (process.platform === 'darwin') win.setDocumentEdited(value);
    },
    closeConfirmed() {
      closing = true;
      win.close();
    },
  };
}
