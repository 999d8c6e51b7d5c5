/**
 * Crash recovery: while a workbook has unsaved changes the renderer sends a snapshot every few seconds; it is
 * written here (the app's data folder, never the shared drive). A clean save or discard removes it. Snapshots
 * written by an earlier run of the app that ended without removing them are what a crash leaves behind.
 */
import { copyFile, mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseGuardedJson } from '../../../shared/model/json-guard';
import { CURRENT_VERSION } from '../../../shared/model/migrations';
import { FORMAT_ID, MAX_FILE_BYTES, validateWorkbook } from '../../../shared/model/workbook-format';
import type { Workbook } from '../../../shared/model/workbook-schema';
import type { RecoverySnapshotInfo } from '../../../shared/ipc/contract';
import { writeFileAtomic } from './atomic-write';
import { describeRefusal, readBoundedFile } from './bounded-read';
import type { FileStamp } from './workbook-files';

const StampSchema = z.object({ size: z.number(), mtimeMs: z.number(), sha256: z.string() });
const SnapshotHeaderSchema = z.object({
  kind: z.literal('alignment-workbench-recovery'),
  sessionId: z.string(),
  instanceId: z.string(),
  savedAt: z.string(),
  title: z.string(),
  docPath: z.string().nullable(),
  baseStamp: StampSchema.nullable(),
  workbook: z.unknown(),
});

