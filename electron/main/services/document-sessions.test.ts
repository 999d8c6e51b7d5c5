import * as fs from 'node:fs/promises';
import { copyFile, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK, HOSTILE_CASES, hostileFile, VERSION_1_WORKBOOK } from '../../../tests/fixtures/fixtures';
import { createWorkbook } from '../../../shared/model/new-workbook';
import { CURRENT_VERSION } from '../../../shared/model/migrations';
import type { Workbook } from '../../../shared/model/workbook-schema';
import type { Result } from '../../../shared/result';
import { DocumentSessions, type OpenResult, type SaveResult } from './document-sessions';
import { LockFiles, lockPathFor, type LockOwner } from './lock-files';
import { backupPathFor, readWorkbookFile } from './workbook-files';

const me: LockOwner = { user: 'pnatarajan', machine: 'BORS-LT-0142', pid: process.pid, owner: 'run-me' };
const colleague: LockOwner = { user: 'tokafor', machine: 'BORS-LT-0977', pid: 4242, owner: 'run-colleague' };

let folder: string;
let path: string;
let sessions: DocumentSessions;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-docs-'));
  path = join(folder, 'Council Plan.awbook');
  await copyFile(COMPLETE_WORKBOOK, path);
  sessions = new DocumentSessions(new LockFiles(me));
});
afterEach(async () => {
  await sessions.closeAll();
  await rm(folder, { recursive: true, force: true });
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function openOk(p = path, options: Parameters<DocumentSessions['open']>[1] = {}) {
  const opened: OpenResult = value(await sessions.open(p, options));
  if (opened.status !== 'opened') throw new Error(`expected to open, got ${opened.status}`);
  return opened;
}

function saved(result: Result<SaveResult>) {
  const v = value(result);
  if (v.status !== 'saved') throw new Error(`expected saved, got ${v.status}`);
  return v.doc;
}

const titleOnDisk = async (p = path) => {
  const read = await readWorkbookFile(p);
  return read.ok ? read.value.workbook.title : `unreadable: ${read.error.message}`;
};
const retitled = (wb: Workbook, title: string): Workbook => ({ ...wb, title });

describe('opening', () => {
  it('clears away temp files that a killed save left in the folder more than a day ago', async () => {
    const orphan = join(folder, '.Council Plan.awbook.0badf00d.tmp');
    await writeFile(orphan, 'half a save');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await utimes(orphan, twoDaysAgo, twoDaysAgo);
    await openOk();
    expect((await readdir(folder)).sort()).toEqual(['Council Plan.awbook', '~$Council Plan.awbook.lock']);
  });

  it('opens a workbook, takes its lock and remembers the file', async () => {
    const { doc, workbook } = await openOk();
    expect(doc).toEqual({ docId: expect.stringMatching(/^doc_/), path, fileName: 'Council Plan.awbook', readOnly: false, migratedFrom: null });
    expect(workbook.services).toHaveLength(10);
    expect(JSON.parse(await readFile(lockPathFor(path), 'utf8')).owner).toBe('run-me');
    expect(sessions.findByPath(path)?.docId).toBe(doc.docId);
  });

  it('says when a version 1 file was upgraded on opening', async () => {
    const v1 = join(folder, 'Old.awbook');
    await copyFile(VERSION_1_WORKBOOK, v1);
    const { doc, workbook } = await openOk(v1);
    expect(doc.migratedFrom).toBe(1);
    const after = saved(await sessions.save(doc.docId, workbook));
    expect(after.migratedFrom).toBeNull();
    expect(JSON.parse(await readFile(v1, 'utf8')).version).toBe(CURRENT_VERSION);
    expect(JSON.parse(await readFile(backupPathFor(v1), 'utf8')).version, 'the version 1 file is kept as the backup').toBe(1);
  });

  it('tells the officer who has the workbook open, and opens it after a take-over', async () => {
    await new LockFiles(colleague).acquire(path);
    expect(value(await sessions.open(path))).toEqual({
      status: 'locked',
      path,
      lock: { user: 'tokafor', machine: 'BORS-LT-0977', since: expect.any(String), stale: false },
    });
    expect(sessions.findByPath(path)).toBeNull();
    await openOk(path, { takeOverLock: true });
    expect(JSON.parse(await readFile(lockPathFor(path), 'utf8')).user).toBe('pnatarajan');
  });

  it('opens read-only without touching the other person’s lock', async () => {
    const theirs = new LockFiles(colleague);
    await theirs.acquire(path);
    const lockBefore = await readFile(lockPathFor(path), 'utf8');
    const { doc, workbook } = await openOk(path, { readOnly: true });
    expect(doc.readOnly).toBe(true);
    expect(await sessions.save(doc.docId, retitled(workbook, 'Mine now'))).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '“Council Plan.awbook” was opened read-only. Use Save As to save a copy.' },
    });
    await sessions.close(doc.docId);
    expect(await readFile(lockPathFor(path), 'utf8')).toBe(lockBefore);
    expect(await titleOnDisk()).toBe('Borsetshire Libraries and the Council Plan 2025/26');
  });
});

