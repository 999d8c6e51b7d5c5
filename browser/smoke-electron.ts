/**
 * The start-up check in Electron (npm start -- --smoke where the Electron binary is installed): the built app
 * in the real Electron through playwright-core's _electron, with its data in a scratch folder, then the same
 * check as the browser mode.
 *
 *   tsx browser/smoke-electron.ts <electron executable>
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { smokeCheck } from './smoke';

const SMOKE_LIMIT_MS = 60_000;
const root = join(import.meta.dirname, '..');

async function main(): Promise<number> {
  const executablePath = process.argv[2];
  if (!executablePath) {
    console.error('The start-up check needs the Electron program: tsx browser/smoke-electron.ts <electron>');
    return 1;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'awb-smoke-'));
  let app: ElectronApplication | null = null;
  const timer = setTimeout(() => {
    console.error(`The start-up check did not finish within ${SMOKE_LIMIT_MS / 1000} s.`);
    void (app?.close() ?? Promise.resolve()).finally(() => process.exit(1));
  }, SMOKE_LIMIT_MS);
  try {
    const args = [`--user-data-dir=${join(scratch, 'user-data')}`, root];
    // Chromium refuses to start as root (CI containers) without this.
    if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
    app = await _electron.launch({
      executablePath,
      args,
      cwd: root,
      env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config'), APPDATA: join(scratch, 'appdata') },
      timeout: SMOKE_LIMIT_MS,
    });
    console.log(await smokeCheck(await app.firstWindow(), 'electron'));
    return 0;
  } catch (e) {
    console.error(`The start-up check failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    clearTimeout(timer);
    // Quitting asks about the sample's unsaved changes; the check leaves without saving.
    await app?.evaluate(({ app: electronApp }) => electronApp.exit(0)).catch(() => undefined);
    await app?.close().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exit(await main());
