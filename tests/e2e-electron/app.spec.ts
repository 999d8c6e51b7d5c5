/**
 * The real app in the real Electron, through Playwright's _electron. Electron's npm package no longer brings
 * its binary at install time (it downloads it on first launch), so this spec runs wherever the binary is
 * present and announces a skip elsewhere. Everything it checks is also covered without Electron by
 * tests/wiring (the built bundles against a stand-in) and tests/e2e (the renderer in Chromium); this spec
 * proves the pieces meet in Electron itself.
 */
import AxeBuilder from '@axe-core/playwright';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { ensureBuilt, ROOT } from '../wiring/built-bundles';

/**
 * The Electron executable, without require('electron'): that require tries to download the binary when it is
 * missing, which is exactly the case to detect.
 */
function electronExecutable(): string | null {
  const packageDir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const executable = join(distDir, relative);
  return existsSync(executable) ? executable : null;
}

const executable = electronExecutable();
const SKIP_REASON =
  'Electron binary not installed here (its installer downloads it); this spec runs where it is. ' +
  'tests/wiring covers the built main and preload bundles without it.';
if (!executable) console.log(`[electron] ${SKIP_REASON}`);
test.skip(!executable, SKIP_REASON);

interface WorkbenchLike {
  getAppInfo(input: object): Promise<{ ok: boolean; value?: { dataFolder: string } }>;
}

let app: ElectronApplication;
let page: Page;
let profile: string;

test.beforeAll(async () => {
  ensureBuilt();
  profile = mkdtempSync(join(tmpdir(), 'awb-electron-'));
  const args = [`--user-data-dir=${join(profile, 'user-data')}`, ROOT];
  // Chromium refuses to start as root without this (CI containers); the app's own renderer sandbox setting is
  // unchanged and checked below.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
  app = await electron.launch({
    executablePath: executable!,
    args,
    cwd: ROOT,
    env: {
      ...process.env,
      // Keep preferences, recovery copies and logs out of the real profile where --user-data-dir is not honoured.
      XDG_CONFIG_HOME: join(profile, 'config'),
      APPDATA: join(profile, 'appdata'),
    },
    timeout: 60_000,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  // app.close() asks the app to quit, which an unsaved workbook (rightly) holds up; exit outright instead.
  await app?.evaluate(({ app: electronApp }) => electronApp.exit(0)).catch(() => undefined);
  await app?.close().catch(() => undefined);
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('opens one window on the app:// origin with the product title', async () => {
  await expect(page).toHaveTitle(/Alignment Workbench/);
  expect(page.url()).toBe('app://workbench/index.html');
  expect(app.windows()).toHaveLength(1);
  const nativeTitle = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
  expect(nativeTitle).toMatch(/Alignment Workbench/);
});

test('runs the page sandboxed: window.workbench exists, Node does not, eval is blocked by the CSP', async () => {
  const page_ = await page.evaluate(() => {
    let evalResult = 'ran';
    try {
      // Proving the CSP forbids it.
      eval('1 + 1');
    } catch {
      evalResult = 'blocked';
    }
    const w = window as unknown as Record<string, unknown>;
    return {
      workbench: typeof w.workbench,
      keys: Object.keys((w.workbench ?? {}) as object).sort(),
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      evalResult,
    };
  });
  expect(page_).toEqual({
    workbench: 'object',
    keys: [...CHANNEL_NAMES, 'on'].sort(),
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    evalResult: 'blocked',
  });
  // Electron reports the OS sandbox of each renderer on Windows and macOS (the field is absent on Linux).
  const renderers = await app.evaluate(({ app: electronApp }) =>
    electronApp
      .getAppMetrics()
      .filter((m) => m.type === 'Tab')
      .map((m) => m.sandboxed ?? null),
  );
  expect(renderers.length).toBeGreaterThan(0);
  if (process.platform !== 'linux') expect(renderers.every((sandboxed) => sandboxed === true)).toBe(true);
});

test('answers IPC from the page and keeps its data in the test profile', async () => {
  const info = await page.evaluate(() =>
    (window as unknown as { workbench: WorkbenchLike }).workbench.getAppInfo({}),
  );
  expect(info.ok).toBe(true);
  if (process.platform === 'linux') expect(info.value!.dataFolder.startsWith(profile)).toBe(true);
});

test('creates a workbook through the interface, with the unsaved marker in the native title', async () => {
  await page.getByRole('button', { name: 'New workbook' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Authority and workbook' })).toBeVisible();
  const box = page.getByRole('combobox', { name: /library authority/i });
  await box.fill('essex');
  await expect(page.getByRole('option', { name: /Essex/ }).first()).toBeVisible();
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page.locator('.authority-card')).toContainText('E10000012');
  await page.getByLabel('Workbook title').fill('Essex libraries');
  await expect
    .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle()))
    .toMatch(/^\*/);
});

test('has no serious or critical accessibility problems (axe, legacy mode for Electron pages)', async () => {
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}`);
  expect(serious).toEqual([]);
});
