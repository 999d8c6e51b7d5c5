/**
 * The application menu as data. Commands the renderer owns (new, open, save, undo…) are sent to it as
 * menuCommand events; their shortcuts are shown in the menu but handled by the renderer's own key handler
 * (registerAccelerator: false), so keys and menu behave the same in the app and in the browser test harness.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import type { RecentFile } from '../../shared/settings/settings-schema';

export interface MenuActions {
  command(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
  openLogsFolder(): void;
}

export function buildMenuTemplate(
  platform: NodeJS.Platform,
  appName: string,
  recent: readonly RecentFile[],
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => actions.command(command),
  });

  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent workbooks', enabled: false }]
      : recent.map((r, i) => ({
          label: `${i < 9 ? `&${i + 1} ` : ''}${r.title.replace(/&/g, '&&')} — ${r.path.replace(/&/g, '&&')}`,
          click: () => actions.openRecent(r.path),
        }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      cmd('&New Workbook', 'new', 'CmdOrCtrl+N'),
      cmd('&Open…', 'open', 'CmdOrCtrl+O'),
      {
        label: 'Open &Recent',
        submenu: [
          ...recentItems,
          { type: 'separator' },
          { label: '&Clear Recent', enabled: recent.length > 0, click: () => actions.clearRecent() },
        ],
      },
      { type: 'separator' },
      cmd('&Save', 'save', 'CmdOrCtrl+S'),
      cmd('Save &As…', 'save-as', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      cmd('&Close Workbook', 'close', 'CmdOrCtrl+W'),
      ...(mac ? [] : ([{ type: 'separator' }, { role: 'quit', label: 'E&xit' }] as MenuItemConstructorOptions[])),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      cmd('&Undo', 'undo', 'CmdOrCtrl+Z'),
      cmd('&Redo', 'redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { role: 'cut', label: 'Cu&t' },
      { role: 'copy', label: '&Copy' },
      { role: 'paste', label: '&Paste' },
      { role: 'selectAll', label: 'Select &All' },
      { type: 'separator' },
      cmd('&Find…', 'find', 'CmdOrCtrl+F'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom', label: '&Actual Size' },
      { role: 'zoomIn', label: 'Zoom &In' },
      { role: 'zoomOut', label: 'Zoom &Out' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: '&Full Screen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    submenu: [
      cmd(`&About ${appName}`, 'about'),
      { label: 'Open &Logs Folder', click: () => actions.openLogsFolder() },
    ],
  };

  const macApp: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      cmd(`About ${appName}`, 'about'),
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  return mac ? [macApp, file, edit, view, help] : [file, edit, view, help];
}
