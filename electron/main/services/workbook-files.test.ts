import { createHash } from 'node:crypto';
import * as realFs from 'node:fs/promises';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENT_VERSION } from '../../../shared/model/migrations';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK, HOSTILE_CASES, hostileFile, VERSION_1_WORKBOOK } from '../../../tests/fixtures/fixtures';
import { serialiseWorkbook } from '../../../shared/model/workbook-format';
import {
  backupPathFor,
  currentStamp,
  readWorkbookFile,
  sameContent,
  writeWorkbookFile,
  type FileStamp,
} from './workbook-files';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-files-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function openComplete() {
  const read = await readWorkbookFile(COMPLETE_WORKBOOK);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

describe('readWorkbookFile', () => {
  it('reads the complete workbook and stamps it with its size and content hash', async () => {
    const bytes = await readFile(COMPLETE_WORKBOOK);
    const read = await openComplete();
    expect(read.fileVersion).toBe(CURRENT_VERSION);
    expect(read.workbook.title).toBe('Borsetshire Libraries and the Council Plan 2025/26');
    expect(read.stamp.size).toBe(bytes.length);
    expect(read.stamp.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('reads a version 1 workbook and says so', async () => {
    const read = await readWorkbookFile(VERSION_1_WORKBOOK);
    expect(read.ok && read.value.fileVersion).toBe(1);
  });

  it('reads a file that starts with a UTF-8 byte order mark (as Notepad writes)', async () => {
    const path = join(folder, 'with-bom.awbook');
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await readFile(COMPLETE_WORKBOOK)]));
    expect((await readWorkbookFile(path)).ok).toBe(true);
  });

  for (const c of HOSTILE_CASES) {
    it(`refuses ${c.what}, naming the file and the place`, async () => {
      const path = await hostileFile(c, folder);
      const before = await currentStamp(path);
      const read = await readWorkbookFile(path);
      expect(read.ok).toBe(false);
      if (read.ok) return;
      expect(read.error.code).toBe(c.code);
      expect(read.error.message.startsWith(`“${c.file}”`)).toBe(true);
      for (const pattern of c.says) expect(read.error.message).toMatch(pattern);
      expect(read.error.message).not.toMatch(/\n\s+at /);
      expect(sameContent(await currentStamp(path), before), 'reading never changes the file').toBe(true);
    });
  }

  it('says when the file cannot be found', async () => {
    const read = await readWorkbookFile(join(folder, 'Moved away.awbook'));
    expect(read).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '“Moved away.awbook” could not be found. It may have been moved, renamed or deleted.' },
    });
  });

  it('says when part of the folder path is a file', async () => {
    await writeFile(join(folder, 'notes.txt'), 'x');
    const read = await readWorkbookFile(join(folder, 'notes.txt', 'Plan.awbook'));
    expect(read.ok ? null : read.error).toEqual({
      code: 'UNREADABLE',
      message: '“Plan.awbook” could not be found: part of its folder path is a file, not a folder.',
    });
  });

  it('says when it is given a folder', async () => {
    await mkdir(join(folder, 'Workbooks.awbook'));
    const read = await readWorkbookFile(join(folder, 'Workbooks.awbook'));
    expect(read.ok ? null : read.error).toEqual({ code: 'UNREADABLE', message: '“Workbooks.awbook” is a folder, not a workbook file.' });
  });
});

