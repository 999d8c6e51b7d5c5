/**
 * Reads a workbook named on the command line with the same reader the app uses, so the command line reports
 * exactly what the app would.
 */
import { resolve } from 'node:path';
import { readWorkbookFile, type ReadWorkbookFileOk } from '../electron/main/services/workbook-files';
import type { Result } from '../shared/result';

/**
 * The folder a relative file name is relative to. `npm run cli` runs in the project folder and passes the
 * folder the user was in as INIT_CWD.
 */
export function userFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_lifecycle_event === 'cli' && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}

export function loadWorkbook(file: string, folder: string): Promise<Result<ReadWorkbookFileOk>> {
  return readWorkbookFile(resolve(folder, file));
}
