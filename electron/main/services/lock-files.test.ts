import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_STALE_AFTER_MS, LockFiles, lockPathFor, MAX_LOCK_BYTES, type LockFs, type LockOwner } from './lock-files';

let folder: string;
let workbook: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-locks-'));
  workbook = join(folder, 'Council Plan.awbook');
  await writeFile(workbook, '{}');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const me: LockOwner = { user: 'pnatarajan', machine: 'BORS-LT-0142', pid: process.pid, owner: 'run-me' };
const colleague: LockOwner = { user: 'tokafor', machine: 'BORS-LT-0977', pid: 4242, owner: 'run-colleague' };

/** A pid that certainly belonged to a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (child.pid === undefined) throw new Error('could not start a child process');
  return child.pid;
}

async function lockContent(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(lockPathFor(workbook), 'utf8'));
}

describe('lock files', () => {
  it('are written beside the workbook, named as Office names its own', () => {
    expect(lockPathFor(workbook)).toBe(join(folder, '~$Council Plan.awbook.lock'));
  });

  it('record who has the workbook open, on which machine, and since when', async () => {
    const now = new Date('2026-01-20T09:00:00Z');
    const locks = new LockFiles(me, () => now);
    expect(await locks.acquire(workbook)).toEqual({ status: 'acquired' });
    expect(await lockContent()).toEqual({
      app: 'alignment-workbench',
      user: 'pnatarajan',
      machine: 'BORS-LT-0142',
      pid: process.pid,
      owner: 'run-me',
      since: '2026-01-20T09:00:00.000Z',
      heartbeat: '2026-01-20T09:00:00.000Z',
    });
  });

  it('tell a second person who holds the workbook', async () => {
    await new LockFiles(colleague).acquire(workbook);
    const outcome = await new LockFiles(me).acquire(workbook);
    expect(outcome).toEqual({
      status: 'held',
      holder: { user: 'tokafor', machine: 'BORS-LT-0977', since: expect.any(String), stale: false },
    });
    expect((await lockContent()).owner).toBe('run-colleague');
  });

  it('let the same run of the app take its own lock again', async () => {
    const locks = new LockFiles(me);
    await locks.acquire(workbook);
    expect(await locks.acquire(workbook)).toEqual({ status: 'acquired' });
  });

  it('are stale when not refreshed for longer than the limit', async () => {
    const longAgo = new Date(Date.now() - LOCK_STALE_AFTER_MS - 60_000);
    await new LockFiles(colleague, () => longAgo).acquire(workbook);
    const outcome = await new LockFiles(me).acquire(workbook);
    expect(outcome).toMatchObject({ status: 'held', holder: { user: 'tokafor', stale: true } });
  });

  it('are not stale when refreshed recently', async () => {
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await new LockFiles(colleague, () => aMinuteAgo).acquire(workbook);
    expect(await new LockFiles(me).acquire(workbook)).toMatchObject({ holder: { stale: false } });
  });

  it('are stale at once when held by a process on this machine that has ended (the app crashed)', async () => {
    const crashedRun: LockOwner = { user: 'pnatarajan', machine: me.machine, pid: deadPid(), owner: 'run-before-the-crash' };
    await new LockFiles(crashedRun).acquire(workbook);
    expect(await new LockFiles(me).acquire(workbook)).toMatchObject({ status: 'held', holder: { user: 'pnatarajan', stale: true } });
  });

  it('are not stale when held by a running process on this machine (another window or user session)', async () => {
    const otherRun: LockOwner = { user: 'pnatarajan', machine: me.machine, pid: process.pid, owner: 'run-other' };
    await new LockFiles(otherRun).acquire(workbook);
    expect(await new LockFiles(me).acquire(workbook)).toMatchObject({ holder: { stale: false } });
  });

  it('cannot judge a process on another machine by its pid', async () => {
    await new LockFiles({ ...colleague, pid: deadPid() }).acquire(workbook);
    expect(await new LockFiles(me).acquire(workbook)).toMatchObject({ holder: { stale: false } });
  });

  it('treat a lock whose pid is not a real process id as dead', async () => {
    await new LockFiles({ ...colleague, machine: me.machine, pid: 0 }).acquire(workbook);
    expect(await new LockFiles(me).acquire(workbook)).toMatchObject({ holder: { stale: true } });
  });

  it('treat a lock with an unreadable heartbeat as stale', async () => {
    await writeFile(
      lockPathFor(workbook),
      JSON.stringify({ app: 'alignment-workbench', user: 'x', machine: 'y', pid: 1, owner: 'z', since: 'then', heartbeat: 'not a date' }),
    );
    expect(await new LockFiles(me).acquire(workbook)).toMatchObject({ holder: { stale: true } });
  });

  it('can be taken over, and the former holder is then told who has it', async () => {
    const theirs = new LockFiles(colleague);
    await theirs.acquire(workbook);
    const mine = new LockFiles(me);
    expect(await mine.acquire(workbook, { takeOver: true })).toEqual({ status: 'acquired' });
    expect((await lockContent()).owner).toBe('run-me');

    expect(await theirs.refresh(workbook)).toEqual({ user: 'pnatarajan', machine: 'BORS-LT-0142', since: expect.any(String), stale: false });
    expect((await lockContent()).owner, 'a refresh never takes the lock back').toBe('run-me');
    await theirs.release(workbook);
    expect((await lockContent()).owner, 'the former holder cannot remove it').toBe('run-me');
    expect(await mine.refresh(workbook)).toBeNull();
  });

  it('are released only by their holder', async () => {
    const mine = new LockFiles(me);
    await mine.acquire(workbook);
    await new LockFiles(colleague).release(workbook);
    expect((await lockContent()).owner).toBe('run-me');
    await mine.release(workbook);
    expect(await readdir(folder)).toEqual(['Council Plan.awbook']);
  });

  it('refresh the heartbeat but keep the time the workbook was opened', async () => {
    let now = new Date('2026-01-20T09:00:00Z');
    const locks = new LockFiles(me, () => now);
    await locks.acquire(workbook);
    now = new Date('2026-01-20T09:05:00Z');
    expect(await locks.refresh(workbook)).toBeNull();
    expect(await lockContent()).toMatchObject({ since: '2026-01-20T09:00:00.000Z', heartbeat: '2026-01-20T09:05:00.000Z' });
  });

  it('are put back if someone deleted ours', async () => {
    const locks = new LockFiles(me);
    await locks.acquire(workbook);
    await rm(lockPathFor(workbook));
    expect(await locks.refresh(workbook)).toBeNull();
    expect((await lockContent()).owner).toBe('run-me');
  });

  it('read an empty, partial or foreign lock file as held by someone, so two people never both edit', async () => {
    for (const junk of ['', '{"app":"alignment-workbench","us', 'not json', '{"app":"other-app"}', '['.repeat(10_000)]) {
      await writeFile(lockPathFor(workbook), junk);
      expect(await new LockFiles(me).acquire(workbook), junk.slice(0, 30)).toMatchObject({
        status: 'held',
        holder: { user: 'someone', machine: 'another computer', stale: false },
      });
      expect(await readFile(lockPathFor(workbook), 'utf8'), 'the lock is left as it was').toBe(junk);
    }
  });

  it('replace a damaged lock file once it is stale (nobody refreshes it), or when taking over', async () => {
    await writeFile(lockPathFor(workbook), '');
    expect(await new LockFiles(me).acquire(workbook, { takeOver: true })).toEqual({ status: 'acquired' });
    expect((await lockContent()).owner).toBe('run-me');

    await writeFile(lockPathFor(workbook), 'not json');
    const later = new Date(Date.now() + LOCK_STALE_AFTER_MS + 1_000);
    expect(await new LockFiles(colleague, () => later).acquire(workbook)).toEqual({ status: 'acquired' });
    expect((await lockContent()).owner).toBe('run-colleague');
  });

  it('never read a huge lock file into memory: it is held until stale, and nothing crashes', async () => {
    const handle = await open(lockPathFor(workbook), 'w');
    await handle.truncate(10 * 1024 * 1024);
    await handle.close();
    expect(await new LockFiles(me).acquire(workbook)).toMatchObject({ status: 'held', holder: { user: 'someone' } });
    expect(MAX_LOCK_BYTES).toBeLessThan(64 * 1024);
    const later = new Date(Date.now() + LOCK_STALE_AFTER_MS + 1_000);
    expect(await new LockFiles(me, () => later).acquire(workbook), 'once stale it is replaced').toEqual({ status: 'acquired' });
    expect((await lockContent()).owner).toBe('run-me');
  });

  it('are never seen half-written: the lock appears with its whole content in one step', async () => {
    const locks = new LockFiles(me);
    await locks.acquire(workbook);
    await locks.refresh(workbook);
    expect((await readdir(folder)).sort(), 'no temp files are left beside it').toEqual(['Council Plan.awbook', '~$Council Plan.awbook.lock']);
  });
});

/**
 * A disk that takes `room` bytes of writes and then fails: with an error code (a full disk, a used-up quota) or,
 * with no code, by writing nothing and saying so (a short write some network drives report).
 */
