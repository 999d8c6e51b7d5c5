import * as realFs from 'node:fs/promises';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeWriteError, ORPHANED_TEMP_AGE_MS, removeOrphanedTemps, tempPathFor, writeFileAtomic, type WriteFs } from './atomic-write';
import { backupPathFor, readWorkbookFile } from './workbook-files';
import { COMPLETE_WORKBOOK } from '../../../tests/fixtures/fixtures';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-atomic-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure`), { code });
}

type Fault = 'open' | 'write' | 'fsync' | 'close' | 'backup' | 'rename';

/**
 * The real file system with one step made to die. "write" and "backup" die half-way, after writing part of
 * the data, as a full disk or a dropped network share does.
 */
function failingAt(fault: Fault, calls: string[] = []): WriteFs {
  return {
    open: (async (path: string, flags?: string, mode?: number) => {
      calls.push('open');
      if (fault === 'open') throw errno('EMFILE');
      const handle = await realFs.open(path, flags, mode);
      return new Proxy(handle, {
        get(target, prop) {
          if (prop === 'writeFile' && fault === 'write')
            return async (data: Uint8Array | string) => {
              const bytes = typeof data === 'string' ? Buffer.from(data) : data;
              await target.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
              throw errno('ENOSPC');
            };
          if (prop === 'sync' && fault === 'fsync')
            return async () => {
              throw errno('EIO');
            };
          if (prop === 'close' && fault === 'close')
            return async () => {
              await target.close();
              throw errno('EIO');
            };
          const value = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }) as typeof realFs.open,
    copyFile: (async (from: string, to: string) => {
      calls.push('copyFile');
      if (fault === 'backup') {
        const bytes = await readFile(from);
        await writeFile(to, bytes.subarray(0, bytes.length >> 1));
        throw errno('ENOSPC');
      }
      return realFs.copyFile(from, to);
    }) as typeof realFs.copyFile,
    rename: (async (from: string, to: string) => {
      calls.push(to.includes('.backup.') ? 'rename backup' : 'rename');
      if (fault === 'rename' && !to.includes('.backup.')) throw errno('EIO');
      return realFs.rename(from, to);
    }) as typeof realFs.rename,
    unlink: realFs.unlink,
  };
}

/** Renames fail with the given codes first (as Windows does while antivirus holds the file), then succeed. */
function busyRenames(codes: string[], calls: string[]): WriteFs {
  const queue = [...codes];
  return {
    open: realFs.open,
    copyFile: realFs.copyFile,
    unlink: realFs.unlink,
    rename: (async (from: string, to: string) => {
      calls.push('rename');
      const code = queue.shift();
      if (code) throw errno(code);
      return realFs.rename(from, to);
    }) as typeof realFs.rename,
  };
}

const otherFiles = async (keep: string[]) => (await readdir(folder)).filter((f) => !keep.includes(f));

describe('writeFileAtomic', () => {
  it('writes a new file and leaves nothing else behind', async () => {
    const target = join(folder, 'Plan.awbook');
    await writeFileAtomic(target, 'hello', { backupPath: backupPathFor(target) });
    expect(await readFile(target, 'utf8')).toBe('hello');
    expect(await readdir(folder)).toEqual(['Plan.awbook']);
  });

  it('keeps the previous version as "<name>.backup.awbook"', async () => {
    const target = join(folder, 'Borsetshire plan.awbook');
    await writeFileAtomic(target, 'first', { backupPath: backupPathFor(target) });
    await writeFileAtomic(target, 'second', { backupPath: backupPathFor(target) });
    await writeFileAtomic(target, 'third', { backupPath: backupPathFor(target) });
    expect(backupPathFor(target)).toBe(join(folder, 'Borsetshire plan.backup.awbook'));
    expect(await readFile(target, 'utf8')).toBe('third');
    expect(await readFile(join(folder, 'Borsetshire plan.backup.awbook'), 'utf8')).toBe('second');
    expect((await readdir(folder)).sort()).toEqual(['Borsetshire plan.awbook', 'Borsetshire plan.backup.awbook']);
  });

  it('keeps no backup when asked not to', async () => {
    const target = join(folder, 'snapshot.json');
    await writeFileAtomic(target, 'a', { backupPath: null });
    await writeFileAtomic(target, 'b', { backupPath: null });
    expect(await readdir(folder)).toEqual(['snapshot.json']);
  });

  it('puts its temp file in the same folder, hidden, so the rename never crosses drives', () => {
    const temp = tempPathFor(join(folder, 'Plan.awbook'));
    expect(temp.startsWith(join(folder, '.Plan.awbook.'))).toBe(true);
    expect(temp.endsWith('.tmp')).toBe(true);
    expect(tempPathFor(join(folder, 'Plan.awbook'))).not.toBe(temp);
  });

  describe('a save that dies half-way leaves the old file intact and readable, and no temp files', () => {
    for (const fault of ['open', 'write', 'fsync', 'close', 'backup', 'rename'] as const) {
      it(`dying at ${fault}`, async () => {
        const target = join(folder, 'complete-workbook.awbook');
        const original = await readFile(COMPLETE_WORKBOOK);
        await writeFile(target, original);
        await writeFile(backupPathFor(target), 'the backup from the save before');
        const replacement = Buffer.from(original.toString('utf8').replace('Borsetshire Libraries and', 'Changed'));
        const calls: string[] = [];

        await expect(writeFileAtomic(target, replacement, { backupPath: backupPathFor(target), fs: failingAt(fault, calls) })).rejects.toThrow(
          /simulated failure/,
        );

        expect((await readFile(target)).equals(original)).toBe(true);
        const reread = await readWorkbookFile(target);
        expect(reread.ok && reread.value.workbook.title).toBe('Borsetshire Libraries and the Council Plan 2025/26');
        const left = await otherFiles(['complete-workbook.awbook', 'complete-workbook.backup.awbook']);
        expect(left, 'temp files left behind').toEqual([]);
        if (fault !== 'rename' && fault !== 'backup') expect(calls).not.toContain('rename');
        if (fault === 'rename') {
          expect((await readFile(backupPathFor(target))).equals(original), 'the backup is the file as it was').toBe(true);
        } else {
          expect(await readFile(backupPathFor(target), 'utf8'), 'the last good backup is kept').toBe('the backup from the save before');
        }
      });
    }
  });

  it('retries a rename that Windows refuses while another program holds the file', async () => {
    const target = join(folder, 'Plan.awbook');
    await writeFile(target, 'old');
    const calls: string[] = [];
    await writeFileAtomic(target, 'new', { fs: busyRenames(['EBUSY', 'EPERM', 'EACCES'], calls), retryDelayMs: 1 });
    expect(calls).toEqual(['rename', 'rename', 'rename', 'rename']);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await otherFiles(['Plan.awbook', 'Plan.backup.awbook'])).toEqual([]);
  });

  it('retries the backup too when it is held open (a preview pane showing the old backup)', async () => {
    const target = join(folder, 'Plan.awbook');
    await writeFile(target, 'old');
    await writeFile(backupPathFor(target), 'older');
    const calls: string[] = [];
    await writeFileAtomic(target, 'new', { backupPath: backupPathFor(target), fs: busyRenames(['EBUSY'], calls), retryDelayMs: 1 });
    expect(calls).toEqual(['rename', 'rename', 'rename']);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readFile(backupPathFor(target), 'utf8')).toBe('old');
    expect((await readdir(folder)).sort()).toEqual(['Plan.awbook', 'Plan.backup.awbook']);
  });

  it('gives up after the last retry, keeping the old file and removing the temp file', async () => {
    const target = join(folder, 'Plan.awbook');
    await writeFile(target, 'old');
    const calls: string[] = [];
    const error = await writeFileAtomic(target, 'new', { fs: busyRenames(Array(10).fill('EBUSY'), calls), retries: 3, retryDelayMs: 1 }).catch(
      (e: unknown) => e,
    );
    expect((error as NodeJS.ErrnoException).code).toBe('EBUSY');
    expect(calls).toHaveLength(4);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['Plan.awbook']);
  });

  it('does not retry errors that waiting will not cure', async () => {
    const target = join(folder, 'Plan.awbook');
    await writeFile(target, 'old');
    const calls: string[] = [];
    await expect(writeFileAtomic(target, 'new', { fs: busyRenames(['EXDEV'], calls), retryDelayMs: 1 })).rejects.toThrow(/EXDEV/);
    expect(calls).toEqual(['rename']);
    expect(await readFile(target, 'utf8')).toBe('old');
  });

  it('fails cleanly when the folder has gone', async () => {
    const target = join(folder, 'gone', 'Plan.awbook');
    const error = await writeFileAtomic(target, 'x').catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(describeWriteError(error, target)).toBe('The folder for “Plan.awbook” no longer exists. Choose another with Save As.');
  });
});

describe('describeWriteError', () => {
  it('explains common failures in plain English, naming the file', () => {
    const target = join(folder, 'Plan.awbook');
    expect(describeWriteError(errno('ENOSPC'), target)).toBe('There is not enough space on the drive to save “Plan.awbook”.');
    expect(describeWriteError(errno('EBUSY'), target)).toBe('Another program is using “Plan.awbook”. Close it and try again.');
    expect(describeWriteError(errno('EROFS'), target)).toBe('The drive holding “Plan.awbook” is read-only.');
    expect(describeWriteError(errno('EACCES'), target)).toMatch(/^You do not have permission to save in this folder/);
    expect(describeWriteError(errno('EIO'), target)).toBe('“Plan.awbook” could not be saved (EIO: simulated failure).');
  });
});

describe.skipIf(process.platform === 'win32')('what a save keeps', () => {
  it('the file’s permissions: a private (0600) workbook stays private', async () => {
    const target = join(folder, 'Private.awbook');
    await writeFile(target, 'old');
    await chmod(target, 0o600);
    await writeFileAtomic(target, 'new', { backupPath: null });
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('a symbolic link: the save goes to the file it points at, and the link stays a link', async () => {
    await mkdir(join(folder, 'shared'));
    const real = join(folder, 'shared', 'Plan.awbook');
    await writeFile(real, 'old');
    const link = join(folder, 'Plan.awbook');
    await symlink(real, link);
    await writeFileAtomic(link, 'new', { backupPath: null });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, 'utf8')).toBe('new');
    expect(await readdir(join(folder, 'shared')), 'no temp file is left beside the target').toEqual(['Plan.awbook']);
  });
});

describe('temp files orphaned by a killed save', () => {
  it('are removed once a day old, and nothing else is touched', async () => {
    const now = Date.now();
    const old = new Date(now - ORPHANED_TEMP_AGE_MS - 60_000);
    const names = {
      orphanedSave: '.Plan.awbook.1a2b3c4d.tmp',
      orphanedLock: '~$Plan.awbook.lock.1a2b3c4d5e6f.tmp',
      recentSave: '.Plan.awbook.9f8e7d6c.tmp',
      notOurs: '.Plan.awbook.tmp',
      workbook: 'Plan.awbook',
      oldButOther: 'notes.1a2b3c4d.tmp',
    };
    for (const name of Object.values(names)) await writeFile(join(folder, name), 'x');
    for (const name of [names.orphanedSave, names.orphanedLock, names.notOurs, names.workbook, names.oldButOther])
      await utimes(join(folder, name), old, old);
    expect((await removeOrphanedTemps(folder, () => now)).sort()).toEqual([names.orphanedSave, names.orphanedLock].sort());
    expect((await readdir(folder)).sort()).toEqual([names.recentSave, names.notOurs, names.workbook, names.oldButOther].sort());
  });
});
