/**
 * Reads a workbook named on the command line with the same reader the app uses, so the command line reports
 * exactly what the app would.
 */
import { resolve } from 'node:path';
import { readWorkbookFile, type ReadWorkbookFileOk } from '../electron/main/services/workbook-files';
import type { Result } from '../shared/result';

export function loadWorkbook(file: string, folder: string): Promise<Result<ReadWorkbookFileOk>> {
  return readWorkbookFile(resolve(folder, file));
}