describe('opening on a full disk', () => {
  it('opens read-only, saying why, when the lock cannot be written; a second person can still open it to edit', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const fullDisk = { ...fs, open: async () => Promise.reject(full) };
    const onFullDisk = new DocumentSessions(new LockFiles(me, () => new Date(), fullDisk));
    const opened = value(await onFullDisk.open(path));
    if (opened.status !== 'opened') throw new Error(`expected to open, got ${opened.status}`);
    expect(opened.doc.readOnly).toBe(true);
    expect(opened.doc.readOnlyReason).toMatch(/^The drive holding “Council Plan.awbook” is full, .* It is open read-only/);
    expect(await onFullDisk.save(opened.doc.docId, retitled(opened.workbook, 'Mine now'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await readdir(folder), 'no lock was left behind').toEqual(['Council Plan.awbook']);
    const second = await openOk();
    expect(second.doc.readOnly, 'the one who could write a lock edits').toBe(false);
    await onFullDisk.closeAll();
  });
});

describe('never overwriting a file that failed to open', () => {
  for (const c of HOSTILE_CASES.filter((h) => !h.generate)) {
    it(`keeps ${c.what} exactly as it was, with no session and no lock`, async () => {
      const target = join(folder, c.file);
      await copyFile(await hostileFile(c, folder), target);
      const before = await readFile(target);
      const opened = await sessions.open(target);
      expect(opened.ok ? opened.value.status : opened.error.code).toBe(c.code);
      expect(sessions.findByPath(target)).toBeNull();
      expect(await readdir(folder)).not.toContain(`~$${c.file}.lock`);
      // Nothing can save over it: there is no document bound to the file.
      expect((await sessions.save('doc_guessed', createWorkbook({ title: 'Overwrite?' }))).ok).toBe(false);
      expect((await readFile(target)).equals(before)).toBe(true);
    });
  }
});

describe('saving', () => {
  it('saves over the file it came from and keeps the previous version as a backup', async () => {
    const { doc, workbook } = await openOk();
    saved(await sessions.save(doc.docId, retitled(workbook, 'Saved once')));
    saved(await sessions.save(doc.docId, retitled(workbook, 'Saved twice')));
    expect(await titleOnDisk()).toBe('Saved twice');
    expect(await titleOnDisk(backupPathFor(path))).toBe('Saved once');
    expect((await readdir(folder)).sort()).toEqual(['Council Plan.awbook', 'Council Plan.backup.awbook', '~$Council Plan.awbook.lock']);
  });

  it('refuses to save over a file changed on disk since it was opened, until told to', async () => {
    const { doc, workbook } = await openOk();
    const theirs = (await readFile(path, 'utf8')).replace('Borsetshire Libraries and the Council Plan', 'Edited on another laptop');
    await writeFile(path, theirs);

    expect(value(await sessions.save(doc.docId, retitled(workbook, 'Mine')))).toEqual({ status: 'changed-on-disk', path });
    expect(await readFile(path, 'utf8')).toBe(theirs);

    saved(await sessions.save(doc.docId, retitled(workbook, 'Mine'), { overwriteChanged: true }));
    expect(await titleOnDisk()).toBe('Mine');
    expect(value(await sessions.save(doc.docId, retitled(workbook, 'Mine again'))).status, 'no conflict after our own save').toBe('saved');
  });

  it('does not call a file touched but unchanged (a sync client) a conflict', async () => {
    const { doc, workbook } = await openOk();
    await writeFile(path, await readFile(COMPLETE_WORKBOOK));
    await utimes(path, new Date('2030-06-01'), new Date('2030-06-01'));
    expect(value(await sessions.save(doc.docId, retitled(workbook, 'Saved'))).status).toBe('saved');
  });

  it('writes the workbook again if the file was deleted while open, rather than losing the work', async () => {
    const { doc, workbook } = await openOk();
    await rm(path);
    saved(await sessions.save(doc.docId, retitled(workbook, 'Back again')));
    expect(await titleOnDisk()).toBe('Back again');
  });

  it('says when the document is no longer open', async () => {
    expect(await sessions.save('doc_unknown', createWorkbook())).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'This workbook is no longer open. Use Save As to save it to a file.' },
    });
  });
});

