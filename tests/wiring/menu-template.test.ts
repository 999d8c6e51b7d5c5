/**
 * The application menu for each platform, from the pure template builder: the commands council officers
 * expect, shortcuts on Windows/Linux and on macOS, unique access keys for keyboard users, and each item doing
 * what it says.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc/contract';
import type { RecentFile } from '../../shared/settings/settings-schema';
import { buildMenuTemplate, type MenuActions } from '../../electron/main/menu-template';

type Item = MenuItemConstructorOptions;

function build(platform: NodeJS.Platform, recent: readonly RecentFile[] = []) {
  const calls: string[] = [];
  const actions: MenuActions = {
    command: (command: MenuCommand) => calls.push(`command:${command}`),
    openRecent: (path) => calls.push(`openRecent:${path}`),
    clearRecent: () => calls.push('clearRecent'),
    openLogsFolder: () => calls.push('openLogsFolder'),
  };
  return { menu: buildMenuTemplate(platform, 'Alignment Workbench', recent, actions), calls };
}

const shown = (label: string | undefined) =>
  (label ?? '')
    .split('&&')
    .map((part) => part.replace(/&/g, ''))
    .join('&')
    .replace(/…$/, '');
const children = (item: Item | undefined): Item[] =>
  Array.isArray(item?.submenu) ? (item.submenu as Item[]) : [];
const top = (menu: Item[], name: string) => {
  const found = menu.find((m) => shown(m.label) === name);
  if (!found) throw new Error(`no ${name} menu`);
  return children(found);
};
const item = (items: Item[], name: string) => {
  const found = items.find((i) => shown(i.label) === name);
  if (!found) throw new Error(`no ${name} item`);
  return found;
};
const click = (i: Item) => (i.click as unknown as () => void)();
const everyItem = (items: Item[]): Item[] => items.flatMap((i) => [i, ...everyItem(children(i))]);

const SHORTCUTS: Record<'win32' | 'linux' | 'darwin', Record<string, string>> = {
  win32: {
    'New Workbook': 'CmdOrCtrl+N',
    Open: 'CmdOrCtrl+O',
    Save: 'CmdOrCtrl+S',
    'Save As': 'CmdOrCtrl+Shift+S',
    'Close Workbook': 'CmdOrCtrl+W',
    Undo: 'CmdOrCtrl+Z',
    Redo: 'Ctrl+Y',
    Find: 'CmdOrCtrl+F',
  },
  linux: {} as Record<string, string>,
  darwin: {} as Record<string, string>,
};
SHORTCUTS.linux = SHORTCUTS.win32;
SHORTCUTS.darwin = { ...SHORTCUTS.win32, Redo: 'Cmd+Shift+Z' };

describe.each(['win32', 'linux', 'darwin'] as const)('the menu on %s', (platform) => {
  const mac = platform === 'darwin';

  it('has File, Edit, View and Help (and the app menu first on macOS)', () => {
    const { menu } = build(platform);
    const names = menu.map((m) => shown(m.label));
    expect(names).toEqual(
      mac ? ['Alignment Workbench', 'File', 'Edit', 'View', 'Help'] : ['File', 'Edit', 'View', 'Help'],
    );
  });

  it('puts New, Open, Open Recent, Save, Save As and Close in File, with the platform’s shortcuts', () => {
    const file = top(build(platform).menu, 'File');
    for (const name of ['New Workbook', 'Open', 'Save', 'Save As', 'Close Workbook']) {
      expect(item(file, name).accelerator, name).toBe(SHORTCUTS[platform][name]);
    }
    expect(children(item(file, 'Open Recent')).length).toBeGreaterThan(0);
    // Quitting lives in the app menu on macOS and at the foot of File elsewhere.
    expect(file.some((i) => i.role === 'quit')).toBe(!mac);
  });

  it('puts Undo, Redo, Cut, Copy and Paste in Edit, with shortcuts', () => {
    const edit = top(build(platform).menu, 'Edit');
    expect(item(edit, 'Undo').accelerator).toBe(SHORTCUTS[platform].Undo);
    expect(item(edit, 'Redo').accelerator).toBe(SHORTCUTS[platform].Redo);
    expect(item(edit, 'Find').accelerator).toBe(SHORTCUTS[platform].Find);
    // Roles carry Electron's own platform shortcuts (Ctrl+X on Windows, Cmd+X on macOS) and work in text fields.
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(
      expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('puts zoom and full screen in View, as roles with the platform’s shortcuts', () => {
    const roles = top(build(platform).menu, 'View').map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('toggleDevTools');
  });

  it('puts About and Open Logs Folder in Help, and About in the app menu on macOS', () => {
    const { menu, calls } = build(platform);
    const help = top(menu, 'Help');
    expect(help.map((i) => shown(i.label))).toEqual(['About Alignment Workbench', 'Open Logs Folder']);
    click(item(help, 'About Alignment Workbench'));
    click(item(help, 'Open Logs Folder'));
    expect(calls).toEqual(['command:about', 'openLogsFolder']);
    if (mac)
      expect(top(menu, 'Alignment Workbench').map((i) => i.role)).toEqual(
        expect.arrayContaining(['hide', 'quit']),
      );
  });

  it('reaches every renderer command, and each item sends its own command', () => {
    const { menu, calls } = build(platform);
    for (const i of everyItem(menu))
      if (typeof i.click === 'function' && shown(i.label) !== 'Open Logs Folder') click(i);
    const commands = calls.filter((c) => c.startsWith('command:')).map((c) => c.slice('command:'.length));
    expect(new Set(commands)).toEqual(new Set(MENU_COMMANDS));
  });

  it('gives no two items the same shortcut, and shows shortcuts for the renderer to handle', () => {
    const keyed = everyItem(build(platform).menu).filter((i) => i.accelerator);
    const keys = keyed.map((i) => String(i.accelerator).replace('CmdOrCtrl', mac ? 'Cmd' : 'Ctrl'));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keyed.every((i) => i.registerAccelerator === false)).toBe(true);
  });

  if (!mac) {
    it('gives every menu and every item within a menu its own access key (Alt+letter)', () => {
      const { menu } = build(platform, [
        { path: 'C:\\a.awbook', title: 'A', openedAt: '2026-01-01T00:00:00.000Z' },
        { path: 'C:\\b.awbook', title: 'B', openedAt: '2026-01-01T00:00:00.000Z' },
      ]);
      const accessKey = (label: string | undefined) =>
        /&([^&])/.exec((label ?? '').replace(/&&/g, ''))?.[1]?.toLowerCase();
      const check = (items: Item[], where: string) => {
        const labelled = items.filter(
          (i) => i.type !== 'separator' && i.label && i.enabled !== false && !i.role,
        );
        const keysHere = labelled.map((i) => accessKey(i.label));
        expect(
          keysHere.filter((k) => !k),
          `${where}: items without an access key`,
        ).toEqual([]);
        const roleKeys = items
          .filter((i) => i.role && i.label)
          .map((i) => accessKey(i.label))
          .filter(Boolean);
        const all = [...keysHere, ...roleKeys];
        expect(new Set(all).size, `${where}: access keys ${all.join(',')}`).toBe(all.length);
        for (const i of items) if (children(i).length) check(children(i), `${where} › ${shown(i.label)}`);
      };
      check(menu, 'menu bar');
    });
  }
});

describe('Open Recent', () => {
  const recent: RecentFile[] = [
    {
      path: '/data/Arts & Culture.awbook',
      title: 'Arts & Culture plan',
      openedAt: '2026-01-05T10:00:00.000Z',
    },
    ...Array.from({ length: 10 }, (_, n) => ({
      path: `/data/w${n}.awbook`,
      title: `Workbook ${n}`,
      openedAt: '2026-01-01T00:00:00.000Z',
    })),
  ];

  it('says there are none, and disables Clear Recent, when the list is empty', () => {
    const openRecent = children(item(top(build('win32').menu, 'File'), 'Open Recent'));
    expect(openRecent[0]).toMatchObject({ label: 'No recent workbooks', enabled: false });
    expect(item(openRecent, 'Clear Recent').enabled).toBe(false);
  });

  it('numbers the first nine, escapes & so it is shown, and opens the chosen path', () => {
    const { menu, calls } = build('linux', recent);
    const openRecent = children(item(top(menu, 'File'), 'Open Recent'));
    expect(openRecent[0]!.label).toBe('&1 Arts && Culture plan — /data/Arts && Culture.awbook');
    expect(openRecent[8]!.label).toMatch(/^&9 Workbook 7/);
    expect(openRecent[9]!.label).toMatch(/^Workbook 8 —/);
    click(openRecent[0]!);
    click(item(openRecent, 'Clear Recent'));
    expect(calls).toEqual(['openRecent:/data/Arts & Culture.awbook', 'clearRecent']);
  });
});
