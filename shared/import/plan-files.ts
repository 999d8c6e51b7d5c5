/**
 * One entry point for every kind of plan file the officer can import objectives from, used by the Objectives
 * step and by `cli objectives import`, so both read files the same way.
 */
import { fail, ok, type AppError, type Result } from '../result';
import { docxToOutline } from './docx-outline';
import { parseOutlineLines, type OutlineLine, type OutlineNode } from './outline';
import { readCsv, readXlsxTable, type Table } from './table-outline';
import { checkZip, describeZipProblem } from './zip-limits';

export type PlanFileKind = 'text' | 'docx' | 'csv' | 'xlsx';

export const PLAN_FILE_ACCEPT = '.txt,.md,.docx,.csv,.xlsx';
/** A plan of objectives is far smaller; anything larger is the wrong file. */
export const MAX_PLAN_BYTES = 20 * 1024 * 1024;

/** Rounded up to a tenth, so a file just over the limit never reads as the limit itself. */
function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toLocaleString('en-GB')} MB`;
}

/** The refusal for a plan over the limit, checked from its size alone before anything is read. */
export function planFileTooLarge(fileName: string, size: number): AppError | null {
  return size > MAX_PLAN_BYTES
    ? { code: 'TOO_LARGE', message: `“${fileName}” is ${megabytes(size)}; the largest plan the app reads is ${megabytes(MAX_PLAN_BYTES)}.` }
    : null;
}

export function planFileKind(fileName: string): PlanFileKind | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'txt' || ext === 'md' || ext === 'text') return 'text';
  if (ext === 'docx') return 'docx';
  if (ext === 'csv') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  return null;
}

export type PlanFile =
  | { kind: 'text' | 'docx'; nodes: OutlineNode[]; lines: OutlineLine[]; warnings: string[] }
  | { kind: 'csv' | 'xlsx'; table: Table; warnings: string[] };

/** Rows of a spreadsheet plan: a council plan has tens or hundreds; more is a data export, not a plan. */
export const MAX_PLAN_ROWS = 10_000;

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function tooManyRows(fileName: string, rows: number): string {
  return `“${fileName}” has ${rows.toLocaleString('en-GB')} rows; the largest plan the app reads has ${MAX_PLAN_ROWS.toLocaleString('en-GB')}. Copy the rows that hold objectives into a new sheet and import that.`;
}

/** Windows-1252's characters at 0x80–0x9F (the rest of its upper half is Latin-1); 0 marks an unused byte. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Windows-1252 by table: Node's TextDecoder (unlike browsers) decodes the "windows-1252" label as Latin-1, which
 * turns curly quotes, dashes and the euro sign into invisible control characters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b);
  return out;
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Files saved by older Windows tools are often Windows-1252.
    return decodeWindows1252(bytes);
  }
}

export async function readPlanFile(fileName: string, bytes: Uint8Array): Promise<Result<PlanFile>> {
  const kind = planFileKind(fileName);
  if (!kind)
    return fail('UNSUPPORTED', `“${fileName}” is not a kind of file objectives can be imported from. Use a Word document (.docx), a spreadsheet (.csv or .xlsx) or plain text (.txt).`);
  const tooLarge = planFileTooLarge(fileName, bytes.length);
  if (tooLarge) return { ok: false, error: tooLarge };
  try {
    switch (kind) {
      case 'text': {
        return ok({ kind, ...parseOutlineLines(decodeText(bytes)), warnings: [] });
      }
      case 'docx': {
        if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
          return fail('UNREADABLE', `“${fileName}” is not a Word document (.docx): it may be an older .doc file or damaged. Save it from Word as .docx and try again.`);
        const zip = checkZip(bytes);
        if (zip) return fail(zip.kind === 'not-a-zip' ? 'UNREADABLE' : 'TOO_LARGE', describeZipProblem(zip, fileName, 'a Word document'));
        return ok({ kind, ...(await docxToOutline(bytes)) });
      }
      case 'csv': {
        const text = decodeText(bytes);
        const lines = countLines(text);
        if (lines > MAX_PLAN_ROWS) return fail('TOO_LARGE', tooManyRows(fileName, lines));
        const { table, errors } = readCsv(text);
        return ok({ kind, table, warnings: errors });
      }
      case 'xlsx': {
        if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
          return fail('UNREADABLE', `“${fileName}” is not an Excel workbook (.xlsx): it may be an older .xls file or damaged.`);
        const zip = checkZip(bytes);
        if (zip) return fail(zip.kind === 'not-a-zip' ? 'UNREADABLE' : 'TOO_LARGE', describeZipProblem(zip, fileName, 'an Excel workbook'));
        const table = await readXlsxTable(bytes);
        if (table.rows.length > MAX_PLAN_ROWS) return fail('TOO_LARGE', tooManyRows(fileName, table.rows.length));
        return ok({ kind, table, warnings: [] });
      }
    }
  } catch {
    // The library's own words ("[xmldom error] entity not found", "VALUE_INVALID") mean nothing to an officer.
    const what = kind === 'docx' ? 'a Word document' : kind === 'xlsx' ? 'an Excel workbook' : 'a plan';
    return fail('UNREADABLE', `“${fileName}” could not be read: it is damaged, or it is not ${what}. Open it in the program that made it, save it again and try once more.`);
  }
}
