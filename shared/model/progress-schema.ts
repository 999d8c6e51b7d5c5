/**
 * Delivery after approval (issue 12): each KPI's results by period, and the workbook's action plan. Both were
 * added after file format version 3 with defaults, so a version 3 file reads as "no results, no actions"
 * without a migration.
 */
import { z } from 'zod';
import { IdSchema } from './ids';
import { PeriodSchema } from './periods';
import { LongText, ShortText, Title } from './schema-text';

const isoDate = z.iso.date({ error: 'Expected a date such as 2026-11-28' });

export const RESULT_STATES = ['provisional', 'confirmed'] as const;
export type ResultState = (typeof RESULT_STATES)[number];

/** A KPI's result for one reporting period ("Q2 2025/26: 61%, provisional"). */
export const KpiResultSchema = z.strictObject({
  id: IdSchema,
  value: z.number({ error: 'Expected a number' }),
  period: PeriodSchema,
  source: ShortText.default(''),
  note: ShortText.default(''),
  state: z.enum(RESULT_STATES).default('provisional'),
});
export type KpiResult = z.infer<typeof KpiResultSchema>;

export const ACTION_STATUSES = ['not-started', 'in-progress', 'done', 'blocked', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  blocked: 'Blocked',
  dropped: 'Dropped',
};

export const RAG_RATINGS = ['red', 'amber', 'green'] as const;
export type RagRating = (typeof RAG_RATINGS)[number];
export const RAG_LABELS: Record<RagRating, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** A dated note on an action: what happened, and the status it left the action in. */
export const ActionUpdateSchema = z.strictObject({
  id: IdSchema,
  date: isoDate,
  text: LongText,
  status: z.enum(ACTION_STATUSES).nullable().default(null),
  by: ShortText.default(''),
});
export type ActionUpdate = z.infer<typeof ActionUpdateSchema>;

/** Where an action came from, so it is never carried across twice and the report can say so. */
export const ActionOriginSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('entered') }),
  z.strictObject({ kind: z.literal('workshop'), workshopId: IdSchema, actionId: IdSchema }),
  z.strictObject({ kind: z.literal('milestone'), draftId: IdSchema, milestoneId: IdSchema }),
]);
export type ActionOrigin = z.infer<typeof ActionOriginSchema>;

export const PlanActionSchema = z.strictObject({
  id: IdSchema,
  title: Title,
  owner: ShortText.default(''),
  due: isoDate.nullable().default(null),
  objectiveIds: z.array(IdSchema).max(1_000).default([]),
  serviceIds: z.array(IdSchema).max(1_000).default([]),
  kpiIds: z.array(IdSchema).max(1_000).default([]),
  status: z.enum(ACTION_STATUSES).default('not-started'),
  rag: z.enum(RAG_RATINGS).nullable().default(null),
  /** Why it is late, blocked or dropped, in words for the report. */
  reason: ShortText.default(''),
  origin: ActionOriginSchema.default({ kind: 'entered' }),
  updates: z.array(ActionUpdateSchema).max(1_000).default([]),
});
export type PlanAction = z.infer<typeof PlanActionSchema>;
