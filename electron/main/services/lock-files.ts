/**
 * Lock files beside a workbook ("~$Name.awbook.lock", as Office does), so a second person opening it from a
 * shared drive is told who has it open. The holder refreshes the lock while the workbook is open; a lock not
 * refreshed for a while, or held by a process on this machine that is gone, is stale and can be taken over.
 */
import { randomBytes } from 'node:crypto';
import { link, open, rename, stat, unlink } from 'node:fs/promises';
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

export type AcquireOutcome = { status: 'acquired' } | { status: 'held'; holder: LockHolder };

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

async function readLock(path: string): Promise<LockRead> {
  const read = await readBoundedFile(path, MAX_LOCK_BYTES);
  if (!read.ok) {
    if (read.error.kind === 'missing') return { kind: 'missing' };
    // Too large or not a file: never read, but its age still says when it is stale.
    const s = await stat(path).catch(() => null);
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

/** Writes the whole content to a temp file beside the lock first, so a lock file is never seen half-written. */
async function writeTemp(lockPath: string, content: string): Promise<string> {
  const temp = join(dirname(lockPath), `${basename(lockPath)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(content);
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw e;
  } finally {
    await handle.close().catch(() => undefined);
  }
  return temp;
}

/**
 * Creates the lock only if there is none: a hard link of the complete temp file fails with EEXIST when the lock
 * exists, on local disks and SMB shares alike. Where hard links are not supported (some FAT and cloud drives),
 * an exclusive create of the lock itself is the fallback.
 */
async function createExclusive(lockPath: string, content: string): Promise<'created' | 'exists'> {
  const temp = await writeTemp(lockPath, content);
  try {
    await link(temp, lockPath);
    return 'created';
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'EEXIST') return 'exists';
    if (code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EPERM' && code !== 'EXDEV') throw e;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(lockPath, 'wx');
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') return 'exists';
    throw e;
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close().catch(() => undefined);
  }
  return 'created';
}

/** Replaces the lock in one step (a lock we hold, or one taken over): readers see the old or the new, whole. */
async function replace(lockPath: string, content: string): Promise<void> {
  const temp = await writeTemp(lockPath, content);
  try {
    await rename(temp, lockPath);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

export class LockFiles {
  constructor(
    private readonly me: LockOwner,
    private readonly now: () => Date = () => new Date(),
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

  /** Takes the lock unless someone else holds it; with takeOver, takes it regardless. */
  async acquire(workbookPath: string, options: { takeOver?: boolean } = {}): Promise<AcquireOutcome> {
    const path = lockPathFor(workbookPath);
    // A lock released between our create and our read is simply created again; a few rounds are plenty.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        if ((await createExclusive(path, this.content())) === 'created') return { status: 'acquired' };
      } catch {
        // A folder we cannot write a lock into (read-only share, full disk): open without one rather than refuse.
        return { status: 'acquired' };
      }
      const existing = await readLock(path);
      if (!isLock(existing) && existing.kind === 'missing') continue;
      if (!options.takeOver) {
        if (isLock(existing)) {
          if (existing.owner !== this.me.owner) return { status: 'held', holder: this.describe(existing) };
        } else {
          const holder = this.unreadableHolder(existing.mtimeMs);
          if (holder) return { status: 'held', holder };
        }
      }
      await replace(path, this.content()).catch(() => undefined);
      return { status: 'acquired' };
    }
    return { status: 'held', holder: { ...UNKNOWN_HOLDER, since: this.now().toISOString(), stale: false } };
  }

  /** Refreshes our lock; re-creates it if it vanished. Returns the holder if someone else has taken it over. */
  async refresh(workbookPath: string): Promise<LockHolder | null> {
    const path = lockPathFor(workbookPath);
    const existing = await readLock(path);
    if (isLock(existing) && existing.owner !== this.me.owner) return this.describe(existing);
    if (!isLock(existing) && existing.kind === 'missing') {
      const created = await createExclusive(path, this.content()).catch(() => 'failed' as const);
      if (created !== 'exists') return null;
      const now = await readLock(path);
      return isLock(now) && now.owner !== this.me.owner ? this.describe(now) : null;
    }
    await replace(path, this.content(isLock(existing) ? existing.since : undefined)).catch(() => undefined);
    return null;
  }

  /** Removes the lock if it is ours; leaves someone else's alone. */
  async release(workbookPath: string): Promise<void> {
    const path = lockPathFor(workbookPath);
    const existing = await readLock(path);
    if (isLock(existing) && existing.owner === this.me.owner) await unlink(path).catch(() => undefined);
  }
}
