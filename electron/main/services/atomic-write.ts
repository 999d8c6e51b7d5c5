/**
 * Atomic file replacement for files on local disks, network shares and sync folders: write a temp file in the
 * same folder, fsync it, keep the previous version as a backup, then rename over the target, retrying briefly
 * when Windows reports the file busy (antivirus, the OneDrive client, Explorer previews). A write that dies at
 * any point leaves the old file whole.
 */
import { randomBytes } from 'node:crypto';
import * as realFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The parts of fs/promises we use, so tests can inject faults. */
export interface WriteFs {
  open: typeof realFs.open;
  rename: typeof realFs.rename;
  copyFile: typeof realFs.copyFile;
  unlink: typeof realFs.unlink;
}

export interface AtomicWriteOptions {
  /** Where the previous version goes before it is replaced; null keeps none. */
  backupPath?: string | null;
  fs?: WriteFs;
  /** Attempts and pause between them for a rename that Windows refuses because the file is in use. */
  retries?: number;
  retryDelayMs?: number;
}

const BUSY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);

function isBusy(e: unknown): boolean {
  return e instanceof Error && 'code' in e && BUSY_CODES.has(String((e as NodeJS.ErrnoException).code));
}

function errnoCode(e: unknown): string {
  return e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : '';
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * The file a save really replaces: a symbolic link's target (replacing the link itself would turn a shared
 * workbook into a private copy), and the permissions that file has now, which the new version keeps.
 */
async function resolveTarget(path: string): Promise<{ real: string; mode: number | null }> {
  try {
    const real = await realFs.realpath(path);
    const s = await realFs.stat(real);
    return { real, mode: s.mode & 0o7777 };
  } catch {
    return { real: path, mode: null }; // a new file, or one we cannot inspect: the defaults apply
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}) {
  const fs = options.fs ?? realFs;
  const retries = options.retries ?? 10;
  const delay = options.retryDelayMs ?? 100;
  const { real: target, mode } = await resolveTarget(path);
  const temp = tempPathFor(target);
  let handle: realFs.FileHandle | null = null;
  let backupTemp: string | null = null;
  try {
    handle = await fs.open(temp, 'wx', mode ?? 0o666);
    // open() applies the umask; a 0600 workbook must not become 0644 by being saved.
    if (mode !== null) await handle.chmod(mode).catch(() => undefined);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;

    if (options.backupPath) {
      // Copied beside it first, so a copy that dies half-way leaves the last good backup rather than half a file.
      backupTemp = tempPathFor(options.backupPath);
      try {
        await fs.copyFile(target, backupTemp);
        await renameWithRetry(fs, backupTemp, options.backupPath, retries, delay);
      } catch (e) {
        if (errnoCode(e) !== 'ENOENT') throw e; // nothing to back up the first time
      }
    }

    await renameWithRetry(fs, temp, target, retries, delay);
    await syncFolder(dirname(target));
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    if (backupTemp) await fs.unlink(backupTemp).catch(() => undefined);
    throw e;
  }
}

async function renameWithRetry(fs: WriteFs, from: string, to: string, retries: number, delay: number) {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      if (!isBusy(e) || attempt >= retries) throw e;
      await sleep(delay * (attempt + 1));
    }
  }
}

/** Makes the rename itself durable on POSIX; folders cannot be opened this way on Windows, which is fine. */
async function syncFolder(folder: string) {
  if (process.platform === 'win32') return;
  let dir: realFs.FileHandle | null = null;
  try {
    dir = await realFs.open(folder, 'r');
    await dir.sync();
  } catch {
    // Some network file systems refuse fsync on folders; the data itself is already synced.
  } finally {
    await dir?.close().catch(() => undefined);
  }
}

/** Our own temp files: `.Plan.awbook.1a2b3c4d.tmp` (saves) and `~$Plan.awbook.lock.1a2b3c4d5e6f.tmp` (locks). */
const OWN_TEMP = /^(\..+|~\$.+\.lock)\.[0-9a-f]{8,12}\.tmp$/;
export const ORPHANED_TEMP_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes temp files a save or lock left in this folder when the app was killed part-way, once they are a day
 * old (a younger one may belong to a save in progress on another computer). Returns the names removed.
 */
export async function removeOrphanedTemps(folder: string, now: () => number = Date.now): Promise<string[]> {
  let names: string[];
  try {
    names = await realFs.readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!OWN_TEMP.test(name)) continue;
    const path = join(folder, name);
    try {
      const s = await realFs.lstat(path);
      if (!s.isFile() || now() - s.mtimeMs < ORPHANED_TEMP_AGE_MS) continue;
      await realFs.unlink(path);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove (permissions on a shared drive): leave it.
    }
  }
  return removed;
}

/** A plain-English reason for a failed write, for the message the officer sees. */
export function describeWriteError(e: unknown, target: string): string {
  switch (errnoCode(e)) {
    case 'ENOSPC':
      return `There is not enough space on the drive to save “${basename(target)}”.`;
    case 'EACCES':
    case 'EPERM':
      return `You do not have permission to save in this folder, or another program is using “${basename(target)}”.`;
    case 'EBUSY':
      return `Another program is using “${basename(target)}”. Close it and try again.`;
    case 'ENOENT':
      return `The folder for “${basename(target)}” no longer exists. Choose another with Save As.`;
    case 'EROFS':
      return `The drive holding “${basename(target)}” is read-only.`;
    default:
      return `“${basename(target)}” could not be saved (${e instanceof Error ? e.message : String(e)}).`;
  }
}
