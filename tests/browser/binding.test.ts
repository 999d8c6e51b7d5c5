/**
 * The browser mode's binding (browser/binding.ts) with hostile callers, in a real Chromium: only the main frame
 * of a window the app opened, on the app's origin, reaches the IPC router; an iframe on the same origin, a page on
 * another origin and a same-origin window the app did not open are refused, and the router still validates the
 * input of calls it accepts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose } from '../../electron/main/compose';
import { findChromium } from '../../electron/main/services/documents';
import { settingsJsonSchema } from '../../electron/main/services/settings-service';
import { invokeBinding } from '../../browser/binding';
import { browserArgs } from '../../browser/browser-app';
import { BROWSER_ORIGIN } from '../../browser/renderer-route';

const executablePath = process.env['CHROMIUM_PATH'] ?? findChromium();
const refused = (what: string) => new Error(`${what} was not asked`);

let browser: Browser;
let context: BrowserContext;
let appWindow: Page;
let folder: string;
const refusedLog: string[] = [];

const call = (target: Page | Frame, channel: string, input: unknown) =>
  target.evaluate(
    ([c, i]) =>
      (window as unknown as { __workbenchInvoke(c: string, i: unknown): Promise<unknown> }).__workbenchInvoke(
        c,
        i,
      ),
    [channel, input] as const,
  );

describe.skipIf(!executablePath)('the browser mode binding', () => {
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'awb-binding-'));
    const composition = compose({
      appName: 'Alignment Workbench',
      version: '0.0.0-test',
      dataFolder: folder,
      logsFolder: join(folder, 'logs'),
      store: new Conf<Record<string, unknown>>({
        cwd: folder,
        configName: 'settings',
        projectVersion: '0.0.0',
        schema: settingsJsonSchema() as never,
      }),
      dialogs: {
        chooseWorkbookToOpen: () => Promise.reject(refused('Open')),
        chooseSaveLocation: () => Promise.reject(refused('Save')),
        chooseTemplateFolder: () => Promise.reject(refused('Template folder')),
        chooseDocumentDestination: () => Promise.reject(refused('Export')),
        chooseOutputFolder: () => Promise.reject(refused('Output folder')),
        confirmReplace: () => Promise.reject(refused('Replace')),
      },
      shell: {
        openExternal: async () => undefined,
        showItemInFolder: () => undefined,
        openFolder: async () => undefined,
        openFile: async () => undefined,
      },
      window: { setTitle: () => undefined, setDirty: () => undefined, closeConfirmed: () => undefined },
      log: { info: () => undefined, error: (m) => void refusedLog.push(m) },
      isTrustedSender: (url) => url.startsWith(`${BROWSER_ORIGIN}/`),
    });
    browser = await chromium.launch({
      executablePath: executablePath!,
      args: browserArgs().filter((a) => !a.startsWith('--app=')),
    });
    context = await browser.newContext();
    // Pages for the test, served by interception like the app: the app's page with a same-origin iframe, a
    // second page on the app's origin, and a page on another origin.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      const body = url.endsWith('/index.html')
        ? '<title>App</title><iframe src="/frame.html"></iframe>'
        : '<title>Other</title>';
      return route.fulfill({ status: 200, contentType: 'text/html', body });
    });
    appWindow = await context.newPage();
    await context.exposeBinding(
      '__workbenchInvoke',
      invokeBinding(composition.router, (p) => p === appWindow),
    );
    await appWindow.goto(`${BROWSER_ORIGIN}/index.html`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('answers the app window’s main frame through the real router', async () => {
    const info = (await call(appWindow, 'getAppInfo', {})) as { ok: boolean; value: { dataFolder: string } };
    expect(info.ok).toBe(true);
    expect(info.value.dataFolder).toBe(folder);
  });

  it('refuses an iframe on the app’s own origin', async () => {
    const frame = appWindow.frames().find((f) => f !== appWindow.mainFrame());
    expect(frame?.url()).toBe(`${BROWSER_ORIGIN}/frame.html`);
    expect(await call(frame!, 'getAppInfo', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a window on the app’s origin that the app did not open', async () => {
    const stray = await context.newPage();
    await stray.goto(`${BROWSER_ORIGIN}/index.html`);
    expect(await call(stray, 'getAppInfo', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await stray.close();
  });

  it('refuses a page on another origin, even in the app window', async () => {
    const evil = await context.newPage();
    await evil.goto('https://evil.invalid/steal.html');
    expect(await call(evil, 'getAppInfo', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await evil.close();
    await appWindow.goto('https://evil.invalid/steal.html');
    expect(await call(appWindow, 'openWorkbook', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await appWindow.goto(`${BROWSER_ORIGIN}/index.html`);
    expect(refusedLog.some((m) => m.includes('https://evil.invalid/steal.html'))).toBe(true);
  });

  it('validates what the app window sends, as Electron’s main does', async () => {
    expect(await call(appWindow, 'openWorkbook', { path: 42 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await call(appWindow, 'readAnyFile', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await call(appWindow, ['getAppInfo'] as unknown as string, {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });
});
