/**
 * Where the built bundles are, and a build when they are missing or older than their sources, so the wiring
 * tests always judge the code as it is now. `npm test` builds first; this covers `npx vitest run tests/wiring`.
 * Test files run in parallel processes, so the build is guarded by a lock folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';

export const ROOT = resolve(import.meta.dirname, '../..');
export const MAIN_BUNDLE = join(ROOT, 'out/main/index.js');
export const PRELOAD_BUNDLE = join(ROOT, 'out/preload/index.cjs');
export const RENDERER_INDEX = join(ROOT, 'out/renderer/index.html');

const SOURCES = ['electron', 'shared', 'renderer', 'electron.vite.config.ts', 'package.json'];

function newestSource(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestSource(join(path, entry)));
  }
  return newest;
}

function isFresh(): boolean {
  const outputs = [MAIN_BUNDLE, PRELOAD_BUNDLE, RENDERER_INDEX];
  if (!outputs.every((p) => existsSync(p))) return false;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const sources = Math.max(
    ...SOURCES.map((p) => join(ROOT, p))
      .filter((p) => existsSync(p))
      .map(newestSource),
  );
  return built >= sources;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function ensureBuilt(): void {
  if (isFresh()) return;
  const lock = join(tmpdir(), `awb-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test process is building. A lock left by a killed run is broken after two minutes.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the build lock ${lock}`);
      sleep(200);
    }
  }
  try {
    if (!isFresh()) {
      execFileSync(join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], {
        cwd: ROOT,
        stdio: 'pipe',
        timeout: 170_000,
      });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
