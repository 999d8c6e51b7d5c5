/**
 * Entry of the browser mode (npm run start:browser, or npm start when Electron cannot be had): finds the
 * system's Chromium, Chrome or Edge, opens the app in it and runs until the window is closed.
 *
 *   tsx browser/main.ts [--smoke] [workbook.awbook]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from '../electron/main/services/documents';
import { createFileLogger } from '../electron/main/services/file-logger';
import { appFolders } from './app-folders';
import { APP_NAME, startBrowserApp, type BrowserApp } from './browser-app';
import { smokeCheck } from './smoke';

const SMOKE_LIMIT_MS = 60_000;

function chromiumPath(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return findChromium();
}

function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);
}

/** Playwright's errors carry a call log after the first line; the officer needs only what went wrong. */
function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const smoke = args.includes('--smoke');
  const openArg = args.find((a) => !a.startsWith('--'));
  const executablePath = chromiumPath();
  if (!executablePath) {
    console.error(
      process.env['CHROMIUM_PATH']
        ? `The browser mode needs Chromium, Google Chrome or Microsoft Edge, and CHROMIUM_PATH (${process.env['CHROMIUM_PATH']}) names no file.`
        : 'The browser mode needs Chromium, Google Chrome or Microsoft Edge, and none was found: install one, or set CHROMIUM_PATH to its program.',
    );
    return 1;
  }
  const version = (
    JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }
  ).version;
  // The start-up check keeps its preferences and recovery copies in a folder of its own, removed afterwards.
  const scratch = smoke ? mkdtempSync(join(tmpdir(), 'awb-smoke-')) : null;
  const folders = scratch
    ? { dataFolder: join(scratch, 'data'), logsFolder: join(scratch, 'logs'), documentsFolder: scratch }
    : appFolders(APP_NAME);
  const log = createFileLogger(folders.logsFolder);
  const documentsFolder = existsSync(folders.documentsFolder) ? folders.documentsFolder : homedir();

  let app: BrowserApp | null = null;
  const stop = () => void app?.quit().then(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    if (smoke) {
      const timer = setTimeout(() => {
        console.error(`The start-up check did not finish within ${SMOKE_LIMIT_MS / 1000} s.`);
        void (app?.quit() ?? Promise.resolve()).finally(() => process.exit(1));
      }, SMOKE_LIMIT_MS);
      try {
        // Headless where there is no screen to show a window on (CI without xvfb).
        app = await startBrowserApp({
          executablePath,
          ...folders,
          documentsFolder,
          version,
          log,
          headless: !hasDisplay(),
        });
        console.log(await smokeCheck(app.page, 'browser'));
        return 0;
      } finally {
        clearTimeout(timer);
      }
    }
    if (!hasDisplay()) {
      console.error(
        `${APP_NAME} needs a screen to open its window on, and this session has none (DISPLAY is not set). Run it from the desktop, or check it with npm start -- --smoke.`,
      );
      return 1;
    }
    app = await startBrowserApp({
      executablePath,
      ...folders,
      documentsFolder,
      version,
      log,
      openPath: openArg ? resolve(openArg) : null,
    });
    log.info(`${APP_NAME} ${version} started in the browser mode (${executablePath})`);
    console.error(`${APP_NAME} is open in a browser window. Close the window to quit.`);
    await app.closed;
    return 0;
  } catch (e) {
    log.error('The browser mode failed', e);
    console.error(
      `${smoke ? 'The start-up check failed' : `${APP_NAME} could not start in a browser window`}: ${firstLine(e)}`,
    );
    return 1;
  } finally {
    await app?.quit();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

process.exit(await main());
