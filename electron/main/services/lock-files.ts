/**
 * Lock files beside a workbook ("~$Name.awbook.lock", as Office does), so a second person opening it from a
 * shared drive is told who has it open. The holder refreshes the lock while the workbook is open; a lock not
 * refreshed for a while, or held by a process on this machine that is gone, is stale and can be taken over.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { parseGuardedJson } from '../../../shared/model/json-guard';
import { readBoundedFile } from './bounded-read';

export const LOCK_STALE_AFTER_MS = 10 * 60 * 1000;
/** A lock file is a few hundred bytes; anything larger is not ours and is never read into memory. */
export const MAX_LOCK_BYTES = 16 * 1024;
/** Who holds a lock whose file cannot be read (a damaged file, or one from another program). */
const UNKNOWN_HOLDER = { user: 'someone', machine: 'another computer' };

const LockFileSchema = z.object({
  app: z.literal('alignment-workbench'),
  user: z.string().max(200),
  machine: z.string().max(200),
  pid: z.number().int(),
  owner: z.string().max(64),
  since: z.string(),
  heartbeat: z.string(),
});
type LockFile = z.infer<typeof LockFileSchema>;

export interface LockOwner {
  readonly user: string;
  readonly machine: string;
  readonly pid: number;
  /** Unique to this run of the app, so two windows or a restarted app are told apart. */
  readonly owner: string;
}

export interface LockHolder {
  user: string;
  machine: string;
  since: string;
  stale: boolean;
}

/**
 * The file operations locks use. A seam so tests can make the disk full, the quota run out or a write come up
 * short, none of which a test can make a real disk do reliably.
 */
export interface LockFs {
  open: (path: string, flags: string) => Promise<{ write: (data: Uint8Array) => Promise<{ bytesWritten: number }>; close: () => Promise<void> }>;
  link: (existing: string, path: string) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  stat: (path: string) => Promise<{ mtimeMs: number }>;
  unlink: (path: string) => Promise<void>;
}

const realFs: LockFs = {
  open: (path, flags) => nodeFs.open(path, flags),
  link: nodeFs.link,
  rename: nodeFs.rename,
  stat: nodeFs.stat,
  unlink: nodeFs.unlink,
};

/**
 * `unwritable`: the lock could not be written whole (a full disk, a used-up quota, a short write, a read-only
 * folder). Without a lock nobody else is told the workbook is open, so it opens read-only; `reason` says why.
 */
export type AcquireOutcome = { status: 'acquired' } | { status: 'held'; holder: LockHolder } | { status: 'unwritable'; reason: string };

/** Thrown when a write stops before the whole lock is on disk without the system saying why. */
class ShortWriteError extends Error {
  readonly code = 'SHORT_WRITE';
}

/** Why a lock could not be written, in words for the officer: the cause only, the caller says what follows. */
export function describeLockFailure(workbookPath: string, error: unknown): string {
  const name = `“${basename(workbookPath)}”`;
  switch (errnoCode(error)) {
    case 'ENOSPC':
      return `The drive holding ${name} is full, so the app could not mark the workbook as open.`;
    case 'EDQUOT':
      return `Your storage allowance on the drive holding ${name} is used up, so the app could not mark the workbook as open.`;
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return `The app cannot write in the folder holding ${name}, so it could not mark the workbook as open.`;
    default:
      return `The app could not write the lock file beside ${name} in full, so it could not mark the workbook as open.`;
  }
}

/** The signed-in user's name for a lock, as the app and the command line both record it. */
export function currentUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'Unknown user'; // some locked-down accounts have no user name to report
  }
}

export function lockPathFor(workbookPath: string): string {
  return join(dirname(workbookPath), `~$${basename(workbookPath)}.lock`);
}

function processIsAlive(pid: number): boolean {
  // 0 and negative numbers name process groups, which kill() would report as alive.
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type LockRead = LockFile | { kind: 'missing' } | { kind: 'unreadable'; mtimeMs: number | null };

async function readLock(fs: LockFs, path: string): Promise<LockRead> {
  const read = await readBoundedFile(path, MAX_LOCK_BYTES);
  if (!read.ok) {
    if (read.error.kind === 'missing') return { kind: 'missing' };
    // Too large or not a file: never read, but its age still says when it is stale.
    const s = await fs.stat(path).catch(() => null);
    return { kind: 'unreadable', mtimeMs: s?.mtimeMs ?? null };
  }
  const json = parseGuardedJson(read.value.bytes.toString('utf8'), 8);
  const parsed = json.ok ? LockFileSchema.safeParse(json.value) : null;
  return parsed?.success ? parsed.data : { kind: 'unreadable', mtimeMs: read.value.mtimeMs };
}

const isLock = (r: LockRead): r is LockFile => !('kind' in r);

function errnoCode(e: unknown): string {
  return e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : '';
}

/** Writes all of `content`, or throws: a write that stops short without an error is an error here. */
async function writeWhole(handle: Awaited<ReturnType<LockFs['open']>>, content: string): Promise<void> {
  const bytes = Buffer.from(content, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes.subarray(done));
    if (bytesWritten <= 0) throw new ShortWriteError(`wrote ${done} of ${bytes.length} bytes`);
    done += bytesWritten;
  }
}

