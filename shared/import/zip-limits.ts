/**
 * Word and Excel files are zip archives, and a zip of a few hundred kilobytes can unpack to gigabytes (a "zip
 * bomb"). Before a .docx or .xlsx reaches its library, its table of contents is checked (how many parts, how
 * large they say they are), then every part is actually unpacked and counted, a chunk at a time and discarded,
 * stopping as soon as the total passes the limit: a part that understates its size cannot get past. Pure.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';

export interface ZipLimits {
  /** Parts in the archive; a Word plan has a few dozen. */
  readonly maxEntries: number;
  /** All parts unpacked together. */
  readonly maxUnpackedBytes: number;
}

/** What a plan of objectives in Word or Excel needs, with room for photographs and long tables. */
export const PLAN_ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxUnpackedBytes: 50 * 1024 * 1024 };

export type ZipProblem =
  | { kind: 'not-a-zip' }
  | { kind: 'too-many-entries'; entries: number; limit: number }
  | { kind: 'too-large'; limit: number };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** The archive's own table of contents: the number of parts and the sizes they declare. */
function checkDirectory(bytes: Uint8Array, limits: ZipLimits): ZipProblem | null {
  // The end record is in the last 22 bytes plus at most a 64 KB comment.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return { kind: 'not-a-zip' };
  const entries = u16(bytes, end + 10);
  const directoryOffset = u32(bytes, end + 16);
  // ZIP64 (a marker of 0xFFFF or 0xFFFFFFFF) is for archives over 4 GB, which no plan is.
  if (entries === 0xffff || directoryOffset === 0xffffffff) return { kind: 'too-large', limit: limits.maxUnpackedBytes };
  if (entries > limits.maxEntries) return { kind: 'too-many-entries', entries, limit: limits.maxEntries };
  let at = directoryOffset;
  let declared = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== DIRECTORY_ENTRY) return { kind: 'not-a-zip' };
    const unpacked = u32(bytes, at + 24);
    if (unpacked === 0xffffffff) return { kind: 'too-large', limit: limits.maxUnpackedBytes };
    declared += unpacked;
    if (declared > limits.maxUnpackedBytes) return { kind: 'too-large', limit: limits.maxUnpackedBytes };
    at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return null;
}

/** Unpacks every part, counting and discarding, and stops at the limit. */
function checkUnpacked(bytes: Uint8Array, limits: ZipLimits): ZipProblem | null {
  let total = 0;
  let entries = 0;
  let problem: ZipProblem | null = null;
  const unzip = new Unzip((file) => {
    if (problem) return;
    if (++entries > limits.maxEntries) {
      problem = { kind: 'too-many-entries', entries, limit: limits.maxEntries };
      return;
    }
    file.ondata = (error, chunk) => {
      if (problem) return;
      if (error) {
        problem = { kind: 'not-a-zip' };
        return;
      }
      total += chunk.length;
      if (total > limits.maxUnpackedBytes) {
        problem = { kind: 'too-large', limit: limits.maxUnpackedBytes };
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  // Pushed in slices so that a part over the limit stops the work within a slice of it.
  const SLICE = 4 * 1024;
  try {
    for (let i = 0; i < bytes.length && !problem; i += SLICE) unzip.push(bytes.subarray(i, i + SLICE), i + SLICE >= bytes.length);
  } catch {
    return problem ?? { kind: 'not-a-zip' };
  }
  return problem;
}

export function checkZip(bytes: Uint8Array, limits: ZipLimits = PLAN_ZIP_LIMITS): ZipProblem | null {
  return checkDirectory(bytes, limits) ?? checkUnpacked(bytes, limits);
}

/** The refusal in words, for a file the officer chose. */
export function describeZipProblem(problem: ZipProblem, fileName: string, kindOfFile: string): string {
  switch (problem.kind) {
    case 'not-a-zip':
      return `“${fileName}” is damaged or not ${kindOfFile}: its contents could not be unpacked.`;
    case 'too-many-entries':
      return `“${fileName}” holds ${problem.entries.toLocaleString('en-GB')} or more parts; ${kindOfFile} that the app reads holds at most ${problem.limit.toLocaleString('en-GB')}.`;
    case 'too-large':
      return `“${fileName}” unpacks to more than ${Math.round(problem.limit / 1024 / 1024)} MB, far more than a plan of objectives; the app does not read it.`;
  }
}
