/**
 * The BUILT main bundle (out/main/index.js), run in a child Node process against a recording stand-in for
 * `electron` (support/electron-stub.mjs): what it asks Electron to do is what the real app does, so the
 * security settings, the IPC wiring and the menu are checked as shipped, not as the sources suggest.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { MENU_COMMANDS } from '../../shared/ipc/contract';
import { ensureBuilt, MAIN_BUNDLE, PRELOAD_BUNDLE, RENDERER_INDEX } from './built-bundles';

// window.ts imports electron for BrowserWindow; only its exported constant is needed here.
vi.mock('electron', () => ({ BrowserWindow: class {}, screen: {} }));
const { SECURE_WEB_PREFERENCES } = await import('../../electron/main/window');

const RUNNER = join(import.meta.dirname, 'support/run-main.mjs');

interface SentMessage {
  channel: string;
  payload: unknown;
}
interface MenuItem {
  label: string | null;
  role: string | null;
  type: string;
  accelerator: string | null;
  registerAccelerator: boolean | null;
  enabled: boolean;
  clickable: boolean;
  submenu: MenuItem[] | null;
}
interface ProtocolAnswer {
  url: string;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  thrown?: string;
}
interface GuardReport {
  navigation: { url: string; prevented: boolean }[];
  redirectPrevented: boolean;
  webviewPrevented: boolean;
  windowOpen: { url: string; action: string | null; openedExternally: string[] }[];
}
interface Report {
  fatal: string | null;
  singleInstanceLockRequests: number;
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  quitCalls?: number;
  windowCount?: number;
  appLogsPathSet: boolean;
  windows: {
    options: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
    loadedUrls: string[];
  }[];
  protocolSchemes: string[];
  ipcHandleChannels: string[];
  ipcListenerChannels: string[];
  sentOnLoad: SentMessage[];
  protocol: ProtocolAnswer[];
  permissionRequests: { permission: string; granted: boolean }[];
  permissionChecks: { permission: string; granted: boolean | null }[];
  deviceChecks: { deviceType: string; granted: boolean | null }[];
  guards: { main: GuardReport; later: GuardReport };
  ipc: Record<
    string,
    { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }
  >;
  titles: string[];
  close: {
    firstClosePrevented: boolean;
    sentOnClose: SentMessage[];
    confirm: { ok: boolean };
    closeOutcomes: string[];
  };
  menu: MenuItem[];
  menuClicks: { path: string[]; sent: SentMessage[]; openedPaths: string[] }[];
  launches: { sent: SentMessage[]; openFilePrevented: boolean };
  presenter: {
    open: { ok: boolean; value?: Record<string, unknown> };
    window: { options: { webPreferences: Record<string, unknown> } & Record<string, unknown>; loadedUrls: string[] } | null;
    show: { ok: boolean; value?: Record<string, unknown> };
    sentToPresenter: SentMessage[];
    latest: { ok: boolean; value?: Record<string, unknown> };
    sentToMainWhileOpen: SentMessage[];
    close: { ok: boolean };
    sentToMainOnClose: SentMessage[];
    showAfterClose: { ok: boolean; value?: Record<string, unknown> };
  };
  quitOnAllClosed: number;
  network: { dictionaryDownloadUrl: string | null; requests: { url: string; cancel: boolean | null }[] };
  rendererLoss: {
    afterCrash: { reloads: number; messageBoxes: { message: string; buttons: string[] }[] };
    afterHang: { reloads: number; crashesForced: number; messageBoxes: number };
  };
  quit: { opened: boolean; lockedWhileOpen: boolean; firstPrevented: boolean; lockedAfter: boolean; quitCalls: number; secondPrevented: boolean };
}

const HOSTILE_URLS = [
  'app://workbench/../../main/index.js',
  'app://workbench/..%2f..%2fmain%2findex.js',
  'app://workbench/%2e%2e/%2e%2e/package.json',
  'app://workbench/assets/..%2f..%2f..%2fpackage.json',
  'app://workbench/..%5c..%5cmain%5cindex.js',
  'app://workbench/%252e%252e%252fmain%252findex.js',
  'app://workbench/preload/..%2F..%2Fpreload%2Findex.cjs',
  'app://workbench//etc/passwd',
  'app://workbench/C:/Windows/win.ini',
  'app://workbench/%00index.html',
  'app://evil/index.html',
  'app://workbench/does-not-exist.js',
];

const tempRoots: string[] = [];
function runMain(options: {
  env?: Record<string, string>;
  argv?: string[];
  settings?: unknown;
  protocolUrls?: string[];
}) {
  const root = mkdtempSync(join(tmpdir(), 'awb-wiring-'));
  tempRoots.push(root);
  if (options.settings) {
    const userData = join(root, 'appData', 'Alignment Workbench');
    mkdirSync(userData, { recursive: true });
    writeFileSync(join(userData, 'settings.json'), JSON.stringify(options.settings));
  }
  const reportPath = join(root, 'report.json');
  let stderr = '';
  try {
    execFileSync(process.execPath, [RUNNER, MAIN_BUNDLE, reportPath, ...(options.argv ?? [])], {
      env: {
        ...process.env,
        WIRING_ROOT: root,
        WIRING_PROTOCOL_URLS: JSON.stringify(options.protocolUrls ?? []),
        ...options.env,
      },
      stdio: 'pipe',
      timeout: 60_000,
    });
  } catch (e) {
    stderr = String((e as { stderr?: Buffer }).stderr ?? e);
  }
  if (!existsSync(reportPath))
    throw new Error(`The main bundle did not start under the stand-in electron:\n${stderr}`);
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
  if (report.fatal) throw new Error(`The wiring run failed: ${report.fatal}\n${stderr}`);
  return { report, root };
}

/** The label as shown, without access-key markers or the trailing ellipsis. */
const shown = (label: string | null) =>
  (label ?? '')
    .split('&&')
    .map((part) => part.replace(/&/g, ''))
    .join('&')
    .replace(/…$/, '');