/** Writes the whole content to a temp file beside the lock first, so a lock file is never seen half-written. */
async function writeTemp(fs: LockFs, lockPath: string, content: string): Promise<string> {
  const temp = join(dirname(lockPath), `${basename(lockPath)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx');
  try {
    await writeWhole(handle, content);
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  return temp;
}

/**
 * Creates the lock only if there is none: a hard link of the complete temp file fails with EEXIST when the lock
 * exists, on local disks and SMB shares alike. Where hard links are not supported (some FAT and cloud drives),
 * an exclusive create of the lock itself is the fallback.
 */
async function createExclusive(fs: LockFs, lockPath: string, content: string): Promise<'created' | 'exists'> {
  const temp = await writeTemp(fs, lockPath, content);
  try {
    await fs.link(temp, lockPath);
    return 'created';
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'EEXIST') return 'exists';
    if (code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EPERM' && code !== 'EXDEV') throw e;
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
  let handle: Awaited<ReturnType<LockFs['open']>>;
  try {
    handle = await fs.open(lockPath, 'wx');
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') return 'exists';
    throw e;
  }
  try {
    await writeWhole(handle, content);
  } catch (e) {
    // A partial lock of ours would read as held by someone unknown for ten minutes: remove it.
    await handle.close().catch(() => undefined);
    await fs.unlink(lockPath).catch(() => undefined);
    throw e;
  }
  await handle.close();
  return 'created';
}

/** Replaces the lock in one step (a lock we hold, or one taken over): readers see the old or the new, whole. */
async function replace(fs: LockFs, lockPath: string, content: string): Promise<void> {
  const temp = await writeTemp(fs, lockPath, content);
  try {
    await fs.rename(temp, lockPath);
  } catch (e) {
    await fs.unlink(temp).catch(() => undefined);
    throw e;
  }
}

export class LockFiles {
  constructor(
    private readonly me: LockOwner,
    private readonly now: () => Date = () => new Date(),
    private readonly fs: LockFs = realFs,
  ) {}

  private describe(lock: LockFile): LockHolder {
    const age = this.now().getTime() - Date.parse(lock.heartbeat);
    const deadHere = lock.machine === this.me.machine && lock.owner !== this.me.owner && !processIsAlive(lock.pid);
    return {
      user: lock.user,
      machine: lock.machine,
      since: lock.since,
      stale: deadHere || !(age < LOCK_STALE_AFTER_MS),
    };
  }

  private content(since?: string): string {
    const stamp = this.now().toISOString();
    const lock: LockFile = { app: 'alignment-workbench', ...this.me, since: since ?? stamp, heartbeat: stamp };
    return `${JSON.stringify(lock, null, 2)}\n`;
  }

  /**
   * A lock file that cannot be read is held by someone unknown until it is stale: it may be another app's lock
   * being written on a slow share. Nobody refreshes a damaged lock, so once stale it is replaced.
   */
  private unreadableHolder(mtimeMs: number | null): LockHolder | null {
    const age = mtimeMs === null ? 0 : this.now().getTime() - mtimeMs;
    if (age >= LOCK_STALE_AFTER_MS) return null;
    return { ...UNKNOWN_HOLDER, since: new Date(mtimeMs ?? this.now().getTime()).toISOString(), stale: false };
  }

  /** Someone else's hold on an existing lock, or null when it is free to take (ours, stale, or taking over). */
  private otherHolder(existing: LockRead, takeOver: boolean): LockHolder | null {
    if (takeOver) return null;
    if (isLock(existing)) return existing.owner !== this.me.owner ? this.describe(existing) : null;
    return existing.kind === 'missing' ? null : this.unreadableHolder(existing.mtimeMs);
  }

  /** Takes the lock unless someone else holds it; with takeOver, takes it regardless. */
  async acquire(workbookPath: string, options: { takeOver?: boolean } = {}): Promise<AcquireOutcome> {
    const path = lockPathFor(workbookPath);
    const takeOver = options.takeOver === true;
    // A lock released between our create and our read is simply created again; a few rounds are plenty.
    for (let attempt = 0; attempt < 3; attempt++) {
      let created: 'created' | 'exists';
      try {
        created = await createExclusive(this.fs, path, this.content());
      } catch (e) {
        // On a full disk the temp file fails before the lock is tried: a colleague's lock still says who has it.
        const holder = this.otherHolder(await readLock(this.fs, path), takeOver);
        return holder ? { status: 'held', holder } : { status: 'unwritable', reason: describeLockFailure(workbookPath, e) };
      }
      if (created === 'created') return { status: 'acquired' };
      const existing = await readLock(this.fs, path);
      if (!isLock(existing) && existing.kind === 'missing') continue;
      const holder = this.otherHolder(existing, takeOver);
      if (holder) return { status: 'held', holder };
      try {
        await replace(this.fs, path, this.content());
      } catch (e) {
        return { status: 'unwritable', reason: describeLockFailure(workbookPath, e) };
      }
      return { status: 'acquired' };
    }
    return { status: 'held', holder: { ...UNKNOWN_HOLDER, since: this.now().toISOString(), stale: false } };
  }

  /** Refreshes our lock; re-creates it if it vanished. Returns the holder if someone else has taken it over. */
  async refresh(workbookPath: string): Promise<LockHolder | null> {
    const path = lockPathFor(workbookPath);
    const existing = await readLock(this.fs, path);
    if (isLock(existing) && existing.owner !== this.me.owner) return this.describe(existing);
    if (!isLock(existing) && existing.kind === 'missing') {
      const created = await createExclusive(this.fs, path, this.content()).catch(() => 'failed' as const);
      if (created !== 'exists') return null;
      const now = await readLock(this.fs, path);
      return isLock(now) && now.owner !== this.me.owner ? this.describe(now) : null;
    }
    await replace(this.fs, path, this.content(isLock(existing) ? existing.since : undefined)).catch(() => undefined);
    return null;
  }

  /** Removes the lock if it is ours; leaves someone else's alone. */
  async release(workbookPath: string): Promise<void> {
    const path = lockPathFor(workbookPath);
    const existing = await readLock(this.fs, path);
    if (isLock(existing) && existing.owner === this.me.owner) await this.fs.unlink(path).catch(() => undefined);
  }
}
