/**
 * Lock files beside a workbook ("~$Name.awbook.lock", as Office does), so a second person opening it from a
 * shared drive is told who has it open. The holder refreshes the lock while the workbook is open; a lock not
 * refreshed for a while, or held by a process on this machine that is gone, is stale and can be taken over.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { parseGuardedJson } from '../../../shared/model/json-guard';

export const LOCK_STALE_AFTER_MS = 10 * 60 * 1000;

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

async function readLock(path: string): Promise<LockFile | 'missing' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  const json = parseGuardedJson(text);
  if (!json.ok) return 'unreadable';
  const parsed = LockFileSchema.safeParse(json.value);
  return parsed.success ? parsed.data : 'unreadable';
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

  /** Takes the lock unless someone else holds it; with takeOver, takes it regardless. */
  async acquire(workbookPath: string, options: { takeOver?: boolean } = {}): Promise<AcquireOutcome> {
    const path = lockPathFor(workbookPath);
    try {
      await writeFile(path, this.content(), { flag: 'wx' });
      return { status: 'acquired' };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        // A folder we cannot write a lock into (read-only share): open without one rather than refuse.
        return { status: 'acquired' };
      }
    }
    const existing = await readLock(path);
    if (existing !== 'missing' && existing !== 'unreadable' && existing.owner !== this.me.owner && !options.takeOver) {
      return { status: 'held', holder: this.describe(existing) };
    }
    await writeFile(path, this.content()).catch(() => undefined);
    return { status: 'acquired' };
  }

  /** Refreshes our lock; re-creates it if it vanished. Returns the holder if someone else has taken it over. */
  async refresh(workbookPath: string): Promise<LockHolder | null> {
    const path = lockPathFor(workbookPath);
    const existing = await readLock(path);
    if (existing !== 'missing' && existing !== 'unreadable' && existing.owner !== this.me.owner) {
      return this.describe(existing);
    }
    const since = existing !== 'missing' && existing !== 'unreadable' ? existing.since : undefined;
    await writeFile(path, this.content(since)).catch(() => undefined);
    return null;
  }

  /** Removes the lock if it is ours; leaves someone else's alone. */
  async release(workbookPath: string): Promise<void> {
    const path = lockPathFor(workbookPath);
    const existing = await readLock(path);
    if (existing !== 'missing' && existing !== 'unreadable' && existing.owner === this.me.owner)
      await unlink(path).catch(() => undefined);
  }
}
