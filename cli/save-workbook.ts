/**
 * Saving a workbook from the command line the way the app saves it: under the workbook's lock (refused when
 * someone else has it open, unless forced), only if the file has not changed since it was read, atomically and
 * keeping the previous version as a backup. Nothing is written when any of that fails.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import {
  currentStamp,
  sameContent,
  writeWorkbookFile,
  type ReadWorkbookFileOk,
} from '../electron/main/services/workbook-files';
import { currentUserName, LockFiles } from '../electron/main/services/lock-files';
import type { Workbook } from '../shared/model/workbook-schema';
import { ukDateTime } from './output';

/** Why the save did not happen, as lines for the officer; null when it was saved. */
export async function saveLikeTheApp(
  workbookPath: string,
  workbook: Workbook,
  stamp: ReadWorkbookFileOk['stamp'],
  options: { force?: boolean; what: string },
): Promise<string[] | null> {
  const fileName = basename(workbookPath);
  const locks = new LockFiles({
    user: currentUserName(),
    machine: hostname(),
    pid: process.pid,
    owner: `cli-${randomBytes(8).toString('hex')}`,
  });
  let locked = false;
  if (!options.force) {
    const lock = await locks.acquire(workbookPath);
    if (lock.status === 'held') {
      const { user, machine, since, stale } = lock.holder;
      return [
        `“${fileName}” is open by ${user} on ${machine}, since ${ukDateTime(since)} (UK time). The workbook has not been changed.`,
        stale
          ? 'Their copy has not been active for a while, so it may have been left open after a crash. If you are sure nobody is using it, run the import again with --force.'
          : 'Ask them to close it first, or run the import again with --force (they would then be asked what to do when they next save).',
      ];
    }
    // Writing without a lock could overwrite a colleague who opens it meanwhile.
    if (lock.status === 'unwritable') return [`${lock.reason} The workbook has not been changed.`];
    locked = true;
  }
  try {
    // Someone may have saved it between our reading it and taking the lock.
    if (!sameContent(await currentStamp(workbookPath), stamp))
      return [
        `“${fileName}” changed on disk while the ${options.what} were being read. Nothing was written; run the import again.`,
      ];
    const written = await writeWorkbookFile(workbookPath, workbook);
    if (!written.ok)
      return [
        written.error.message.replace(
          / Your changes are still in the app.*$/,
          ' The workbook has not been changed.',
        ),
      ];
    return null;
  } finally {
    if (locked) await locks.release(workbookPath);
  }
}