describe('writeWorkbookFile', () => {
  it('writes the workbook as the serialiser does and returns the stamp of what it wrote', async () => {
    const { workbook } = await openComplete();
    const path = join(folder, 'Plan.awbook');
    const written = await writeWorkbookFile(path, workbook);
    if (!written.ok) throw new Error(written.error.message);
    expect(await readFile(path, 'utf8')).toBe(serialiseWorkbook(workbook));
    expect(sameContent(written.value, await currentStamp(path))).toBe(true);
    expect(await readdir(folder)).toEqual(['Plan.awbook']);
  });

  it('keeps the previous version as a backup beside it', async () => {
    const { workbook } = await openComplete();
    const path = join(folder, 'Plan.awbook');
    await writeWorkbookFile(path, workbook);
    await writeWorkbookFile(path, { ...workbook, title: 'Second save' });
    const backup = await readWorkbookFile(backupPathFor(path));
    expect(backup.ok && backup.value.workbook.title).toBe(workbook.title);
    const now = await readWorkbookFile(path);
    expect(now.ok && now.value.workbook.title).toBe('Second save');
  });

  it('names backups for files without the usual extension too', () => {
    expect(backupPathFor(join(folder, 'Plan.awbook'))).toBe(join(folder, 'Plan.backup.awbook'));
    expect(backupPathFor(join(folder, 'Plan'))).toBe(join(folder, 'Plan.backup.awbook'));
    expect(backupPathFor(join(folder, 'Plan.v2.json'))).toBe(join(folder, 'Plan.v2.backup.json'));
  });

  it('reports a failed save in plain English and leaves the old file as it was', async () => {
    const { workbook } = await openComplete();
    const path = join(folder, 'Plan.awbook');
    await copyFile(COMPLETE_WORKBOOK, path);
    const failingFs = {
      ...realFs,
      rename: (async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }) as typeof realFs.rename,
    };
    const written = await writeWorkbookFile(path, { ...workbook, title: 'Lost?' }, { fs: failingFs, keepBackup: false });
    expect(written).toEqual({
      ok: false,
      error: {
        code: 'WRITE_FAILED',
        message: 'There is not enough space on the drive to save “Plan.awbook”. Your changes are still in the app and in the recovery copy.',
      },
    });
    expect((await readFile(path)).equals(await readFile(COMPLETE_WORKBOOK))).toBe(true);
    expect(await readdir(folder)).toEqual(['Plan.awbook']);
  });

  it('reports a folder that has gone', async () => {
    const { workbook } = await openComplete();
    const written = await writeWorkbookFile(join(folder, 'gone', 'Plan.awbook'), workbook);
    expect(written.ok ? null : written.error.message).toMatch(/^The folder for “Plan\.awbook” no longer exists/);
  });
});

describe('stamps and change detection', () => {
  it('a file touched but not changed (a sync client rewriting it) has the same content', async () => {
    const path = join(folder, 'Plan.awbook');
    await copyFile(COMPLETE_WORKBOOK, path);
    const before = (await currentStamp(path)) as FileStamp;
    await writeFile(path, await readFile(COMPLETE_WORKBOOK));
    await utimes(path, new Date('2030-01-01'), new Date('2030-01-01'));
    const after = (await currentStamp(path)) as FileStamp;
    expect(after.mtimeMs).not.toBe(before.mtimeMs);
    expect(sameContent(before, after)).toBe(true);
  });

  it('a change of a single character is a change, even with the same size and time', async () => {
    const path = join(folder, 'Plan.awbook');
    const text = await readFile(COMPLETE_WORKBOOK, 'utf8');
    await writeFile(path, text);
    const before = (await currentStamp(path)) as FileStamp;
    await writeFile(path, text.replace('"strength": 3', '"strength": 2'));
    await utimes(path, before.mtimeMs / 1000, before.mtimeMs / 1000);
    const after = (await currentStamp(path)) as FileStamp;
    expect(after.size).toBe(before.size);
    expect(sameContent(before, after)).toBe(false);
  });

  it('a missing file has no stamp, and only matches another missing file', async () => {
    const stamp = await currentStamp(join(folder, 'none.awbook'));
    expect(stamp).toBeNull();
    expect(sameContent(null, null)).toBe(true);
    expect(sameContent(null, { size: 1, mtimeMs: 1, sha256: 'x' })).toBe(false);
  });
});

describe('saving checks references as opening does', () => {
  it('refuses to write a workbook with a duplicate id or a dangling reference, naming the problem, and leaves the file alone', async () => {
    const { workbook } = await openComplete();
    const path = join(folder, 'Plan.awbook');
    await writeFile(path, 'the previous version');
    const duplicate = { ...workbook, services: [...workbook.services, { ...workbook.services[0]! }] };
    const dangling = { ...workbook, alignments: [{ ...workbook.alignments[0]!, serviceId: 'svc_gone' }] };
    for (const bad of [duplicate, dangling]) {
      const written = await writeWorkbookFile(path, bad);
      expect(written.ok).toBe(false);
      if (written.ok) continue;
      expect(written.error.code).toBe('INVALID_WORKBOOK');
      expect(written.error.message).toMatch(/^“Plan\.awbook” was not saved, because the app could not open it again: the workbook has a problem at (services|alignments)\[\d+\]/);
      expect(await readFile(path, 'utf8')).toBe('the previous version');
    }
    expect((await readdir(folder)).sort()).toEqual(['Plan.awbook']);
  });
});