function topMenu(menu: MenuItem[], name: string): MenuItem[] {
  const top = menu.find((m) => shown(m.label) === name);
  if (!top?.submenu) throw new Error(`No ${name} menu`);
  return top.submenu;
}

/** Every directive's sources are the app's own, inline data, or nothing: no remote origins, no eval. */
function expectStrictCsp(csp: string | undefined) {
  expect(csp, 'protocol responses carry a Content-Security-Policy header').toBeTruthy();
  const directives = new Map(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0]!, parts.slice(1)] as const),
  );
  expect(directives.get('default-src')).toEqual(["'none'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  for (const [name, sources] of directives) {
    for (const source of sources) {
      expect(source, `${name} allows ${source}`).not.toMatch(
        /unsafe-eval|wasm-unsafe-eval|^\*$|^https?:|^wss?:|^\*\.|\.[a-z]{2,}(:|$|\/)/i,
      );
      expect(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:'], `${name} allows ${source}`).toContain(
        source,
      );
    }
  }
  expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
}

let run: { report: Report; root: string };
let assetUrl: string;
const argvWorkbook = join(tmpdir(), 'Shared drive', 'Essex alignment.awbook');

beforeAll(() => {
  ensureBuilt();
  const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(readFileSync(RENDERER_INDEX, 'utf8'))?.[1];
  if (!asset) throw new Error('The built renderer index.html names no script');
  assetUrl = `app://workbench/${asset}`;
  run = runMain({
    argv: ['--some-chromium-flag', argvWorkbook],
    settings: {
      recentFiles: [
        {
          path: '/data/Arts & Culture.awbook',
          title: 'Arts & Culture plan',
          openedAt: '2026-01-05T10:00:00.000Z',
        },
      ],
      windowBounds: { x: 120, y: 80, width: 1100, height: 760, maximised: false },
    },
    protocolUrls: ['app://workbench/index.html', 'app://workbench/', assetUrl, ...HOSTILE_URLS],
  });
}, 240_000);

afterAll(() => {
  for (const root of tempRoots) rmSync(root, { recursive: true, force: true });
});

