import { describe, expect, it } from 'vitest';
import { createWorkbook } from './new-workbook';
import { readWorkbookText, serialiseWorkbook } from './workbook-format';

describe('workbook format', () => {
  it('round-trips a new workbook byte for byte', () => {
    const text = serialiseWorkbook(createWorkbook({ title: 'Round trip', now: new Date('2026-11-28T09:00:00Z') }));
    const read = readWorkbookText(text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(serialiseWorkbook(read.value.workbook)).toBe(text);
  });
});