describe('Save As', () => {
  it('moves the document to the new file, with its lock, and releases the old one', async () => {
    const { doc, workbook } = await openOk();
    const copy = join(folder, 'Copy for scrutiny.awbook');
    const moved = saved(await sessions.saveAs(doc.docId, copy, retitled(workbook, 'Copy')));
    expect(moved).toMatchObject({ docId: doc.docId, path: copy, fileName: 'Copy for scrutiny.awbook', readOnly: false });
    expect(await titleOnDisk(copy)).toBe('Copy');
    expect(await titleOnDisk(path), 'the original is untouched').toBe('Borsetshire Libraries and the Council Plan 2025/26');
    const files = await readdir(folder);
    expect(files).toContain('~$Copy for scrutiny.awbook.lock');
    expect(files).not.toContain('~$Council Plan.awbook.lock');

    saved(await sessions.save(doc.docId, retitled(workbook, 'Copy, edited')));
    expect(await titleOnDisk(copy)).toBe('Copy, edited');
  });

  it('saves a never-saved workbook as a new document', async () => {
    const fresh = join(folder, 'New.awbook');
    const doc = saved(await sessions.saveAs(null, fresh, createWorkbook({ title: 'Brand new' })));
    expect(sessions.get(doc.docId)?.path).toBe(fresh);
    expect(await titleOnDisk(fresh)).toBe('Brand new');
  });

  it('saves a read-only document to a new file, which it then owns', async () => {
    await new LockFiles(colleague).acquire(path);
    const { doc, workbook } = await openOk(path, { readOnly: true });
    const mine = join(folder, 'My copy.awbook');
    const moved = saved(await sessions.saveAs(doc.docId, mine, workbook));
    expect(moved.readOnly).toBe(false);
    expect(JSON.parse(await readFile(lockPathFor(path), 'utf8')).user, 'their lock stays').toBe('tokafor');
  });

  it('refuses a file someone else has open, naming them', async () => {
    const theirFile = join(folder, 'Theirs.awbook');
    await copyFile(COMPLETE_WORKBOOK, theirFile);
    await new LockFiles(colleague).acquire(theirFile);
    const before = await readFile(theirFile);
    expect(await sessions.saveAs(null, theirFile, createWorkbook())).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: '“Theirs.awbook” is open by tokafor on BORS-LT-0977. Choose another name so their work is not overwritten.',
      },
    });
    expect((await readFile(theirFile)).equals(before)).toBe(true);
  });

  it('refuses a file open in this app as another workbook', async () => {
    const { doc } = await openOk();
    const other = saved(await sessions.saveAs(null, join(folder, 'Other.awbook'), createWorkbook({ title: 'Other' })));
    const result = await sessions.saveAs(other.docId, path, createWorkbook({ title: 'Would clobber' }));
    expect(result.ok ? null : result.error.code).toBe('FORBIDDEN');
    expect(sessions.get(doc.docId)?.path).toBe(path);
    expect(await titleOnDisk()).toBe('Borsetshire Libraries and the Council Plan 2025/26');
  });

  it('releases the lock it took when the write fails', async () => {
    const target = join(folder, 'missing folder', 'Plan.awbook');
    const result = await sessions.saveAs(null, target, createWorkbook());
    expect(result.ok ? null : result.error.code).toBe('WRITE_FAILED');
    expect(await readdir(folder)).toEqual(['Council Plan.awbook']);
  });
});

describe('closing', () => {
  it('releases the lock, and a closed document cannot be saved', async () => {
    const { doc, workbook } = await openOk();
    await sessions.close(doc.docId);
    expect(await readdir(folder)).toEqual(['Council Plan.awbook']);
    expect(sessions.get(doc.docId)).toBeNull();
    expect((await sessions.save(doc.docId, workbook)).ok).toBe(false);
  });

  it('adopts a recovered document with the stamp it had, so a later change on disk still counts', async () => {
    const first = await openOk();
    const stamp = sessions.stampOf(first.doc.docId);
    await sessions.close(first.doc.docId);
    await writeFile(path, (await readFile(path, 'utf8')).replace('"strength": 3', '"strength": 2'));
    const adopted = value(await sessions.adopt(path, stamp));
    if (!adopted) throw new Error('expected to adopt');
    expect(value(await sessions.save(adopted.docId, first.workbook)).status).toBe('changed-on-disk');
  });
});
