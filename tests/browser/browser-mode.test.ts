/**
 * The browser mode as npm start runs it (browser/browser-app.ts), headless: the app works on compose()'s
 * services; requests that are not for the app's own files never leave the browser (checked against a real local
 * server that counts its visitors); windows the page opens on its own are closed, an allowed link going to the
 * system's browser instead; and closing the window releases the workbook's lock. Then what an officer does in it:
 * create a workbook, save it, reopen it and export a document, all through the in-app file dialog.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/main/services/documents';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { SAMPLE_WORKBOOK_RELATIVE_PATH } from '../../shared/samples/sample-workbook';
import { startBrowserApp, type BrowserApp } from '../../browser/browser-app';
import { BROWSER_ORIGIN } from '../../browser/renderer-route';
import { ensureBuilt, ROOT } from '../wiring/built-bundles';

const executablePath = process.env['CHROMIUM_PATH'] ?? findChromium();

interface Workbench {
  [channel: string]: (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
}

function start(folder: string, opened: string[] = []): Promise<BrowserApp> {
  return startBrowserApp({
    executablePath: executablePath!,
    dataFolder: join(folder, 'data'),
    logsFolder: join(folder, 'logs'),
    documentsFolder: folder,
    version: '0.0.0-test',
    log: { info: () => undefined, error: () => undefined },
    headless: true,
    shell: {
      openExternal: async (url) => void opened.push(url),
      showItemInFolder: () => undefined,
      openFolder: async () => undefined,
      openFile: async () => undefined,
    },
  });
}

describe.skipIf(!executablePath)('the browser mode', () => {
  let server: Server;
  let serverUrl: string;
  const visits: string[] = [];
  let folder: string;

  beforeAll(async () => {
    ensureBuilt();
    folder = mkdtempSync(join(tmpdir(), 'awb-browser-mode-'));
    server = createServer((req, res) => {
      visits.push(req.url ?? '');
      res.end('<p>outside</p>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    serverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 300_000); // may build the app first
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps everything but its own files off the network, and closes windows the page opens', async () => {
    const opened: string[] = [];
    const app = await start(folder, opened);
    try {
      const { page, context } = app;
      expect(page.url()).toBe(`${BROWSER_ORIGIN}/index.html`);
      const keys = await page.evaluate(() =>
        Object.keys((window as unknown as { workbench: object }).workbench).sort(),
      );
      expect(keys).toEqual([...CHANNEL_NAMES, 'on'].sort());
      const info = await page.evaluate(() =>
        (window as unknown as { workbench: Workbench }).workbench.getAppInfo!({}),
      );
      expect(info).toMatchObject({ ok: true, value: { dataFolder: join(folder, 'data') } });

      // The server answers when asked directly, so a visit would have been seen.
      expect(await (await fetch(`${serverUrl}/direct`)).text()).toContain('outside');
      visits.length = 0;

      // Leaving the app for another address: refused, and the app stays where it was.
      await page
        .evaluate((url) => void (window.location.href = url), `${serverUrl}/navigate`)
        .catch(() => undefined);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(page.url()).toBe(`${BROWSER_ORIGIN}/index.html`);

      // A window the page opens on its own is closed, and what it asked for is not fetched.
      await page.evaluate((url) => void window.open(url, '_blank'), `${serverUrl}/popup`);
      await page.evaluate(() => void window.open('https://www.gov.uk/', '_blank'));
      await expect.poll(() => context.pages().length).toBe(1);
      expect(opened).toEqual([]);

      expect(app.blocked).toEqual(expect.arrayContaining([`${serverUrl}/navigate`]));
      expect(visits).toEqual([]);
    } finally {
      await app.quit();
    }
  }, 90_000);

  it('releases the workbook’s lock when the window is closed, and ends', async () => {
    const app = await start(folder);
    const workbook = join(folder, 'Locked.awbook');
    execFileSync('cp', [join(ROOT, SAMPLE_WORKBOOK_RELATIVE_PATH), workbook]);
    // As when the file is handed to the app by the system: main issues the page a handle, never a path to use.
    const file = app.composition.fileHandles.issue(workbook);
    const result = await app.page.evaluate(
      (handle) => (window as unknown as { workbench: Workbench }).workbench.openWorkbook!({ file: handle }),
      file,
    );
    expect(result).toMatchObject({ ok: true, value: { status: 'opened' } });
    const lock = join(folder, '~$Locked.awbook.lock');
    expect(existsSync(lock)).toBe(true);
    await app.page.close();
    await app.closed;
    expect(existsSync(lock)).toBe(false);
    expect(app.context.pages()).toEqual([]);
  }, 90_000);

  it('opens the presenter view as a second window, and asks about unsaved changes before the window closes', async () => {
    const app = await start(folder);
    const { page, context } = app;
    try {
      await page.getByRole('button', { name: 'Open the sample workbook' }).click();
      await page
        .getByRole('navigation', { name: 'Steps' })
        .getByRole('button', { name: /Workshops/ })
        .click();
      await page.getByRole('tab', { name: 'Run the session' }).click();
      await page.getByRole('button', { name: 'Open presenter view' }).click();
      await expect
        .poll(() => context.pages().map((p) => p.url()))
        .toEqual([`${BROWSER_ORIGIN}/index.html`, `${BROWSER_ORIGIN}/index.html#presenter`]);
      const presenter = context.pages()[1]!;
      await presenter
        .getByRole('heading', { level: 1, name: 'Libraries and the Council Plan: leadership workshop' })
        .waitFor();
      // The presenter speaks to the node side too: it is a window the app opened.
      const info = await presenter.evaluate(() =>
        (window as unknown as { workbench: Workbench }).workbench.getAppInfo!({}),
      );
      expect(info.ok).toBe(true);

      // The sample is unsaved: closing the window is held, and the app asks.
      await page
        .getByRole('navigation', { name: 'Steps' })
        .getByRole('button', { name: /Authority/ })
        .click();
      await page.getByLabel('Workbook title').fill('Changed in the browser');
      // The renderer reports unsaved changes to the node side (setWindowState), which arms the close guard, as in
      // Electron; wait for that report before closing.
      await expect
        .poll(() =>
          page.evaluate(() => (window as unknown as { __workbenchUnsaved?: boolean }).__workbenchUnsaved),
        )
        .toBe(true);
      await page.close({ runBeforeUnload: true });
      const ask = page.getByRole('dialog', { name: 'Save your changes?' });
      await ask.waitFor();
      expect(page.isClosed()).toBe(false);
      await ask.getByRole('button', { name: "Don't save" }).click();
      await app.closed;
      expect(page.isClosed()).toBe(true);
      expect(presenter.isClosed()).toBe(true);
    } finally {
      await app.quit();
    }
  }, 90_000);

  it('creates, saves, reopens and exports a workbook through the in-app file dialog', async () => {
    const work = join(folder, 'Work');
    mkdirSync(work);
    const app = await start(work);
    const { page } = app;
    try {
      // Create.
      await page.getByRole('button', { name: 'New workbook' }).click();
      const box = page.getByRole('combobox', { name: /library authority/i });
      await box.fill('essex');
      await page.getByRole('option', { name: /Essex/ }).first().waitFor();
      await box.press('ArrowDown');
      await box.press('Enter');
      await page.getByLabel('Workbook title').fill('Essex libraries in a browser window');

      // Save, choosing the name in the dialog.
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const save = page.getByRole('dialog', { name: 'Save workbook' });
      await save.getByLabel(/File name/).fill('Essex');
      await save.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved “Essex.awbook”');
      const path = join(work, 'Essex.awbook');
      expect(JSON.parse(readFileSync(path, 'utf8')).workbook.title).toBe(
        'Essex libraries in a browser window',
      );

      // Reopen: close it, then open it from the dialog by keyboard.
      await page.keyboard.press('Control+W');
      await page.getByRole('heading', { name: 'Recent workbooks' }).waitFor();
      await page.getByRole('button', { name: 'Open workbook…' }).click();
      const open = page.getByRole('dialog', { name: 'Open workbook' });
      await open.getByRole('option', { name: /Essex\.awbook/ }).click();
      await open.getByRole('button', { name: 'Open', exact: true }).click();
      await expect
        .poll(() => page.getByLabel('Workbook title').inputValue())
        .toBe('Essex libraries in a browser window');
      expect(existsSync(join(work, '~$Essex.awbook.lock'))).toBe(true);

      // Export: the sample's partnership proposal, once its one open question is answered, to Word and PDF.
      await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Start' }).click();
      await page.getByRole('button', { name: 'Open the sample workbook' }).click();
      // Opening goes to the Authority step once the sample is read; going on before that would be undone by it.
      await page.getByRole('heading', { level: 1, name: 'Authority and workbook' }).waitFor();
      await page
        .getByRole('navigation', { name: 'Steps' })
        .getByRole('button', { name: /Documents/ })
        .click();
      await page.locator('#doc-q-next_steps').fill('Steering group to meet in April.');
      await page.getByRole('radio', { name: 'Word and PDF' }).check();
      await page.getByRole('button', { name: 'Export…' }).click();
      const exportDialog = page.getByRole('dialog', { name: /^Export the document/ });
      await exportDialog.getByLabel(/File name/).fill('Proposal');
      await exportDialog.getByRole('button', { name: 'Export' }).click();
      await expect
        .poll(() => page.getByRole('status').textContent(), { timeout: 60_000 })
        .toContain('Saved “Proposal.docx” and “Proposal.pdf”');
      expect(readFileSync(join(work, 'Proposal.docx')).subarray(0, 2).toString()).toBe('PK');
      const pdfText = execFileSync('pdftotext', [join(work, 'Proposal.pdf'), '-'], { encoding: 'utf8' });
      expect(pdfText).toContain('Steering group to meet in April.');
    } finally {
      await app.quit();
    }
  }, 180_000);
});
