/**
 * Decides how `npm start` runs the app: in Electron when its binary is present or can be fetched, otherwise in a
 * browser window (browser/main.ts), unless the officer said --no-fallback. Plain Node with no dependencies, so it
 * runs before anything else is known to work. Issue 16.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable, found the way Electron's own installer records it (path.txt beside its package), or
 * null. Never require('electron') here: that starts a download when the binary is missing.
 */
export function electronExecutable(electronDir, env = process.env) {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const executable = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist'), relative);
  return existsSync(executable) ? executable : null;
}

/**
 * Runs Electron's installer (its `install-electron` bin: exits 0 at once when the binary is there, otherwise
 * downloads it, or prints a stack trace and exits 1). Its output is kept, not shown: the officer is told in
 * plain words instead. Resolves to the installer's exit code and the first line of what it printed.
 */
export function runElectronInstaller(electronDir, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ code: 1, firstLine: e.message }));
    // "TypeError: fetch failed" → "fetch failed": the officer needs what happened, not the kind of error.
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        firstLine: (output.trim().split('\n')[0] ?? '').replace(/^[A-Za-z]*Error: /, ''),
      }),
    );
  });
}

/** The two lines the officer sees when Electron cannot be had: what failed, and the three ways forward. */
export function fallbackLines(reason, fallingBack) {
  return [
    `Alignment Workbench could not download Electron, the program it runs in (${reason || 'no reason given'}).`,
    `To fix it: connect to the internet once and run npm start again, or set ELECTRON_MIRROR (or electron_config_cache, a folder holding the Electron zip) to a copy; ${
      fallingBack
        ? 'until then it opens in a browser window (npm run start:browser).'
        : 'or run it in a browser window: npm run start:browser.'
    }`,
  ];
}

/**
 * The decision. `install` runs the installer (injected so tests can stub the download). Returns
 * { mode: 'electron', executable, fetched } | { mode: 'browser', lines } | { mode: 'refused', lines }.
 */
export async function chooseMode({
  electronDir,
  browser = false,
  noFallback = false,
  env = process.env,
  install = runElectronInstaller,
}) {
  if (browser) return { mode: 'browser', lines: [] };
  const present = electronExecutable(electronDir, env);
  if (present) return { mode: 'electron', executable: present, fetched: false };
  const result = await install(electronDir, env);
  const fetched = result.code === 0 ? electronExecutable(electronDir, env) : null;
  if (fetched) return { mode: 'electron', executable: fetched, fetched: true };
  const reason = result.code === 0 ? 'the installer finished but left no Electron program' : result.firstLine;
  return noFallback
    ? { mode: 'refused', lines: fallbackLines(reason, false) }
    : { mode: 'browser', lines: fallbackLines(reason, true) };
}