describe('the main window', () => {
  it('is created once, with every secure web preference and the built preload', () => {
    const { windows } = run.report;
    expect(windows).toHaveLength(1);
    const prefs = windows[0]!.options.webPreferences;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(prefs).toEqual({ ...SECURE_WEB_PREFERENCES, preload: expect.any(String) });
    const preload = prefs.preload as string;
    expect(existsSync(preload), `preload ${preload} exists`).toBe(true);
    expect(realpathSync(preload)).toBe(realpathSync(PRELOAD_BUNDLE));
  });

  it('loads the renderer from the app:// origin, never file:// or the network', () => {
    expect(run.report.windows[0]!.loadedUrls).toEqual(['app://workbench/index.html']);
  });

  it('comes back at the size and position it had last time', () => {
    expect(run.report.windows[0]!.options).toMatchObject({ x: 120, y: 80, width: 1100, height: 760 });
  });

  it('opens a workbook named on the command line once the page has loaded', () => {
    expect(run.report.sentOnLoad).toEqual([
      { channel: 'workbench:openFile', payload: { file: expect.stringMatching(/^fh_[0-9a-f]{16}$/), path: argvWorkbook } },
    ]);
  });

  it('asks the renderer about unsaved changes before closing, and closes once it confirms', () => {
    expect(run.report.titles).toEqual(['Crash test', '*Essex.awbook – Authority – Alignment Workbench']);
    const { close } = run.report;
    expect(close.firstClosePrevented).toBe(true);
    expect(close.sentOnClose).toEqual([{ channel: 'workbench:closeRequested', payload: {} }]);
    expect(close.confirm.ok).toBe(true);
    expect(close.closeOutcomes).toEqual(['prevented', 'closed']);
  });
});

describe('no network', () => {
  it('cancels every request but the app’s own files and inline data', () => {
    expect(Object.fromEntries(run.report.network.requests.map((r) => [r.url, r.cancel]))).toEqual({
      'app://workbench/index.html': false,
      'app://workbench/assets/index.js': false,
      'data:image/png;base64,AAAA': false,
      'https://www.gov.uk/': true,
      'http://example.org/x.js': true,
      'wss://example.org/socket': true,
      'file:///etc/passwd': true,
      'https://redirector.gvt1.com/edgedl/chrome/dict/en-gb-10-1.bdic': true,
      'app://evil/index.html': true,
      'ftp://example.org/': true,
    });
  });

  it('points the spellchecker’s dictionary downloads at an address on this machine that nothing answers', () => {
    const url = new URL(run.report.network.dictionaryDownloadUrl ?? 'https://unset.example/');
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.port, 'port 0 cannot be connected to').toBe('0');
  });
});

describe('a lost or hung page', () => {
  it('is reported to the officer, who can reload it to recover the unsaved work', () => {
    const { afterCrash, afterHang } = run.report.rendererLoss;
    expect(afterCrash.messageBoxes).toEqual([{ message: 'The window stopped working.', buttons: ['Reload and recover', 'Close the app'] }]);
    expect(afterCrash.reloads).toBe(1);
    expect(afterHang, 'a hung page is ended and reloaded, and its ending raises no second message').toEqual({
      reloads: 2,
      crashesForced: 1,
      messageBoxes: 2,
    });
  });
});

describe('the presenter window', () => {
  it('opens full screen on the projector (the other display), with the main window’s secure preferences and preload', () => {
    const { presenter } = run.report;
    expect(presenter.open).toEqual({ ok: true, value: { placement: 'external-display' } });
    expect(presenter.window).not.toBeNull();
    expect(presenter.window!.options).toMatchObject({ x: 1920, y: 0, width: 1280, height: 720, fullscreen: true, show: false });
    const prefs = presenter.window!.options.webPreferences;
    expect(prefs).toEqual({ ...SECURE_WEB_PREFERENCES, preload: expect.any(String) });
    expect(realpathSync(prefs.preload as string)).toBe(realpathSync(PRELOAD_BUNDLE));
  });

  it('loads the app’s own renderer on its #presenter route', () => {
    expect(run.report.presenter.window!.loadedUrls).toEqual(['app://workbench/index.html#presenter']);
  });

  it('relays what the console shows to the presenter window only, and keeps the latest for a reload', () => {
    const { presenter } = run.report;
    expect(presenter.show).toEqual({ ok: true, value: { presenterOpen: true } });
    expect(presenter.sentToPresenter).toEqual([
      { channel: 'workbench:presenterState', payload: expect.objectContaining({ title: 'Partners', held: false }) },
    ]);
    expect(presenter.sentToMainWhileOpen).toEqual([]);
    expect(presenter.latest).toMatchObject({ ok: true, value: { state: { title: 'Partners' } } });
  });

  it('tells the console when it closes, and is not shown anything after', () => {
    const { presenter } = run.report;
    expect(presenter.close).toEqual({ ok: true, value: {} });
    expect(presenter.sentToMainOnClose).toEqual([{ channel: 'workbench:presenterClosed', payload: {} }]);
    expect(presenter.showAfterClose).toEqual({ ok: true, value: { presenterOpen: false } });
  });
});

