/**
 * Reading and writing workbook files on disk. Pure format logic lives in shared/model/workbook-format.ts;
 * this adds the file system: size limits, text decoding, change stamps and the atomic, backed-up write.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/result';
import {
  FILE_EXTENSION,
  MAX_FILE_BYTES,
  readWorkbookText,
  serialiseWorkbook,
  type ReadWorkbookOk,
} from '../../../shared/model/workbook-format';
import type { Workbook } from '../../../shared/model/workbook-schema';
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

export function backupPathFor(path: string): string {
  const ext = extname(path);
  const stem = basename(path, ext);
  return join(dirname(path), `${stem}.backup${ext || `.${FILE_EXTENSION}`}`);
}

function hash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readWorkbookFile(path: string): Promise<Result<ReadWorkbookFileOk>> {
  let size: number;
  let mtimeMs: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) return fail('UNREADABLE', `“${fileName(path)}” is a folder, not a workbook file.`);
    size = s.size;
    mtimeMs = s.mtimeMs;
  } catch (e) {
    return fail(
      (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'NOT_FOUND' : 'UNREADABLE',
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? `“${fileName(path)}” could not be found. It may have been moved, renamed or deleted.`
        : `“${fileName(path)}” could not be read (${(e as Error).message}).`,
    );
  }
  if (size > MAX_FILE_BYTES)
    return fail(
      'TOO_LARGE',
      `“${fileName(path)}” is ${(size / 1024 / 1024).toFixed(0)} MB; a workbook is never larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, so this is not a workbook or it is damaged.`,
    );
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return fail('UNREADABLE', `“${fileName(path)}” could not be read (${(e as Error).message}).`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('INVALID_JSON', `“${fileName(path)}” is not a workbook: it is not a text file in UTF-8.`);
  }
  const read = readWorkbookText(text);
  if (!read.ok) return { ok: false, error: { ...read.error, message: `“${fileName(path)}”: ${read.error.message}` } };
  return ok({ ...read.value, stamp: { size: bytes.length, mtimeMs, sha256: hash(bytes) } });
}

/** The stamp of the file as it is now, or null when it no longer exists. */
export async function currentStamp(path: string): Promise<FileStamp | null> {
  try {
    const s = await stat(path);
    const bytes = await readFile(path);
    return { size: bytes.length, mtimeMs: s.mtimeMs, sha256: hash(bytes) };
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
  const s = await stat(path);
  return ok({ size: bytes.length, mtimeMs: s.mtimeMs, sha256: hash(bytes) });
}
