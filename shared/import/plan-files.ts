/**
 * One entry point for every kind of plan file the officer can import objectives from, used by the Objectives
 * step and by `cli objectives import`, so both read files the same way.
 */
import { fail, ok, type Result } from '../result';
import { docxToOutline } from './docx-outline';
import { parseOutline, type OutlineNode } from './outline';
import { readCsv, readXlsxTable, type Table } from './table-outline';

export type PlanFileKind = 'text' | 'docx' | 'csv' | 'xlsx';

export const PLAN_FILE_ACCEPT = '.txt,.md,.docx,.csv,.xlsx';
const MAX_BYTES = 20 * 1024 * 1024;

export function planFileKind(fileName: string): PlanFileKind | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'txt' || ext === 'md' || ext === 'text') return 'text';
  if (ext === 'docx') return 'docx';
  if (ext === 'csv') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  return null;
}

export type PlanFile =
  | { kind: 'text' | 'docx'; nodes: OutlineNode[]; warnings: string[] }
  | { kind: 'csv' | 'xlsx'; table: Table; warnings: string[] };

function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Files saved by older Windows tools are often Windows-1252.
    try {
      return new TextDecoder('windows-1252').decode(bytes);
    } catch {
      return null;
    }
  }
}

export async function readPlanFile(fileName: string, bytes: Uint8Array): Promise<Result<PlanFile>> {
  const kind = planFileKind(fileName);
  if (!kind)
    return fail('UNSUPPORTED', `“${fileName}” is not a kind of file objectives can be imported from. Use a Word document (.docx), a spreadsheet (.csv or .xlsx) or plain text (.txt).`);
  if (bytes.length > MAX_BYTES) return fail('TOO_LARGE', `“${fileName}” is larger than 20 MB; a plan of objectives is much smaller.`);
  try {
    switch (kind) {
      case 'text': {
        const text = decodeText(bytes);
        if (text === null) return fail('UNREADABLE', `“${fileName}” could not be read as text.`);
        return ok({ kind, nodes: parseOutline(text), warnings: [] });
      }
      case 'docx': {
        if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
          return fail('UNREADABLE', `“${fileName}” is not a Word document (.docx): it may be an older .doc file or damaged. Save it from Word as .docx and try again.`);
        const { nodes, warnings } = await docxToOutline(bytes);
        return ok({ kind, nodes, warnings });
      }
      case 'csv': {
        const text = decodeText(bytes);
        if (text === null) return fail('UNREADABLE', `“${fileName}” could not be read as text.`);
        const { table, errors } = readCsv(text);
        return ok({ kind, table, warnings: errors });
      }
      case 'xlsx': {
        if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
          return fail('UNREADABLE', `“${fileName}” is not an Excel workbook (.xlsx): it may be an older .xls file or damaged.`);
        return ok({ kind, table: await readXlsxTable(bytes), warnings: [] });
      }
    }
  } catch (e) {
    return fail('UNREADABLE', `“${fileName}” could not be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
}