describe('single instance', () => {
  it('requests the single-instance lock at start-up', () => {
    expect(run.report.singleInstanceLockRequests).toBe(1);
  });

  it('hands a second launch’s workbook (and the macOS open-file event) to the running window', () => {
    expect(run.report.launches.sent).toEqual([
      { channel: 'workbench:openFile', payload: { file: expect.stringMatching(/^fh_/), path: 'D:\\Shared\\Libraries\\Essex.awbook' } },
      { channel: 'workbench:openFile', payload: { file: expect.stringMatching(/^fh_/), path: '/Users/jo/Documents/Essex.awbook' } },
    ]);
    expect(run.report.launches.openFilePrevented).toBe(true);
  });

  it('quits at once, with no window or handlers, when another instance holds the lock', () => {
    const denied = runMain({ env: { WIRING_SINGLE_INSTANCE_LOCK: 'denied' } }).report;
    expect(denied.singleInstanceLockRequests).toBe(1);
    expect(denied.quitCalls).toBe(1);
    expect(denied.windowCount).toBe(0);
    expect(denied.ipcHandleChannels).toEqual([]);
    expect(denied.protocolSchemes).toEqual([]);
  }, 60_000);

  it('quits when the last window closes', () => {
    expect(run.report.quitOnAllClosed).toBe(1);
  });

  it('waits to quit until the open workbook’s lock file is released, then quits once', () => {
    expect(run.report.quit).toEqual({ opened: true, lockedWhileOpen: true, firstPrevented: true, lockedAfter: false, quitCalls: 1, secondPrevented: false });
  });
});

