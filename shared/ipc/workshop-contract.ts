/**
 * The workshop channels' data: the presenter window (open, close, what it shows) and the printed kit and report.
 * Kept apart from contract.ts so the channel list there stays readable; contract.ts wires these in.
 */
import { z } from 'zod';
import { WorkbookSchema } from '../model/workbook-schema';
import { DocumentFormatSchema } from './documents-contract';
import { PresenterPagesSchema, PresenterStateSchema } from '../workshop/presenter-state';

export const WallPosterSchema = z.enum(['A0', 'A1', 'A3-sheets']);

export { PresenterPagesSchema, PresenterStateSchema };

/** Where the presenter went: the second display, full screen on the only display, or an ordinary window. */
export const PresenterPlacementSchema = z.enum(['external-display', 'full-screen', 'window']);
export type PresenterPlacement = z.infer<typeof PresenterPlacementSchema>;

export const WorkshopFileSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number(),
  description: z.string(),
  format: DocumentFormatSchema,
  pageSize: z.enum(['A4', 'A6', 'A3', 'A1', 'A0']).nullable(),
});
export type WorkshopFile = z.infer<typeof WorkshopFileSchema>;

const workshopId = z.string().min(1).max(64);

export const PrintKitInputSchema = z.object({
  workbook: WorkbookSchema,
  workshopId,
  largePrint: z.boolean(),
  /** Also the map as a wall poster (50 pt text): one A0 or A1 sheet, or A3 sheets that join. */
  wallPoster: WallPosterSchema.nullable().optional(),
  /** Only the numbered voting sheets of this vote (printed from the console once its options are known). */
  votingSheetsFor: z.string().min(1).max(64).optional(),
});

export const WriteReportInputSchema = z.object({
  workbook: WorkbookSchema,
  workshopId,
  formats: z.array(DocumentFormatSchema).min(1).max(2),
  /** Name the participants (only when the workshop recorded names). */
  includeNames: z.boolean(),
});

export const WorkshopFilesOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('written'), folder: z.string(), files: z.array(WorkshopFileSchema) }),
]);
export type WorkshopFilesOutcome = z.infer<typeof WorkshopFilesOutcomeSchema>;