export interface RecoveredSnapshot {
  info: RecoverySnapshotInfo;
  workbook: Workbook;
  baseStamp: FileStamp | null;
}

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class RecoveryStore {
  /** Unique to this run of the app (and page): snapshots with another instance id are from a run that has ended. */
  private instanceId: string;
  private pageRuns = 0;

  constructor(
    private readonly folder: string,
    instanceId: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.instanceId = instanceId;
  }

  /**
   * The window's page was lost (its renderer crashed or was ended): what it wrote so far is offered for
   * recovery as if the app had crashed, and the reloaded page writes under a new id.
   */
  startNewPageRun(): void {
    this.instanceId = `${this.instanceId.replace(/~\d+$/, '')}~${++this.pageRuns}`;
  }

  private pathFor(sessionId: string): string {
    if (!SESSION_ID.test(sessionId)) throw new Error('Invalid recovery session id');
    return join(this.folder, `${sessionId}.recovery.json`);
  }

  async write(
    sessionId: string,
    snapshot: { workbook: Workbook; docPath: string | null; baseStamp: FileStamp | null },
  ): Promise<{ savedAt: string }> {
    await mkdir(this.folder, { recursive: true });
    const savedAt = this.now().toISOString();
    const body = {
      kind: 'alignment-workbench-recovery',
      sessionId,
      instanceId: this.instanceId,
      savedAt,
      title: snapshot.workbook.title,
      docPath: snapshot.docPath,
      baseStamp: snapshot.baseStamp,
      workbook: snapshot.workbook,
    };
    await writeFileAtomic(this.pathFor(sessionId), JSON.stringify(body), { backupPath: null });
    return { savedAt };
  }

  async discard(sessionId: string): Promise<void> {
    if (!SESSION_ID.test(sessionId)) return;
    await unlink(this.pathFor(sessionId)).catch(() => undefined);
  }

  private async readOne(file: string): Promise<ReadSnapshot | null> {
    const sessionId = file.slice(0, -'.recovery.json'.length);
    // Only files this store could have written: the id is how a snapshot is restored and discarded later.
    if (!file.endsWith('.recovery.json') || !SESSION_ID.test(sessionId)) return null;
    const path = join(this.folder, file);
    const damaged = (
      problem: string,
      header: { title?: string; docPath?: string | null; savedAt: string; instanceId?: string },
      rawWorkbook: unknown = null,
    ): DamagedSnapshot => ({
      kind: 'damaged',
      info: {
        sessionId,
        title: header.title ?? 'Recovered work that cannot be read',
        docPath: header.docPath ?? null,
        savedAt: header.savedAt,
        problem,
      },
      instanceId: header.instanceId ?? null,
      rawWorkbook,
    });
    // A snapshot holds one workbook and a few lines of header; a larger file is not one.
    const read = await readBoundedFile(path, MAX_FILE_BYTES + 64 * 1024);
    if (!read.ok) {
      // A folder (or a pipe) with a snapshot's name is nothing this store wrote.
      if (read.error.kind === 'missing' || read.error.kind === 'not-a-file') return null;
      const problem =
        read.error.kind === 'unreadable' ? 'The recovered copy could not be read.' : describeRefusal(read.error, path, 'recovered copy');
      return damaged(problem, { savedAt: new Date(0).toISOString() });
    }
    const savedAt = new Date(read.value.mtimeMs).toISOString();
    const json = parseGuardedJson(read.value.bytes.toString('utf8'));
    if (!json.ok) return damaged('The recovered copy is damaged: it is not valid JSON.', { savedAt });
    const header = SnapshotHeaderSchema.safeParse(json.value);
    if (!header.success || header.data.sessionId !== sessionId)
      return damaged('The recovered copy is damaged: its header is missing or wrong.', { savedAt });
    const h = header.data;
    const wb = validateWorkbook(h.workbook, ['workbook']);
    if (!wb.ok) return damaged(`It cannot be restored as it is. ${wb.error.message}`, h, h.workbook);
    return {
      kind: 'restorable',
      info: { sessionId, title: h.title, docPath: h.docPath, savedAt: h.savedAt, problem: null },
      workbook: wb.value,
      baseStamp: h.baseStamp,
      instanceId: h.instanceId,
    };
  }

  /**
   * Snapshots left by earlier runs of the app, newest first. One that cannot be restored is listed too, with
   * its problem, so it can be saved as a file for repair rather than disappear.
   */
  async listOrphans(): Promise<RecoverySnapshotInfo[]> {
    let files: string[];
    try {
      files = await readdir(this.folder);
    } catch {
      return [];
    }
    const found: RecoverySnapshotInfo[] = [];
    for (const f of files) {
      const snap = await this.readOne(f);
      if (snap && snap.instanceId !== this.instanceId) found.push(snap.info);
    }
    return found.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  /** A snapshot that can be restored, or null when it is gone or cannot be. */
  async read(sessionId: string): Promise<RecoveredSnapshot | null> {
    if (!SESSION_ID.test(sessionId)) return null;
    const snap = await this.readOne(`${sessionId}.recovery.json`);
    return snap?.kind === 'restorable' ? { info: snap.info, workbook: snap.workbook, baseStamp: snap.baseStamp } : null;
  }

  /**
   * Writes a snapshot that cannot be restored to a file the officer chose: its workbook in a workbook file's
   * envelope (so a helpdesk can mend it in a text editor and open it), or the snapshot file exactly as it is when
   * not even its header can be read. Returns false when there is no such snapshot.
   */
  async exportRaw(sessionId: string, target: string): Promise<boolean> {
    if (!SESSION_ID.test(sessionId)) return false;
    const snap = await this.readOne(`${sessionId}.recovery.json`);
    if (!snap) return false;
    if (snap.kind === 'damaged' && snap.rawWorkbook === null) {
      await copyFile(this.pathFor(sessionId), target);
      return true;
    }
    const workbook = snap.kind === 'restorable' ? snap.workbook : snap.rawWorkbook;
    const envelope = { format: FORMAT_ID, version: CURRENT_VERSION, workbook };
    await writeFileAtomic(target, `${JSON.stringify(envelope, null, 2)}\n`, { backupPath: null });
    return true;
  }
}

interface DamagedSnapshot {
  kind: 'damaged';
  info: RecoverySnapshotInfo;
  instanceId: string | null;
  /** The workbook part when the header could be read, for saving as a file to mend; null otherwise. */
  rawWorkbook: unknown;
}
type ReadSnapshot = ({ kind: 'restorable'; instanceId: string } & RecoveredSnapshot) | DamagedSnapshot;