describe('IPC', () => {
  it('has a handler for every contract channel, as workbench:<name>, and no others', () => {
    expect([...run.report.ipcHandleChannels].sort()).toEqual(
      CHANNEL_NAMES.map((n) => `workbench:${n}`).sort(),
    );
  });

  it('registers no other IPC listeners than electron-store’s own start-up query', () => {
    expect(run.report.ipcListenerChannels.filter((c) => c !== 'electron-store-get-data')).toEqual([]);
  });

  it('answers the app’s own page and refuses every other sender', () => {
    const { ipc } = run.report;
    expect(ipc.trusted).toMatchObject({ ok: true, value: { name: 'Alignment Workbench' } });
    for (const refused of ['untrusted', 'fileSender', 'noFrame']) {
      expect(ipc[refused], refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('validates input and explains what was wrong, in words', () => {
    expect(run.report.ipc.invalidInput).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(run.report.ipc.invalidInput!.error!.message).toMatch(/title/);
  });

  it('keeps preferences in settings.json and logs in main.log inside the app data folder', () => {
    const info = run.report.ipc.trusted!.value as Record<string, string>;
    const userData = join(run.root, 'appData', 'Alignment Workbench');
    expect(info.dataFolder).toBe(userData);
    expect(info.settingsFile).toBe(join(userData, 'settings.json'));
    expect(info.recoveryFolder).toBe(join(userData, 'recovery'));
    expect(run.report.ipc.setPreferences).toMatchObject({ ok: true, value: { authorName: 'Jo Bloggs' } });
    const settings = JSON.parse(readFileSync(info.settingsFile!, 'utf8'));
    expect(settings.preferences.authorName).toBe('Jo Bloggs');
    expect(run.report.appLogsPathSet).toBe(true);
    expect(readFileSync(join(info.logsFolder!, 'main.log'), 'utf8')).toMatch(
      /INFO Alignment Workbench .* started/,
    );
  });

  it('refuses to open anything but https and mailto links through IPC', () => {
    expect(run.report.ipc.openExternalFile).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the app:// protocol', () => {
  it('is registered as a privileged, secure, standard scheme and handled', () => {
    expect(run.report.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      },
    ]);
    expect(run.report.protocolSchemes).toEqual(['app']);
  });

  it('serves the renderer’s files with a strict CSP and nosniff', () => {
    for (const url of ['app://workbench/index.html', 'app://workbench/', assetUrl]) {
      const answer = run.report.protocol.find((p) => p.url === url)!;
      expect(answer.thrown, url).toBeUndefined();
      expect(answer.status, url).toBe(200);
      expectStrictCsp(answer.headers!['content-security-policy']);
      expect(answer.headers!['x-content-type-options']).toBe('nosniff');
    }
    expect(run.report.protocol.find((p) => p.url === 'app://workbench/')!.body).toContain(
      '<title>Alignment Workbench</title>',
    );
    expect(run.report.protocol.find((p) => p.url === assetUrl)!.headers!['content-type']).toBe(
      'text/javascript',
    );
  });

  it.each(HOSTILE_URLS)('answers 404, and nothing from outside the renderer folder, for %s', (url) => {
    const answer = run.report.protocol.find((p) => p.url === url)!;
    expect(answer.thrown, `${url} must not fail the request`).toBeUndefined();
    expect(answer.status).toBe(404);
    expect(answer.body).toBe('Not found');
  });
});

describe('permissions and web contents', () => {
  it('refuses every permission request, check and device', () => {
    expect(run.report.permissionRequests.length).toBeGreaterThan(5);
    expect(run.report.permissionRequests.filter((p) => p.granted !== false)).toEqual([]);
    expect(run.report.permissionChecks.filter((p) => p.granted !== false)).toEqual([]);
    expect(run.report.deviceChecks.filter((p) => p.granted !== false)).toEqual([]);
  });

  describe.each(['main', 'later'] as const)('on the %s web contents', (which) => {
    it('prevents every navigation and redirect, and every webview', () => {
      const guard = run.report.guards[which];
      expect(guard.navigation.filter((n) => !n.prevented)).toEqual([]);
      expect(guard.redirectPrevented).toBe(true);
      expect(guard.webviewPrevented).toBe(true);
    });

    it('denies window.open, handing only https and mailto links to the operating system', () => {
      const guard = run.report.guards[which];
      expect(guard.windowOpen.every((w) => w.action === 'deny')).toBe(true);
      const opened = guard.windowOpen.filter((w) => w.openedExternally.length > 0).map((w) => w.url);
      expect(opened).toEqual([
        'https://www.gov.uk/government/publications/libraries-strategy',
        'mailto:libraries@example.gov.uk',
      ]);
    });
  });
});

describe('the application menu (as built on this platform)', () => {
  const labels = (items: MenuItem[]) =>
    items.filter((i) => i.type !== 'separator').map((i) => shown(i.label) || i.role);

  it('has File, Edit, View and Help with the commands the brief lists', () => {
    const { menu } = run.report;
    const tops = menu.map((m) => shown(m.label));
    expect(tops).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    expect(labels(topMenu(menu, 'File'))).toEqual(
      expect.arrayContaining(['New Workbook', 'Open', 'Open Recent', 'Save', 'Save As', 'Close Workbook']),
    );
    const editRoles = topMenu(menu, 'Edit').map((i) => i.role);
    expect(labels(topMenu(menu, 'Edit'))).toEqual(expect.arrayContaining(['Undo', 'Redo']));
    expect(editRoles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste']));
    expect(topMenu(menu, 'View').map((i) => i.role)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    );
    expect(labels(topMenu(menu, 'Help'))).toEqual(['About Alignment Workbench', 'Open Logs Folder']);
  });

  it('lists recent workbooks (with & shown as &) and sends them to the renderer when chosen', () => {
    const recent = topMenu(run.report.menu, 'File').find((i) => shown(i.label) === 'Open Recent')!.submenu!;
    expect(recent[0]!.label).toBe('&1 Arts && Culture plan — /data/Arts && Culture.awbook');
    const click = run.report.menuClicks.find((c) => c.path.at(-1) === recent[0]!.label)!;
    expect(click.sent).toEqual([
      { channel: 'workbench:openFile', payload: { file: expect.stringMatching(/^fh_/), path: '/data/Arts & Culture.awbook' } },
    ]);
  });

  it('sends every renderer command as a menuCommand event and opens the logs folder itself', () => {
    const commands = run.report.menuClicks.flatMap((c) =>
      c.sent.filter((s) => s.channel === 'workbench:menuCommand'),
    );
    expect(new Set(commands.map((c) => (c.payload as { command: string }).command))).toEqual(
      new Set(MENU_COMMANDS),
    );
    const logs = run.report.menuClicks.find((c) => shown(c.path.at(-1) ?? '') === 'Open Logs Folder')!;
    expect(logs.openedPaths).toEqual([join(run.root, 'appData', 'Alignment Workbench', 'logs')]);
  });

  it('shows shortcuts without registering them, so the renderer’s key handling is the one place they act', () => {
    const withKeys = run.report.menu
      .flatMap(function all(i: MenuItem): MenuItem[] {
        return [i, ...(i.submenu ?? []).flatMap(all)];
      })
      .filter((i) => i.accelerator);
    expect(withKeys.length).toBeGreaterThanOrEqual(8);
    expect(withKeys.filter((i) => i.registerAccelerator !== false)).toEqual([]);
  });
});
