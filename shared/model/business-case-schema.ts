/**
 * The decision data behind a business case and the committee report that asks for the decision: the options
 * appraisal (HM Treasury Green Book, BUSINESS-CASES.md §1.3), the financial profile, the deal, and how delivery
 * will be managed. It is held as data, not prose, so the economic and financial cases, the report's
 * "alternative options" and "financial implications", and the action plan's milestones all come from one place.
 *
 * Money is in pounds at the price base the appraisal states. Amounts by year are indexed from year 0, the
 * financial year that starts in `firstYear` (2026 means 2026/27, April to March).
 */
import { z } from 'zod';
import { IdSchema } from './ids';
import { LongText, ShortText, Title } from './schema-text';

const isoDate = z.iso.date({ error: 'Expected a date such as 2026-11-28' });
const money = z.number({ error: 'Expected an amount in pounds' }).min(0, { error: 'Must not be negative' });
/** Year 0 to year 30: the Green Book's discount rate schedule changes after year 30. */
export const MAX_APPRAISAL_YEARS = 31;
const byYear = z.array(money).max(MAX_APPRAISAL_YEARS, { error: `At most ${MAX_APPRAISAL_YEARS} years (year 0 to year 30)` });
const percent = z.number({ error: 'Expected a percentage' }).min(0, { error: 'Must not be negative' }).max(1_000, { error: 'At most 1,000%' });

/** Where an option sits: the short list must hold business as usual, a do-minimum, the preferred way forward and another alternative. */
export const OPTION_ROLES = ['business-as-usual', 'do-minimum', 'preferred', 'alternative'] as const;
/** The options framework (Green Book A1.6–A1.20): the five sets of choices a long list is built from. */
export const OPTION_DIMENSIONS = ['scope', 'solution', 'delivery', 'implementation', 'funding'] as const;
/** What the long-list filter decided for a choice, and so for an option. */
export const OPTION_VERDICTS = ['preferred', 'possible', 'discounted'] as const;

export const CostLineSchema = z.strictObject({
  id: IdSchema,
  label: Title,
  kind: z.enum(['capital', 'revenue']),
  amounts: byYear.default([]),
});
export type CostLine = z.infer<typeof CostLineSchema>;

export const BENEFIT_KINDS = ['cash-releasing', 'non-cash-releasing', 'societal'] as const;
export const BenefitLineSchema = z.strictObject({
  id: IdSchema,
  label: Title,
  kind: z.enum(BENEFIT_KINDS),
  amounts: byYear.default([]),
  /** How the value was worked out and its source, so the document can cite it. */
  basis: ShortText.default(''),
});
export type BenefitLine = z.infer<typeof BenefitLineSchema>;

/** A critical success factor or a spending objective that options are scored against. */
export const CriterionSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(['csf', 'spending-objective']),
  label: Title,
});
export type Criterion = z.infer<typeof CriterionSchema>;

/** How well an option meets a criterion: 0 does not, 1 partly, 2 largely, 3 fully. */
export const CriterionScoreSchema = z.strictObject({
  criterionId: IdSchema,
  score: z.number().int().min(0).max(3),
  note: ShortText.default(''),
});
export type CriterionScore = z.infer<typeof CriterionScoreSchema>;

export const AppraisalOptionSchema = z.strictObject({
  id: IdSchema,
  name: Title,
  /** null for a long-list option that did not reach the short list. */
  role: z.enum(OPTION_ROLES).nullable().default(null),
  description: LongText.default(''),
  /** The long-list choice this option makes in each dimension of the options framework, where recorded. */
  choices: z
    .array(z.strictObject({ dimension: z.enum(OPTION_DIMENSIONS), choice: ShortText }))
    .max(20)
    .default([]),
  verdict: z.enum(OPTION_VERDICTS).default('possible'),
  /** Why it was preferred, kept or discounted: cabinet decision records must give reasons. */
  reason: LongText.default(''),
  costs: z.array(CostLineSchema).max(200).default([]),
  benefits: z.array(BenefitLineSchema).max(200).default([]),
  /** Optimism bias uplift on costs, with the reason for the figure chosen (Green Book supplementary guidance). */
  optimismBias: z.strictObject({ percent: percent, basis: ShortText.default('') }).default({ percent: 0, basis: '' }),
  scores: z.array(CriterionScoreSchema).max(200).default([]),
  /** The option's main risks and how they were allowed for. */
  risks: LongText.default(''),
});
export type AppraisalOption = z.infer<typeof AppraisalOptionSchema>;

export const AppraisalSchema = z.strictObject({
  /** Year 0 is the financial year starting 1 April of this year. */
  firstYear: z.number().int().min(2000).max(2100).nullable().default(null),
  years: z.number().int().min(1).max(MAX_APPRAISAL_YEARS).default(5),
  /** The discount rate as a fraction: the Green Book's social time preference rate is 0.035 for years 0–30. */
  discountRate: z.number().min(0).max(0.2).default(0.035),
  /** "2026/27 prices": the price base every amount is stated in. */
  priceBase: ShortText.default(''),
  criteria: z.array(CriterionSchema).max(50).default([]),
  options: z.array(AppraisalOptionSchema).max(50).default([]),
});
export type Appraisal = z.infer<typeof AppraisalSchema>;

