/**
 * Crash recovery: while a workbook has unsaved changes the renderer sends a snapshot every few seconds; it is
 * written here (the app's data folder, never the shared drive). A clean save or discard removes it. Snapshots
 * written by an earlier run of the app that ended without removing them are what a crash leaves behind.
 */
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseGuardedJson } from '../../../shared/model/json-guard';
import { MAX_FILE_BYTES, validateWorkbook } from '../../../shared/model/workbook-format';
import type { Workbook } from '../../../shared/model/workbook-schema';
import type { RecoverySnapshotInfo } from '../../../shared/ipc/contract';
import { writeFileAtomic } from './atomic-write';
import { readBoundedFile } from './bounded-read';
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

  private async readOne(file: string): Promise<(RecoveredSnapshot & { instanceId: string }) | null> {
    // A snapshot holds one workbook and a few lines of header; a larger file is not one.
    const read = await readBoundedFile(join(this.folder, file), MAX_FILE_BYTES + 64 * 1024);
    if (!read.ok) return null;
    const json = parseGuardedJson(read.value.bytes.toString('utf8'));
    if (!json.ok) return null;
    const header = SnapshotHeaderSchema.safeParse(json.value);
    // The id is how the snapshot is restored and discarded later, so it must name this very file.
    if (!header.success || `${header.data.sessionId}.recovery.json` !== file || !SESSION_ID.test(header.data.sessionId)) return null;
    const wb = validateWorkbook(header.data.workbook);
    if (!wb.ok) return null;
    const h = header.data;
    return {
      info: { sessionId: h.sessionId, title: h.title, docPath: h.docPath, savedAt: h.savedAt },
      workbook: wb.value,
      baseStamp: h.baseStamp,
      instanceId: h.instanceId,
    };
  }

  /** Snapshots left by earlier runs of the app, newest first. Damaged snapshot files are skipped. */
  async listOrphans(): Promise<RecoverySnapshotInfo[]> {
    let files: string[];
    try {
      files = await readdir(this.folder);
    } catch {
      return [];
    }
    const found: RecoverySnapshotInfo[] = [];
    for (const f of files.filter((n) => n.endsWith('.recovery.json'))) {
      const snap = await this.readOne(f);
      if (snap && snap.instanceId !== this.instanceId) found.push(snap.info);
    }
    return found.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async read(sessionId: string): Promise<RecoveredSnapshot | null> {
    if (!SESSION_ID.test(sessionId)) return null;
    const snap = await this.readOne(`${sessionId}.recovery.json`);
    return snap ? { info: snap.info, workbook: snap.workbook, baseStamp: snap.baseStamp } : null;
  }
}
