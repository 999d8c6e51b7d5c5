/**
 * Reading a file that may be hostile or simply wrong: only a regular file (never a device such as /dev/zero,
 * a FIFO that never ends or a socket), and only up to a limit checked before anything is read. The file is
 * opened without blocking, so a FIFO swapped in after the first check cannot hang the read, and checked again
 * on the open handle.
 */
import { constants } from 'node:fs';
import { lstat, open, rename, stat } from 'node:fs/promises';
import { basename } from 'node:path';

export type BoundedReadError =
  | { kind: 'missing' }
  | { kind: 'not-a-file'; what: string }
  | { kind: 'too-large'; size: number; limit: number }
  | { kind: 'unreadable'; error: unknown };

export type BoundedRead = { ok: true; value: { bytes: Buffer; mtimeMs: number } } | { ok: false; error: BoundedReadError };

/** O_NONBLOCK does not exist on Windows, where FIFOs and devices are not reachable by a plain path anyway. */
const NONBLOCK = constants.O_NONBLOCK ?? 0;

function kindOf(s: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a pipe';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not an ordinary file';
}

function errno(e: unknown): string {
  return e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : '';
}

export async function readBoundedFile(path: string, limit: number): Promise<BoundedRead> {
  try {
    const before = await stat(path);
    if (!before.isFile()) return { ok: false, error: { kind: 'not-a-file', what: kindOf(before) } };
    if (before.size > limit) return { ok: false, error: { kind: 'too-large', size: before.size, limit } };
  } catch (e) {
    return { ok: false, error: errno(e) === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', error: e } };
  }
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(path, constants.O_RDONLY | NONBLOCK);
    const s = await handle.stat();
    if (!s.isFile()) return { ok: false, error: { kind: 'not-a-file', what: kindOf(s) } };
    if (s.size > limit) return { ok: false, error: { kind: 'too-large', size: s.size, limit } };
    // Read to the end, but never past the limit: a file growing while it is read is refused, not loaded.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(s.size - total, 0) + 1, limit - total + 1, 1024 * 1024));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) return { ok: false, error: { kind: 'too-large', size: total, limit } };
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return { ok: true, value: { bytes: Buffer.concat(chunks, total), mtimeMs: s.mtimeMs } };
  } catch (e) {
    return { ok: false, error: errno(e) === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', error: e } };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** "240 MB", "12 KB": sizes as the officer reads them in a message. */
export function sizeInWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024).toLocaleString('en-GB')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;
  return `${bytes} bytes`;
}

/** A plain sentence for a refusal other than "missing" or "unreadable", which the caller words for its own file. */
export function describeRefusal(error: Exclude<BoundedReadError, { kind: 'missing' } | { kind: 'unreadable' }>, path: string, noun: string): string {
  const name = basename(path);
  return error.kind === 'not-a-file'
    ? `“${name}” is ${error.what}, not a file, so it was not read.`
    : `“${name}” is ${sizeInWords(error.size)}; the largest ${noun} the app reads is ${sizeInWords(error.limit)}.`;
}

/**
 * For files another library reads whole (electron-store's settings.json): one that is too large, or not a file
 * at all, is moved aside before the library sees it, so the app starts with defaults instead of failing. Returns
 * what was done, for the log, or null when the file is fine or absent.
 */
export async function setAsideIfUnreadable(path: string, limit: number): Promise<string | null> {
  let s: Awaited<ReturnType<typeof lstat>>;
  try {
    s = await lstat(path);
  } catch {
    return null;
  }
  if (s.isFile() && s.size <= limit) return null;
  const aside = `${path}.set-aside-${Date.now()}`;
  const why = s.isFile() ? `it is ${sizeInWords(s.size)}, over the ${sizeInWords(limit)} limit` : 'it is not an ordinary file';
  try {
    await rename(path, aside);
  } catch (e) {
    return `“${basename(path)}” could not be moved aside (${why}): ${e instanceof Error ? e.message : String(e)}`;
  }
  return `“${basename(path)}” was moved aside to “${basename(aside)}” because ${why}; defaults are used instead.`;
}
