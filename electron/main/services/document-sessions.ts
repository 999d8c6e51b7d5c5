/**
 * Open documents: which file each one is bound to, what that file looked like when we last read or wrote it,
 * and its lock. This is where "never overwrite a file that failed to open" and "ask before overwriting a file
 * that changed on disk" are enforced.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { fail, ok, type Result } from '../../../shared/result';
import { CURRENT_VERSION } from '../../../shared/model/migrations';
import type { Workbook } from '../../../shared/model/workbook-schema';
import type { LockInfo, OpenDoc } from '../../../shared/ipc/contract';
import { removeOrphanedTemps } from './atomic-write';
import type { LockFiles } from './lock-files';
import { currentStamp, readWorkbookFile, sameContent, writeWorkbookFile, type FileStamp } from './workbook-files';

interface Session {
  readonly docId: string;
  readonly path: string;
  readonly readOnly: boolean;
  readonly readOnlyReason?: string;
  stamp: FileStamp | null;
  migratedFrom: number | null;
}

export type OpenResult =
  | { status: 'opened'; doc: OpenDoc; workbook: Workbook }
  | { status: 'locked'; path: string; lock: LockInfo };

export type SaveResult = { status: 'saved'; doc: OpenDoc } | { status: 'changed-on-disk'; path: string };

export const LOCK_REFRESH_MS = 60 * 1000;

export class DocumentSessions {
  private readonly sessions = new Map<string, Session>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly locks: LockFiles) {}

  private describe(s: Session): OpenDoc {
    return {
      docId: s.docId,
      path: s.path,
      fileName: basename(s.path),
      readOnly: s.readOnly,
      ...(s.readOnlyReason ? { readOnlyReason: s.readOnlyReason } : {}),
      migratedFrom: s.migratedFrom,
    };
  }

  get(docId: string): OpenDoc | null {
    const s = this.sessions.get(docId);
    return s ? this.describe(s) : null;
  }

  /** Paths of open documents, for the second-instance and Open Recent checks. */
  findByPath(path: string): OpenDoc | null {
    for (const s of this.sessions.values()) if (s.path === path) return this.describe(s);
    return null;
  }

  async open(path: string, options: { takeOverLock?: boolean; readOnly?: boolean } = {}): Promise<Result<OpenResult>> {
    const read = await readWorkbookFile(path);
    if (!read.ok) return read;
    // Temp files a killed save left in this folder (removeOrphanedTemps never throws: it is housekeeping).
    await removeOrphanedTemps(dirname(path));
    let readOnly = options.readOnly === true;
    let readOnlyReason: string | undefined;
    if (!readOnly) {
      const lock = await this.locks.acquire(path, options.takeOverLock ? { takeOver: true } : {});
      if (lock.status === 'held') return ok({ status: 'locked', path, lock: lock.holder });
      // Editing without a lock would let a colleague open it for editing too: read-only until the lock can be written.
      if (lock.status === 'unwritable') {
        readOnly = true;
        readOnlyReason = `${lock.reason} It is open read-only so that nobody else edits it at the same time: free some space or save a copy elsewhere with Save As.`;
      }
    }
    const session: Session = {
      docId: `doc_${randomBytes(6).toString('hex')}`,
      path,
      readOnly,
      ...(readOnlyReason ? { readOnlyReason } : {}),
      stamp: read.value.stamp,
      migratedFrom: read.value.fileVersion < CURRENT_VERSION ? read.value.fileVersion : null,
    };
    this.sessions.set(session.docId, session);
    this.startHeartbeat();
    return ok({ status: 'opened', doc: this.describe(session), workbook: read.value.workbook });
  }

  /**
   * Binds a document to a file that was not opened through open() (a recovered snapshot): the stamp is what
   * the file looked like when the lost session last read or wrote it, so a later change still counts.
   */
  async adopt(path: string, stamp: FileStamp | null): Promise<Result<OpenDoc | null>> {
    const lock = await this.locks.acquire(path);
    if (lock.status !== 'acquired') return ok(null);
    const session: Session = { docId: `doc_${randomBytes(6).toString('hex')}`, path, readOnly: false, stamp, migratedFrom: null };
    this.sessions.set(session.docId, session);
    this.startHeartbeat();
    return ok(this.describe(session));
  }

  /** The stamp recorded for a document (kept with recovery snapshots). */
  stampOf(docId: string): FileStamp | null {
    return this.sessions.get(docId)?.stamp ?? null;
  }

  /** Saves over the document's own file, unless it changed on disk since we last saw it. */
  async save(docId: string, workbook: Workbook, options: { overwriteChanged?: boolean } = {}): Promise<Result<SaveResult>> {
    const s = this.sessions.get(docId);
    if (!s) return fail('NOT_FOUND', 'This workbook is no longer open. Use Save As to save it to a file.');
    if (s.readOnly) return fail('FORBIDDEN', `“${basename(s.path)}” was opened read-only. Use Save As to save a copy.`);
    if (!options.overwriteChanged) {
      const now = await currentStamp(s.path);
      if (now !== null && !sameContent(now, s.stamp)) return ok({ status: 'changed-on-disk', path: s.path });
    }
    const written = await writeWorkbookFile(s.path, workbook);
    if (!written.ok) return written;
    s.stamp = written.value;
    s.migratedFrom = null;
    await this.locks.refresh(s.path);
    return ok({ status: 'saved', doc: this.describe(s) });
  }

  /** Saves to a new file chosen by the user and makes it the document's file (the old one's lock is released). */
  async saveAs(docId: string | null, path: string, workbook: Workbook): Promise<Result<SaveResult>> {
    const existing = this.findByPath(path);
    if (existing && existing.docId !== docId)
      return fail('FORBIDDEN', `“${basename(path)}” is open in this app as another workbook. Close it first or choose another name.`);
    const lock = await this.locks.acquire(path);
    if (lock.status === 'held')
      return fail(
        'FORBIDDEN',
        `“${basename(path)}” is open by ${lock.holder.user} on ${lock.holder.machine}. Choose another name so their work is not overwritten.`,
      );
    if (lock.status === 'unwritable') return fail('WRITE_FAILED', `${lock.reason} Choose another place to save it.`);
    const written = await writeWorkbookFile(path, workbook);
    if (!written.ok) {
      if (!(docId && this.sessions.get(docId)?.path === path)) await this.locks.release(path);
      return written;
    }
    if (docId) await this.close(docId, { keepLockFor: path });
    const session: Session = {
      docId: docId ?? `doc_${randomBytes(6).toString('hex')}`,
      path,
      readOnly: false,
      stamp: written.value,
      migratedFrom: null,
    };
    this.sessions.set(session.docId, session);
    this.startHeartbeat();
    return ok({ status: 'saved', doc: this.describe(session) });
  }

  async close(docId: string, options: { keepLockFor?: string } = {}): Promise<void> {
    const s = this.sessions.get(docId);
    if (!s) return;
    this.sessions.delete(docId);
    if (!s.readOnly && s.path !== options.keepLockFor) await this.locks.release(s.path);
    if (this.sessions.size === 0) this.stopHeartbeat();
  }

  async closeAll(): Promise<void> {
    for (const id of [...this.sessions.keys()]) await this.close(id);
  }

  private startHeartbeat() {
    if (this.timer) return;
    this.timer = setInterval(() => {
      for (const s of this.sessions.values()) if (!s.readOnly) void this.locks.refresh(s.path);
    }, LOCK_REFRESH_MS);
    this.timer.unref?.();
  }

  private stopHeartbeat() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
