/**
 * Reading and writing workbook files on disk. Pure format logic lives in shared/model/workbook-format.ts;
 * this adds the file system: size limits, text decoding, change stamps and the atomic, backed-up write.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/result';
import {
  FILE_EXTENSION,
  MAX_FILE_BYTES,
  readWorkbookText,
  serialiseWorkbook,
  validateWorkbook,
  type ReadWorkbookOk,
} from '../../../shared/model/workbook-format';
import { lineColumnAt } from '../../../shared/model/json-guard';
import type { Workbook } from '../../../shared/model/workbook-schema';
import { readBoundedFile, sizeInWords } from './bounded-read';
import { describeWriteError, writeFileAtomic, type WriteFs } from './atomic-write';

/** What the file looked like when we last read or wrote it; a different stamp means someone else changed it. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string;
}

export interface ReadWorkbookFileOk extends ReadWorkbookOk {
  stamp: FileStamp;
}

const fileName = (path: string) => basename(path);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function backupPathFor(path: string): string {
  const ext = extname(path);
  const stem = basename(path, ext);
  return join(dirname(path), `${stem}.backup${ext || `.${FILE_EXTENSION}`}`);
}

function hash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function describeReadError(e: unknown, path: string): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return `You do not have permission to open “${fileName(path)}”.`;
    case 'EBUSY':
      return `Another program is using “${fileName(path)}”. Close it and try again.`;
    case 'ENAMETOOLONG':
      return `The name or folder path of “${fileName(path)}” is too long to open.`;
    case 'ENOTDIR':
      return `“${fileName(path)}” could not be found: part of its folder path is a file, not a folder.`;
    default:
      return `“${fileName(path)}” could not be read (${e instanceof Error ? e.message : String(e)}).`;
  }
}

export async function readWorkbookFile(path: string): Promise<Result<ReadWorkbookFileOk>> {
  const read = await readBoundedFile(path, MAX_FILE_BYTES);
  if (!read.ok) {
    const e = read.error;
    switch (e.kind) {
      case 'missing':
        return fail('NOT_FOUND', `“${fileName(path)}” could not be found. It may have been moved, renamed or deleted.`);
      case 'unreadable':
        return fail('UNREADABLE', describeReadError(e.error, path));
      case 'not-a-file':
        return fail('UNREADABLE', `“${fileName(path)}” is ${e.what}, not a workbook file.`);
      case 'too-large':
        return fail(
          'TOO_LARGE',
          `“${fileName(path)}” is ${sizeInWords(e.size)}; a workbook is never larger than ${sizeInWords(MAX_FILE_BYTES)}, so this is not a workbook or it is damaged.`,
        );
    }
  }
  const { bytes, mtimeMs } = read.value;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Point at the first bad byte: usually a £ or an accented letter saved by an editor in another encoding.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const { line, column } = lineColumnAt(lenient, Math.max(0, lenient.indexOf('\uFFFD')));
    return fail(
      'INVALID_JSON',
      `“${fileName(path)}” is not a workbook: it is not a text file in UTF-8 (the first character that is not UTF-8 is at line ${line}, column ${column}). If you edited it in a text editor, save it again as UTF-8.`,
    );
  }
  const parsed = readWorkbookText(text);
  if (!parsed.ok) return { ok: false, error: { ...parsed.error, message: `“${fileName(path)}”: ${parsed.error.message}` } };
  return ok({ ...parsed.value, stamp: { size: bytes.length, mtimeMs, sha256: hash(bytes) } });
}

/** The stamp of the file as it is now, or null when it no longer exists. */
export async function currentStamp(path: string): Promise<FileStamp | null> {
  try {
    const read = await readBoundedFile(path, MAX_FILE_BYTES);
    // A file now too large or not a file at all has certainly changed: a stamp no saved file can match.
    if (!read.ok) return read.error.kind === 'missing' ? null : { size: -1, mtimeMs: 0, sha256: '' };
    return { size: read.value.bytes.length, mtimeMs: read.value.mtimeMs, sha256: hash(read.value.bytes) };
  } catch {
    return null;
  }
}

/** Content decides: a file touched but not changed (a sync client rewriting it) is not a conflict. */
export function sameContent(a: FileStamp | null, b: FileStamp | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && a.sha256 === b.sha256;
}

export async function writeWorkbookFile(
  path: string,
  workbook: Workbook,
  options: { fs?: WriteFs; keepBackup?: boolean } = {},
): Promise<Result<FileStamp>> {
  // Opening checks references between entities as well as the schema; a file that would fail that check must
  // never be written, or the officer's save would produce a workbook they cannot open again.
  const valid = validateWorkbook(workbook);
  if (!valid.ok)
    return fail(
      'INVALID_WORKBOOK',
      `“${fileName(path)}” was not saved, because the app could not open it again: ${lowerFirst(valid.error.message)} Your changes are still in the app and in the recovery copy.`,
      valid.error.issues,
    );
  const text = serialiseWorkbook(workbook);
  const bytes = Buffer.from(text, 'utf8');
  try {
    await writeFileAtomic(path, bytes, {
      backupPath: options.keepBackup === false ? null : backupPathFor(path),
      ...(options.fs ? { fs: options.fs } : {}),
    });
  } catch (e) {
    return fail('WRITE_FAILED', `${describeWriteError(e, path)} Your changes are still in the app and in the recovery copy.`);
  }
  // The file is saved by now; a share that then refuses stat must not turn that into a failure.
  const s = await stat(path).catch(() => null);
  return ok({ size: bytes.length, mtimeMs: s?.mtimeMs ?? Date.now(), sha256: hash(bytes) });
}
