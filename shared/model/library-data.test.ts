/** The workbook's libraryData: a file without it (format version 3 as main wrote it) reads with the default; bad values are located. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK, VERSION_3_WORKBOOK } from '../../tests/fixtures/fixtures';
import { readWorkbookText } from './workbook-format';

const envelope = () => JSON.parse(readFileSync(COMPLETE_WORKBOOK, 'utf8')) as { version: number; workbook: Record<string, unknown> };
const figure = (id: string) => ({ id, measure: 'visits', library: 'Ashford Library', period: { label: 'Q1 2023/24', start: '2023-04-01', end: '2023-06-30' }, value: 10 });

describe('libraryData in the workbook file', () => {
  it('defaults to the neighbours and no figures in a version 3 file that lacks it (no migration needed)', () => {
    const file = JSON.parse(readFileSync(VERSION_3_WORKBOOK, 'utf8')) as { version: number; workbook: Record<string, unknown> };
    delete file.workbook.libraryData;
    expect(file.version).toBe(3);
    const read = readWorkbookText(JSON.stringify(file));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.workbook.libraryData).toEqual({ comparator: { kind: 'neighbours', chosen: [] }, figures: [] });
  });

  it('reads figures and refuses a negative count, a foreign code and a clashing id, saying where', () => {
    const file = envelope();
    file.workbook.libraryData = { comparator: { kind: 'chosen', chosen: ['E10000012'] }, figures: [figure('fig_aaaaaaaaaaaa')] };
    const read = readWorkbookText(JSON.stringify(file));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.workbook.libraryData.figures[0]).toMatchObject({ library: 'Ashford Library', libraryRef: '', detail: '', source: '', value: 10 });

    file.workbook.libraryData = { comparator: { kind: 'chosen', chosen: ['W06000001'] }, figures: [{ ...figure('fig_aaaaaaaaaaaa'), value: -1 }] };
    const bad = readWorkbookText(JSON.stringify(file));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const issues = bad.error.issues!.map((i) => `${i.path}: ${i.message}`).join('\n');
      expect(issues).toMatch(/chosen.*Expected an English GSS code/);
      expect(issues).toMatch(/figures.*Must not be negative/);
    }

    file.workbook.libraryData = { comparator: { kind: 'neighbours', chosen: [] }, figures: [figure('fig_aaaaaaaaaaaa'), figure('fig_aaaaaaaaaaaa')] };
    const clash = readWorkbookText(JSON.stringify(file));
    expect(clash.ok ? '' : clash.error.message).toMatch(/Id "fig_aaaaaaaaaaaa" is used twice/);
  });
});
