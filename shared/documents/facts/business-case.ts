/**
 * The business case's decision data as the document prints it: the appraisal worked out once (present values,
 * ranking, switching values), the preferred option's financial profile, the risk register rated, and each planned
 * benefit with its baseline and target taken from the map's KPI where it is linked to one. The economic,
 * financial and management cases and the committee report all read these, so they print the same figures.
 */
import { appraise, financialProfile, financialYearLabel, rateRisk, type AppraisalResult, type FinancialProfile, type RatedRisk } from '../../analysis/appraisal';
import { OPTION_ROLES, type BusinessCaseData, type FUNDING_KINDS, type PlannedBenefit, type RiskEntry } from '../../model/business-case-schema';
import type { Kpi, Workbook } from '../../model/workbook-schema';
import { formatNumber, formatQuantity } from '../../text/numbers';

export interface PlannedBenefitFacts {
  readonly planned: PlannedBenefit;
  /** The linked KPI, when it still exists. */
  readonly kpi: Kpi | null;
  /** The measure: the KPI's name when linked and the benefit gives none. */
  readonly measure: string;
  /** "61.8 years (2020-22)": the KPI's when linked and set, otherwise as entered. */
  readonly baseline: string;
  readonly target: string;
}

export interface BusinessCaseFacts {
  readonly data: BusinessCaseData;
  readonly appraisal: AppraisalResult;
  readonly profile: FinancialProfile | null;
  readonly risks: ReadonlyArray<{ readonly entry: RiskEntry; readonly rating: RatedRisk }>;
  readonly benefits: readonly PlannedBenefitFacts[];
  /** "2026/27 to 2030/31": the appraisal period, or "" before the first year is set. */
  readonly period: string;
}

/** A funding source's kind as it reads inside a sentence. */
export const FUNDING_KIND_WORDS: Readonly<Record<(typeof FUNDING_KINDS)[number], string>> = {
  grant: 'grant',
  'partner-contribution': 'partner contribution',
  'council-budget': 'council budget',
  reserves: 'reserves',
  'capital-receipts': 'capital receipts',
  borrowing: 'borrowing',
  other: 'other',
};

export const ROLE_LABELS: Record<(typeof OPTION_ROLES)[number], string> = {
  'business-as-usual': 'Business as usual',
  'do-minimum': 'Do minimum',
  preferred: 'Preferred way forward',
  alternative: 'Alternative',
};

function kpiValue(v: Kpi['baseline'], unit: string): string {
  if (v === null) return '';
  return `${formatQuantity(v.value, unit)}${v.period.label ? ` (${v.period.label})` : ''}`;
}

export function businessCaseFacts(workbook: Workbook, data: BusinessCaseData): BusinessCaseFacts {
  const kpis = new Map(workbook.objectives.flatMap((o) => o.kpis.map((k) => [k.id, k] as const)));
  const { firstYear, years } = data.appraisal;
  return {
    data,
    appraisal: appraise(data.appraisal),
    profile: financialProfile(data),
    risks: data.management.risks.map((entry) => ({ entry, rating: rateRisk(entry) })),
    benefits: data.management.benefits.map((planned) => {
      const kpi = planned.kpiId === null ? null : (kpis.get(planned.kpiId) ?? null);
      return {
        planned,
        kpi,
        measure: planned.measure || kpi?.name || '',
        baseline: (kpi && kpiValue(kpi.baseline, kpi.unit)) || planned.baseline,
        target: (kpi && kpiValue(kpi.target, kpi.unit)) || planned.target,
      };
    }),
    period: firstYear === null ? '' : years === 1 ? financialYearLabel(firstYear, 0) : `${financialYearLabel(firstYear, 0)} to ${financialYearLabel(firstYear, years - 1)}`,
  };
}

/** The sum a business case asks for when neither its scope nor its answers say: the preferred option's cash cost over the appraisal period. */
export function businessCaseAmount(facts: BusinessCaseFacts): { amount: number; period: string } | null {
  if (facts.profile === null || facts.profile.totals.costs <= 0) return null;
  return { amount: facts.profile.totals.costs, period: facts.period };
}

export type CaseStage = 'SOC' | 'OBC' | 'FBC' | 'BJC';

/**
 * What an Outline or Full Business Case still lacks before it can be final, in plain words, grouped by the part
 * of the document that prints it. A Strategic Outline Case needs only its short list; a Business Justification
 * Case its short list with costs.
 */
export function missingParts(data: BusinessCaseData | null, stage: CaseStage): { appraisal: string[]; financial: string[]; benefits: string[]; risks: string[] } {
  const out = { appraisal: [] as string[], financial: [] as string[], benefits: [] as string[], risks: [] as string[] };
  if (data === null) {
    out.appraisal.push('the options appraisal has not been started');
    if (stage === 'OBC' || stage === 'FBC') {
      out.benefits.push('the benefits realisation plan has no benefits');
      out.risks.push('the risk register has no risks');
    }
    return out;
  }
  const { appraisal, management } = data;
  const short = appraisal.options.filter((o) => o.role !== null);
  for (const role of OPTION_ROLES)
    if (!short.some((o) => o.role === role)) out.appraisal.push(`the short list has no “${ROLE_LABELS[role].toLowerCase()}” option`);
  if (stage === 'SOC') return out;
  if (appraisal.firstYear === null) out.appraisal.push('the first financial year of the appraisal is not set');
  for (const o of short)
    if (!o.costs.some((c) => c.amounts.some((a) => a > 0))) out.appraisal.push(`the option “${o.name}” has no costs`);
  if (stage === 'BJC') return out;
  if (management.benefits.length === 0) out.benefits.push('the benefits realisation plan has no benefits');
  if (management.risks.length === 0) out.risks.push('the risk register has no risks');
  const ownerless = management.risks.filter((r) => r.owner.trim() === '');
  if (ownerless.length > 0)
    out.risks.push(
      ownerless.length === 1 ? `the risk “${ownerless[0]!.risk}” has no owner` : `${formatNumber(ownerless.length)} risks have no owner (${ownerless.map((r) => `“${r.risk}”`).join(', ')})`,
    );
  return out;
}
