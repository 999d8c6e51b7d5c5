/**
 * The presenter window for the projector: the app's own renderer on its #presenter route, with the same secure
 * web preferences and preload as the main window, full screen on the external display when there is one. It
 * shows only the state the console pushes (the presenterState event); closing it tells the console.
 */
import { BrowserWindow, screen } from 'electron';
import type { PresenterPlacement } from '../../../shared/ipc/workshop-contract';
import type { PresenterState } from '../../../shared/workshop/presenter-state';
import { ipcChannel } from '../../../shared/ipc/channel-names';
import type { PresenterPort } from '../ipc/workshop-handlers';
import { choosePresenterDisplay } from '../presenter-placement';
import { SECURE_WEB_PREFERENCES } from '../window';

export interface PresenterWindowOptions {
  readonly preloadPath: string;
  /** The renderer page to load, with the #presenter route. */
  readonly url: string;
  readonly consoleWindow: () => BrowserWindow | null;
  readonly onClosed: () => void;
}

export function electronPresenter(options: PresenterWindowOptions): PresenterPort {
  let win: BrowserWindow | null = null;
  const alive = () => (win && !win.isDestroyed() ? win : null);
  return {
    async open(): Promise<PresenterPlacement> {
      const consoleWin = options.consoleWindow();
      const consoleBounds =
        consoleWin && !consoleWin.isDestroyed()
          ? consoleWin.getNormalBounds()
          : { x: 0, y: 0, width: 1, height: 1 };
      const choice = choosePresenterDisplay(
        screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds })),
        consoleBounds,
      );
      const existing = alive();
      if (existing) {
        existing.focus();
        return choice?.external ? 'external-display' : 'full-screen';
      }
      const bounds = choice?.bounds ?? { x: 0, y: 0, width: 1280, height: 720 };
      const created = new BrowserWindow({
        x: bounds.x,
        y: bounds.y,
        width: bounds.width,
        height: bounds.height,
        fullscreen: true,
        autoHideMenuBar: true,
        show: false,
        title: 'Alignment Workbench – presenter view',
        backgroundColor: '#ffffff',
        webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preloadPath },
      });
      win = created;
      created.on('ready-to-show', () => created.show());
      created.on('closed', () => {
        if (win === created) win = null;
        options.onClosed();
      });
      await created.loadURL(options.url);
      // A mirrored display leaves the console's window behind the full-screen presenter; the console keeps focus
      // on an extended desktop so the facilitator can go on working.
      if (choice?.external) consoleWin?.focus();
      return choice?.external ? 'external-display' : 'full-screen';
    },
    close() {
      alive()?.close();
    },
    isOpen: () => alive() !== null,
    show(state: PresenterState) {
      alive()?.webContents.send(ipcChannel('presenterState'), state);
    },
  };
}