function fillingDisk(room: number, code: string | null): LockFs {
  let left = room;
  return {
    open: async (path, flags) => {
      const handle = await fs.open(path, flags);
      return {
        write: async (data: Uint8Array) => {
          if (left <= 0) {
            if (code) throw Object.assign(new Error(`${code}: no room`), { code });
            return { bytesWritten: 0 };
          }
          const part = data.subarray(0, Math.min(left, data.length));
          left -= part.length;
          return handle.write(part);
        },
        close: () => handle.close(),
      };
    },
    link: fs.link,
    rename: fs.rename,
    stat: fs.stat,
    unlink: fs.unlink,
  };
}

describe('lock files on a full disk', () => {
  for (const c of [
    { code: 'ENOSPC', says: /drive holding “Council Plan.awbook” is full/ },
    { code: 'EDQUOT', says: /storage allowance .* is used up/ },
    { code: null, says: /could not write the lock file beside “Council Plan.awbook” in full/ },
  ]) {
    it(`are not taken when the lock cannot be written whole (${c.code ?? 'a short write'}), and leave nothing behind`, async () => {
      for (const room of [0, 40]) {
        const outcome = await new LockFiles(me, () => new Date(), fillingDisk(room, c.code)).acquire(workbook);
        expect(outcome.status, `after ${room} bytes`).toBe('unwritable');
        expect(outcome.status === 'unwritable' && outcome.reason).toMatch(c.says);
        expect(await readdir(folder), 'no lock and no temp file').toEqual(['Council Plan.awbook']);
      }
    });
  }

  it('remove a partial lock of their own where the lock is written in place (no hard links)', async () => {
    const disk = fillingDisk(40, 'ENOSPC');
    const noLinks: LockFs = { ...disk, link: async () => Promise.reject(Object.assign(new Error('no links'), { code: 'EPERM' })) };
    // The temp file takes the first 40 bytes; the in-place write then fails at once.
    const outcome = await new LockFiles(me, () => new Date(), noLinks).acquire(workbook);
    expect(outcome.status).toBe('unwritable');
    expect(await readdir(folder)).toEqual(['Council Plan.awbook']);
  });

  it('when another app left a partial lock on the full disk, read it as held until it is stale', async () => {
    await writeFile(lockPathFor(workbook), '{"app":"alignment-workbench","user":"tok');
    expect(await new LockFiles(me, () => new Date(), fillingDisk(0, 'ENOSPC')).acquire(workbook)).toMatchObject({ status: 'held', holder: { user: 'someone' } });
    const later = new Date(Date.now() + LOCK_STALE_AFTER_MS + 1_000);
    const stale = await new LockFiles(me, () => later, fillingDisk(0, 'ENOSPC')).acquire(workbook);
    expect(stale.status, 'stale, but the replacement cannot be written either').toBe('unwritable');
    expect(await readFile(lockPathFor(workbook), 'utf8'), 'the partial lock is left as it was').toBe('{"app":"alignment-workbench","user":"tok');
  });
});

