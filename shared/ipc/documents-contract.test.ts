import { describe, expect, it } from 'vitest';
import { WorkbookSchema } from '../model/workbook-schema';
import { sampleAsNewWorkbook } from '../samples/sample-workbook';
import { PreviewRequestSchema } from './documents-contract';

describe('PreviewRequestSchema: the preview request carries the workbook as its JSON text', () => {
  const sample = sampleAsNewWorkbook();
  if (!sample.ok) throw new Error(sample.error.message);
  const workbook = sample.value;

  it('reads the text into the workbook the schema checks, as if the object had been sent', () => {
    const parsed = PreviewRequestSchema.safeParse({ workbook: JSON.stringify(workbook), draftId: 'drf_1' });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.workbook).toEqual(WorkbookSchema.parse(workbook));
    expect(parsed.data?.draftId).toBe('drf_1');
  });

  it('refuses text that is not JSON, naming the workbook', () => {
    const parsed = PreviewRequestSchema.safeParse({ workbook: '{"version": 1,', draftId: 'drf_1' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['workbook'], message: 'The workbook sent for the preview is not readable JSON.' })]);
  });

  it('refuses JSON that is not a workbook, and a workbook sent as an object', () => {
    expect(PreviewRequestSchema.safeParse({ workbook: JSON.stringify({ ...workbook, drafts: 'none' }), draftId: 'drf_1' }).success).toBe(false);
    expect(PreviewRequestSchema.safeParse({ workbook, draftId: 'drf_1' }).success).toBe(false);
  });
});
