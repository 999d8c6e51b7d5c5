/**
 * The built renderer in Debian's Chromium, served by the e2e harness with the real IPC router and services behind
 * it, as the in-app benches (map, ballots, preview) drive it: one browser and context, a scratch folder, and
 * everything closed and removed afterwards whatever happens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import config, { CHROMIUM_PATH } from '../playwright.config';
import { serveRenderer } from '../tests/e2e/harness';

export interface RendererBrowser {
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** Where the harness serves the built renderer. */
  readonly origin: string;
  /** A scratch folder, removed afterwards. */
  readonly folder: string;
}

export async function withRendererBrowser<T>(
  name: string,
  viewport: { width: number; height: number },
  run: (b: RendererBrowser) => Promise<T>,
): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), `awb-bench-${name}-`));
  const launchOptions = config.projects?.find((p) => p.name === 'renderer')?.use?.launchOptions;
  const { server, origin } = await serveRenderer();
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: launchOptions?.args ?? [] });
    const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
    return await run({ browser, context, origin, folder });
  } finally {
    await browser?.close();
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(folder, { recursive: true, force: true });
  }
}
