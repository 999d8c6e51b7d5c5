/**
 * npm start's decision between Electron and the browser mode, run against Electron's own installer (the
 * `install-electron` bin, copied from node_modules/electron) with its downloader and unzipper stubbed: the binary
 * present, missing and fetchable, missing and unreachable.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseMode, electronExecutable } from '../../scripts/start-mode.mjs';

const realElectron = join(import.meta.dirname, '..', '..', 'node_modules', 'electron');
const executableName =
  process.platform === 'win32'
    ? 'electron.exe'
    : process.platform === 'darwin'
      ? 'Electron.app/Contents/MacOS/Electron'
      : 'electron';

let dir: string;
let electronDir: string;
let downloads: string;

/** A node_modules with Electron's real installer, and stand-ins for @electron/get and its unzipper. */
function fakeNodeModules() {
  const modules = join(dir, 'node_modules');
  electronDir = join(modules, 'electron');
  mkdirSync(electronDir, { recursive: true });
  for (const f of ['install.js', 'package.json', 'checksums.json'])
    copyFileSync(join(realElectron, f), join(electronDir, f));
  const get = join(modules, '@electron', 'get');
  mkdirSync(get, { recursive: true });
  writeFileSync(join(get, 'package.json'), JSON.stringify({ name: '@electron/get', main: 'index.js' }));
  // The download: records each call; fails as an unreachable network does, or hands over a "zip".
  writeFileSync(
    join(get, 'index.js'),
    `const fs = require('fs'); const path = require('path');
     exports.downloadArtifact = async (options) => {
       fs.appendFileSync(process.env.STUB_DOWNLOADS, options.version + '\\n');
       if (process.env.STUB_NETWORK === 'unreachable') throw new TypeError('fetch failed');
       const zip = path.join(path.dirname(process.env.STUB_DOWNLOADS), 'electron.zip');
       fs.writeFileSync(zip, 'zip');
       return zip;
     };`,
  );
  const unzip = join(modules, '@electron-internal', 'extract-zip');
  mkdirSync(unzip, { recursive: true });
  writeFileSync(
    join(unzip, 'package.json'),
    JSON.stringify({ name: '@electron-internal/extract-zip', main: 'index.js' }),
  );
  writeFileSync(
    join(unzip, 'index.js'),
    `const fs = require('fs'); const path = require('path');
     exports.extract = async (zip, { dir }) => {
       const exe = path.join(dir, ${JSON.stringify(executableName)});
       fs.mkdirSync(path.dirname(exe), { recursive: true });
       fs.writeFileSync(exe, 'binary');
       fs.writeFileSync(path.join(dir, 'version'), 'v' + require(path.join(dir, '..', 'package.json')).version);
     };`,
  );
}

const env = (network: 'reachable' | 'unreachable'): NodeJS.ProcessEnv => {
  const { ELECTRON_OVERRIDE_DIST_PATH: _ignored, ...rest } = process.env;
  return { ...rest, STUB_NETWORK: network, STUB_DOWNLOADS: downloads };
};
const downloadCount = () =>
  existsSync(downloads) ? readFileSync(downloads, 'utf8').trim().split('\n').length : 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'awb-start-'));
  downloads = join(dir, 'downloads.log');
  fakeNodeModules();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('choosing how npm start runs the app', () => {
  it('runs Electron without downloading anything when the binary is present', async () => {
    const version = (
      JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string }
    ).version;
    mkdirSync(join(electronDir, 'dist', executableName, '..'), { recursive: true });
    writeFileSync(join(electronDir, 'dist', executableName), 'binary');
    writeFileSync(join(electronDir, 'dist', 'version'), `v${version}`);
    writeFileSync(join(electronDir, 'path.txt'), executableName);
    const decision = await chooseMode({ electronDir, env: env('unreachable') });
    expect(decision).toEqual({
      mode: 'electron',
      executable: join(electronDir, 'dist', executableName),
      fetched: false,
    });
    expect(downloadCount()).toBe(0);
  });

  it('downloads the binary once through Electron’s installer when it is missing and the network is there', async () => {
    expect(electronExecutable(electronDir)).toBeNull();
    const decision = await chooseMode({ electronDir, env: env('reachable') });
    expect(decision).toEqual({
      mode: 'electron',
      executable: join(electronDir, 'dist', executableName),
      fetched: true,
    });
    expect(downloadCount()).toBe(1);
    expect(readFileSync(join(electronDir, 'path.txt'), 'utf8')).toBe(executableName);
  });

  it('falls back to the browser mode with two plain lines when the download fails', async () => {
    const decision = await chooseMode({ electronDir, env: env('unreachable') });
    expect(decision.mode).toBe('browser');
    expect(decision.lines).toHaveLength(2);
    const [what, forward] = decision.lines ?? [];
    expect(what).toContain('could not download Electron');
    expect(what).toContain('fetch failed');
    expect(what).not.toMatch(/TypeError|at async|FetchDownloader/);
    // The three ways forward: connect once, a mirror or a local copy, or the browser window.
    expect(forward).toMatch(/connect to the internet once/);
    expect(forward).toMatch(/ELECTRON_MIRROR/);
    expect(forward).toMatch(/electron_config_cache/);
    expect(forward).toMatch(/browser window/);
    expect(downloadCount()).toBe(1);
    expect(electronExecutable(electronDir)).toBeNull();
  });

  it('refuses instead of falling back with --no-fallback', async () => {
    const decision = await chooseMode({ electronDir, env: env('unreachable'), noFallback: true });
    expect(decision.mode).toBe('refused');
    expect(decision.lines?.[1]).toMatch(/npm run start:browser/);
  });

  it('goes straight to the browser mode when asked, without trying Electron', async () => {
    const decision = await chooseMode({ electronDir, env: env('reachable'), browser: true });
    expect(decision).toEqual({ mode: 'browser', lines: [] });
    expect(downloadCount()).toBe(0);
  });
});
