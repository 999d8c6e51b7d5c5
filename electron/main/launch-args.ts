import { FILE_EXTENSION } from '../../shared/model/workbook-format';

/**
 * The workbook a launch asks to open: the first argument that names a workbook file. Windows passes the file
 * from a double-click as an argument; flags (--foo) and the executable itself are skipped.
 */
export function workbookPathFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (arg.toLowerCase().endsWith(`.${FILE_EXTENSION}`)) return arg;
  }
  return null;
}
