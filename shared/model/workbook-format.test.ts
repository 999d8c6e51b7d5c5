import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK, HOSTILE_CASES, hostileFile, readEnvelope } from '../../tests/fixtures/fixtures';
import { CURRENT_VERSION } from './migrations';
import { createWorkbook } from './new-workbook';
import { FORMAT_ID, readWorkbookText, serialiseWorkbook } from './workbook-format';

const completeText = readFileSync(COMPLETE_WORKBOOK, 'utf8');

describe('workbook format', () => {
  it('round-trips a new workbook byte for byte', () => {
    const text = serialiseWorkbook(createWorkbook({ title: 'Round trip', now: new Date('2026-11-28T09:00:00Z') }));
    const read = readWorkbookText(text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(serialiseWorkbook(read.value.workbook)).toBe(text);
  });

  it('round-trips the complete workbook byte for byte: serialise → read → serialise', () => {
    const first = readWorkbookText(completeText);
    if (!first.ok) throw new Error(first.error.message);
    const written = serialiseWorkbook(first.value.workbook);
    expect(written).toBe(completeText);
    const second = readWorkbookText(written);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.workbook).toEqual(first.value.workbook);
    expect(serialiseWorkbook(second.value.workbook)).toBe(written);
  });

  it('writes a pretty-printed envelope: format, version, workbook, and a final newline', () => {
    const text = serialiseWorkbook(createWorkbook({ title: 'Envelope', now: new Date('2026-01-01T00:00:00Z') }));
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'version', 'workbook']);
    expect(text.startsWith(`{\n  "format": "${FORMAT_ID}",\n  "version": ${CURRENT_VERSION},\n  "workbook": {\n    "id": `)).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes keys in one stable order whatever order the file had them in', () => {
    const reverseKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reverseKeys);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
    };
    const shuffled = JSON.stringify(reverseKeys(readEnvelope(COMPLETE_WORKBOOK)), null, 2);
    expect(shuffled).not.toBe(completeText);
    const read = readWorkbookText(shuffled);
    if (!read.ok) throw new Error(read.error.message);
    expect(serialiseWorkbook(read.value.workbook)).toBe(completeText);
  });

  it('reads a file with Windows line endings', () => {
    const read = readWorkbookText(completeText.replace(/\n/g, '\r\n'));
    expect(read.ok).toBe(true);
  });
});

describe('refusing files that are not valid workbooks', () => {
  const folder = mkdtempSync(join(tmpdir(), 'awb-format-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  for (const c of HOSTILE_CASES.filter((h) => !h.fileLevel)) {
    it(`refuses ${c.what} with a clear, located message`, async () => {
      const path = await hostileFile(c, folder);
      const read = readWorkbookText(readFileSync(path, 'utf8'));
      expect(read.ok).toBe(false);
      if (read.ok) return;
      expect(read.error.code).toBe(c.code);
      for (const pattern of c.says) expect(read.error.message).toMatch(pattern);
      expect(read.error.message).not.toMatch(/\n\s+at /);
    });
  }

  const envelope = (fields: Record<string, unknown>) => JSON.stringify(fields);
  const workbook = readEnvelope(COMPLETE_WORKBOOK).workbook;

  it.each([
    ['a list', '[]', 'NOT_A_WORKBOOK', /does not contain a JSON object/],
    ['null', 'null', 'NOT_A_WORKBOOK', /does not contain a JSON object/],
    ['a number', '42', 'NOT_A_WORKBOOK', /does not contain a JSON object/],
    ['only whitespace', ' \n\t\n', 'NOT_A_WORKBOOK', /The file is empty/],
    ['no format', envelope({ version: 2, workbook }), 'NOT_A_WORKBOOK', /no "format": "alignment-workbench" field/],
    ['no version', envelope({ format: FORMAT_ID, workbook }), 'NOT_A_WORKBOOK', /no valid "version" number/],
    ['a version in quotes', envelope({ format: FORMAT_ID, version: '2', workbook }), 'NOT_A_WORKBOOK', /no valid "version" number/],
    ['version 0', envelope({ format: FORMAT_ID, version: 0, workbook }), 'NOT_A_WORKBOOK', /no valid "version" number/],
    ['version 1.5', envelope({ format: FORMAT_ID, version: 1.5, workbook }), 'NOT_A_WORKBOOK', /no valid "version" number/],
    ['version 99', envelope({ format: FORMAT_ID, version: 99, workbook }), 'NEWER_VERSION', new RegExp(`file format version 99\\); this copy reads versions up to ${CURRENT_VERSION}\\b`)],
    ['no workbook', envelope({ format: FORMAT_ID, version: 2 }), 'INVALID_WORKBOOK', /no "workbook" object/],
    ['a workbook that is a list', envelope({ format: FORMAT_ID, version: 2, workbook: [] }), 'INVALID_WORKBOOK', /no "workbook" object/],
  ])('refuses %s', (_what, text, code, pattern) => {
    const read = readWorkbookText(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.code).toBe(code);
    expect(read.error.message).toMatch(pattern);
  });

  it('refuses a newer version before looking inside it, so unknown fields are not reported instead', () => {
    const read = readWorkbookText(envelope({ format: FORMAT_ID, version: CURRENT_VERSION + 1, workbook: { brandNew: true } }));
    expect(read.ok ? null : read.error.code).toBe('NEWER_VERSION');
  });
});