export const FUNDING_KINDS = ['grant', 'partner-contribution', 'council-budget', 'reserves', 'capital-receipts', 'borrowing', 'other'] as const;
export const FundingSourceSchema = z.strictObject({
  id: IdSchema,
  label: Title,
  kind: z.enum(FUNDING_KINDS),
  kindOf: z.enum(['capital', 'revenue']).default('revenue'),
  amounts: byYear.default([]),
  confirmed: z.boolean().default(false),
});
export type FundingSource = z.infer<typeof FundingSourceSchema>;

/** The preferred option's costs (from the appraisal) against where the money comes from. */
export const FinancialCaseSchema = z.strictObject({
  funding: z.array(FundingSourceSchema).max(100).default([]),
  /** The effect on the medium-term financial strategy, and how any gap will be closed. */
  mtfsEffect: LongText.default(''),
  accountingTreatment: LongText.default(''),
});
export type FinancialCase = z.infer<typeof FinancialCaseSchema>;

export const DELIVERY_MODELS = ['in-house', 'partner', 'commissioned', 'framework', 'grant-funded', 'other'] as const;
export const RISK_HOLDERS = ['council', 'shared', 'partner-or-supplier'] as const;
export const CommercialCaseSchema = z.strictObject({
  deliveryModel: z.enum(DELIVERY_MODELS).nullable().default(null),
  procurementRoute: LongText.default(''),
  agreementType: ShortText.default(''),
  /** Contract or agreement length, as words ("three years with an option to extend by one"). */
  term: ShortText.default(''),
  riskAllocation: z
    .array(z.strictObject({ id: IdSchema, risk: Title, holder: z.enum(RISK_HOLDERS), note: ShortText.default('') }))
    .max(100)
    .default([]),
  paymentMechanism: LongText.default(''),
  staffing: LongText.default(''),
  socialValue: LongText.default(''),
});
export type CommercialCase = z.infer<typeof CommercialCaseSchema>;

export const MilestoneSchema = z.strictObject({
  id: IdSchema,
  label: Title,
  date: isoDate.nullable().default(null),
  owner: ShortText.default(''),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const PlannedBenefitSchema = z.strictObject({
  id: IdSchema,
  benefit: Title,
  measure: ShortText.default(''),
  /** The KPI on the map that measures it, when there is one: baseline and target then come from the KPI. */
  kpiId: IdSchema.nullable().default(null),
  baseline: ShortText.default(''),
  target: ShortText.default(''),
  owner: ShortText.default(''),
  date: isoDate.nullable().default(null),
});
export type PlannedBenefit = z.infer<typeof PlannedBenefitSchema>;

/** 1 (very low) to 5 (very high); a rating is likelihood × impact. */
const rating = z.number().int().min(1, { error: 'From 1 to 5' }).max(5, { error: 'From 1 to 5' });
export const RiskEntrySchema = z.strictObject({
  id: IdSchema,
  risk: Title,
  cause: ShortText.default(''),
  effect: ShortText.default(''),
  likelihood: rating,
  impact: rating,
  owner: ShortText.default(''),
  mitigation: LongText.default(''),
  residualLikelihood: rating.nullable().default(null),
  residualImpact: rating.nullable().default(null),
});
export type RiskEntry = z.infer<typeof RiskEntrySchema>;

export const ManagementCaseSchema = z.strictObject({
  board: ShortText.default(''),
  sponsor: ShortText.default(''),
  leadOfficer: ShortText.default(''),
  arrangements: LongText.default(''),
  milestones: z.array(MilestoneSchema).max(500).default([]),
  benefits: z.array(PlannedBenefitSchema).max(200).default([]),
  risks: z.array(RiskEntrySchema).max(500).default([]),
  /** Assurance and gateway reviews, with dates where planned. */
  assurance: z.array(MilestoneSchema).max(50).default([]),
  postImplementationReview: LongText.default(''),
});
export type ManagementCase = z.infer<typeof ManagementCaseSchema>;

export const BusinessCaseDataSchema = z.strictObject({
  appraisal: AppraisalSchema.default(AppraisalSchema.parse({})),
  financial: FinancialCaseSchema.default(FinancialCaseSchema.parse({})),
  commercial: CommercialCaseSchema.default(CommercialCaseSchema.parse({})),
  management: ManagementCaseSchema.default(ManagementCaseSchema.parse({})),
});
export type BusinessCaseData = z.infer<typeof BusinessCaseDataSchema>;

export const emptyBusinessCase = (): BusinessCaseData => BusinessCaseDataSchema.parse({});