describe('lock files raced by many processes on one folder', () => {
  const ROUNDS = 1_000;
  const PROCESSES = 6;
  const racer = `
    import { LockFiles } from ${JSON.stringify(join(import.meta.dirname, 'lock-files.ts'))};
    const [folder, owner, rounds] = process.argv.slice(2);
    const locks = new LockFiles({ user: owner, machine: 'race', pid: process.pid, owner });
    const won = [];
    for (let i = 0; i < Number(rounds); i++) {
      const outcome = await locks.acquire(folder + '/plan-' + i + '.awbook');
      if (outcome.status === 'acquired') won.push(i);
    }
    process.stdout.write(JSON.stringify(won));
  `;

  it('give each workbook exactly one holder in 1,000 tries', { timeout: 120_000 }, async () => {
    const script = join(folder, 'racer.mts');
    await writeFile(script, racer);
    const runs = await Promise.all(
      Array.from({ length: PROCESSES }, (_, p) =>
        new Promise<number[]>((resolve, reject) =>
          execFile(process.execPath, ['--import', 'tsx', script, folder, `racer-${p}`, String(ROUNDS)], (error, stdout, stderr) =>
            error ? reject(new Error(stderr || error.message)) : resolve(JSON.parse(stdout) as number[]),
          ),
        ),
      ),
    );
    const holders = new Map<number, number>();
    for (const won of runs) for (const i of won) holders.set(i, (holders.get(i) ?? 0) + 1);
    const wrong = Array.from({ length: ROUNDS }, (_, i) => i).filter((i) => holders.get(i) !== 1);
    expect(wrong.map((i) => `plan-${i}: ${holders.get(i) ?? 0} holders`)).toEqual([]);
  });
});
