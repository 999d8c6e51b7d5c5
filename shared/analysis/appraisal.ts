/**
 * The options appraisal worked out from the draft's business case data (HM Treasury Green Book, 2022): totals by
 * year, present values at the discount rate, optimism bias, net present social value, benefit–cost ratio, the
 * ranking and switching values; the preferred option's financial profile against its funding; risk ratings.
 *
 * Everything here is exact arithmetic on numbers. Rounding is the document's job: a table rounds each figure it
 * prints, and a reader adding up a printed column may be a pound out, as in any published appraisal.
 */
import type {
  AppraisalOption,
  BenefitLine,
  BusinessCaseData,
  CostLine,
  FundingSource,
  RiskEntry,
} from '../model/business-case-schema';
import type { Appraisal } from '../model/business-case-schema';

/** The Green Book's social time preference rate for years 0–30 (Green Book 2022, Annex A6, table 8). */
export const GREEN_BOOK_STPR = 0.035;

/** "2026/27" for the financial year that starts on 1 April 2026 plus `index` years. */
export function financialYearLabel(firstYear: number, index: number): string {
  const y = firstYear + index;
  return `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
}

/**
 * 1 / (1 + r)^t. Year 0 is the present and is not discounted; costs and benefits are taken to fall at the end of
 * each year after it, as in the Green Book's tables.
 */
export function discountFactor(year: number, rate: number): number {
  return 1 / (1 + rate) ** year;
}

export function discountFactors(years: number, rate: number): number[] {
  return Array.from({ length: years }, (_, t) => discountFactor(t, rate));
}

/** Amounts padded or cut to the appraisal period; a missing year is nothing spent. */
export function amountsOver(amounts: readonly number[], years: number): number[] {
  return Array.from({ length: years }, (_, t) => amounts[t] ?? 0);
}

export function presentValue(amounts: readonly number[], factors: readonly number[]): number {
  return factors.reduce((sum, f, t) => sum + (amounts[t] ?? 0) * f, 0);
}

function sumByYear(rows: ReadonlyArray<readonly number[]>, years: number): number[] {
  const out = new Array<number>(years).fill(0);
  for (const row of rows) for (let t = 0; t < years; t++) out[t] = (out[t] ?? 0) + (row[t] ?? 0);
  return out;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export interface YearTotals {
  readonly capital: number[];
  readonly revenue: number[];
  readonly total: number[];
}

export function costTotalsByYear(costs: readonly CostLine[], years: number): YearTotals {
  const capital = sumByYear(costs.filter((c) => c.kind === 'capital').map((c) => c.amounts), years);
  const revenue = sumByYear(costs.filter((c) => c.kind === 'revenue').map((c) => c.amounts), years);
  return { capital, revenue, total: capital.map((c, t) => c + (revenue[t] ?? 0)) };
}

export function benefitTotalsByYear(benefits: readonly BenefitLine[], years: number): number[] {
  return sumByYear(benefits.map((b) => b.amounts), years);
}

export interface OptionAppraisal {
  readonly optionId: string;
  readonly name: string;
  readonly role: AppraisalOption['role'];
  readonly costs: YearTotals;
  readonly benefits: number[];
  /** Present value of costs before optimism bias. */
  readonly pvCosts: number;
  readonly optimismBiasPercent: number;
  /** The uplift in pounds of present value: pvCosts × percent / 100. */
  readonly optimismBias: number;
  readonly pvCostsAdjusted: number;
  readonly pvBenefits: number;
  /** True when the option has at least one monetised benefit with an amount. */
  readonly monetised: boolean;
  /** Net present social value: PV benefits − PV costs after optimism bias. */
  readonly npsv: number;
  /** NPSV against business as usual (NPSV − business as usual's NPSV); null without a business-as-usual option. */
  readonly npsvVsBau: number | null;
  /** PV benefits ÷ PV costs after optimism bias; null when benefits are not monetised or there are no costs. */
  readonly bcr: number | null;
  /** 1 is the highest NPSV among the short list; equal NPSVs share a rank. Null for long-list options. */
  readonly rank: number | null;
  /** Sum of the option's criterion scores, out of `scoreMax`. */
  readonly scoreTotal: number;
  readonly scoreMax: number;
}

export interface LineSwitch {
  readonly lineId: string;
  readonly label: string;
  readonly kind: 'cost' | 'benefit';
  /** The line's present value (a cost line's with the option's optimism bias). */
  readonly pv: number;
  /** Change in the line's present value that would cost the preferred option first place. */
  readonly amount: number;
  /** As a percentage of the line's present value; null when the line has no value to move. */
  readonly percent: number | null;
}

export interface SwitchingValues {
  readonly preferredId: string;
  /** The option that would take first place: the best of the rest. */
  readonly runnerUpId: string;
  /** NPSV lead over the runner-up, in present-value pounds. */
  readonly margin: number;
  /** Rise in the preferred option's PV costs (after optimism bias) that would close the margin. */
  readonly costRise: { readonly amount: number; readonly percent: number | null };
  /**
   * Fall in its PV benefits that would close the margin; percent null when it has no monetised benefits, and
   * `possible` false when even losing every benefit would leave it first.
   */
  readonly benefitFall: { readonly amount: number; readonly percent: number | null; readonly possible: boolean };
  readonly lines: LineSwitch[];
}

export type SwitchingOutcome =
  | { readonly kind: 'values'; readonly values: SwitchingValues }
  | { readonly kind: 'no-preferred' }
  | { readonly kind: 'no-rival' }
  /** The preferred option is not first on NPSV, so there is no lead to lose. */
  | { readonly kind: 'not-first'; readonly leaderId: string; readonly shortfall: number };

export interface AppraisalResult {
  readonly rate: number;
  readonly years: number;
  readonly firstYear: number | null;
  /** "2026/27"… when the first year is set, otherwise "Year 0"… */
  readonly yearLabels: string[];
  readonly factors: number[];
  /** Every option in the order entered. */
  readonly options: OptionAppraisal[];
  /** The short list (options with a role), in the order entered. */
  readonly shortList: OptionAppraisal[];
  readonly preferredId: string | null;
  readonly bauId: string | null;
  readonly switching: SwitchingOutcome;
}

export function yearLabels(firstYear: number | null, years: number): string[] {
  return Array.from({ length: years }, (_, t) => (firstYear === null ? `Year ${t}` : financialYearLabel(firstYear, t)));
}

function optionFigures(option: AppraisalOption, factors: readonly number[], criteriaIds: ReadonlySet<string>): Omit<OptionAppraisal, 'npsvVsBau' | 'rank'> {
  const years = factors.length;
  const costs = costTotalsByYear(option.costs, years);
  const benefits = benefitTotalsByYear(option.benefits, years);
  const pvCosts = presentValue(costs.total, factors);
  const optimismBias = (pvCosts * option.optimismBias.percent) / 100;
  const pvCostsAdjusted = pvCosts + optimismBias;
  const pvBenefits = presentValue(benefits, factors);
  const monetised = benefits.some((b) => b !== 0);
  const scores = option.scores.filter((s) => criteriaIds.has(s.criterionId));
  return {
    optionId: option.id,
    name: option.name,
    role: option.role,
    costs,
    benefits,
    pvCosts,
    optimismBiasPercent: option.optimismBias.percent,
    optimismBias,
    pvCostsAdjusted,
    pvBenefits,
    monetised,
    npsv: pvBenefits - pvCostsAdjusted,
    bcr: monetised && pvCostsAdjusted > 0 ? pvBenefits / pvCostsAdjusted : null,
    scoreTotal: sum(scores.map((s) => s.score)),
    scoreMax: criteriaIds.size * 3,
  };
}

/** Ranks highest first; equal values share the better rank (1, 2, 2, 4). */
export function rankDescending(values: readonly number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w > v).length);
}

export function appraise(appraisal: Appraisal): AppraisalResult {
  const years = appraisal.years;
  const factors = discountFactors(years, appraisal.discountRate);
  const criteriaIds = new Set(appraisal.criteria.map((c) => c.id));
  const base = appraisal.options.map((o) => optionFigures(o, factors, criteriaIds));
  const bau = base.find((o) => o.role === 'business-as-usual') ?? null;
  const short = base.filter((o) => o.role !== null);
  const ranks = rankDescending(short.map((o) => o.npsv));
  const rankOf = new Map(short.map((o, i) => [o.optionId, ranks[i] ?? null]));
  const options: OptionAppraisal[] = base.map((o) => ({
    ...o,
    npsvVsBau: bau === null ? null : o.npsv - bau.npsv,
    rank: rankOf.get(o.optionId) ?? null,
  }));
  const preferred = options.find((o) => o.role === 'preferred') ?? null;
  const source = appraisal.options.find((o) => o.id === preferred?.optionId) ?? null;
  return {
    rate: appraisal.discountRate,
    years,
    firstYear: appraisal.firstYear,
    yearLabels: yearLabels(appraisal.firstYear, years),
    factors,
    options,
    shortList: options.filter((o) => o.role !== null),
    preferredId: preferred?.optionId ?? null,
    bauId: bau?.optionId ?? null,
    switching: preferred === null || source === null ? { kind: 'no-preferred' } : switchingValues(preferred, source, options, factors),
  };
}

function switchingValues(
  preferred: OptionAppraisal,
  source: AppraisalOption,
  options: readonly OptionAppraisal[],
  factors: readonly number[],
): SwitchingOutcome {
  const rivals = options.filter((o) => o.role !== null && o.optionId !== preferred.optionId);
  const best = rivals.reduce<OptionAppraisal | null>((b, o) => (b === null || o.npsv > b.npsv ? o : b), null);
  if (best === null) return { kind: 'no-rival' };
  const margin = preferred.npsv - best.npsv;
  if (margin < 0) return { kind: 'not-first', leaderId: best.optionId, shortfall: -margin };
  const pct = (amount: number, of: number) => (of > 0 ? (amount / of) * 100 : null);
  const uplift = 1 + source.optimismBias.percent / 100;
  const lines: LineSwitch[] = [
    ...source.costs.map((c) => {
      const pv = presentValue(amountsOver(c.amounts, factors.length), factors) * uplift;
      return { lineId: c.id, label: c.label, kind: 'cost' as const, pv, amount: margin, percent: pct(margin, pv) };
    }),
    ...source.benefits.map((b) => {
      const pv = presentValue(amountsOver(b.amounts, factors.length), factors);
      return { lineId: b.id, label: b.label, kind: 'benefit' as const, pv, amount: margin, percent: pct(margin, pv) };
    }),
  ];
  return {
    kind: 'values',
    values: {
      preferredId: preferred.optionId,
      runnerUpId: best.optionId,
      margin,
      costRise: { amount: margin, percent: pct(margin, preferred.pvCostsAdjusted) },
      benefitFall: {
        amount: margin,
        percent: pct(margin, preferred.pvBenefits),
        possible: preferred.monetised && margin <= preferred.pvBenefits,
      },
      lines,
    },
  };
}

/** A named line's switching value, or null when the line is not the preferred option's. */
export function lineSwitchingValue(result: AppraisalResult, lineId: string): LineSwitch | null {
  if (result.switching.kind !== 'values') return null;
  return result.switching.values.lines.find((l) => l.lineId === lineId) ?? null;
}

export interface FundingRow {
  readonly sourceId: string;
  readonly label: string;
  readonly kind: FundingSource['kind'];
  readonly kindOf: FundingSource['kindOf'];
  readonly confirmed: boolean;
  readonly amounts: number[];
  readonly total: number;
}

export interface FinancialProfile {
  readonly optionId: string;
  readonly yearLabels: string[];
  /** Cash costs in each year (no discounting; optimism bias is an appraisal adjustment, not a budget line). */
  readonly capital: number[];
  readonly revenue: number[];
  readonly costs: number[];
  readonly funding: FundingRow[];
  readonly fundingTotal: number[];
  /** Costs − funding in each year: above 0 is a shortfall, below 0 money left over. */
  readonly gap: number[];
  readonly capitalGap: number[];
  readonly revenueGap: number[];
  readonly totals: { readonly capital: number; readonly revenue: number; readonly costs: number; readonly funding: number; readonly gap: number };
  /** Funding not yet confirmed, over the whole period. */
  readonly unconfirmed: number;
}

/** The preferred option's costs against the funding sources, year by year; null without a preferred option. */
export function financialProfile(data: BusinessCaseData): FinancialProfile | null {
  const { appraisal, financial } = data;
  const option = appraisal.options.find((o) => o.role === 'preferred');
  if (option === undefined) return null;
  const years = appraisal.years;
  const costs = costTotalsByYear(option.costs, years);
  const funding: FundingRow[] = financial.funding.map((f) => {
    const amounts = amountsOver(f.amounts, years);
    return { sourceId: f.id, label: f.label, kind: f.kind, kindOf: f.kindOf, confirmed: f.confirmed, amounts, total: sum(amounts) };
  });
  const fundingTotal = sumByYear(funding.map((f) => f.amounts), years);
  const fundingOf = (k: 'capital' | 'revenue') => sumByYear(funding.filter((f) => f.kindOf === k).map((f) => f.amounts), years);
  const capitalFunding = fundingOf('capital');
  const revenueFunding = fundingOf('revenue');
  const gap = costs.total.map((c, t) => c - (fundingTotal[t] ?? 0));
  return {
    optionId: option.id,
    yearLabels: yearLabels(appraisal.firstYear, years),
    capital: costs.capital,
    revenue: costs.revenue,
    costs: costs.total,
    funding,
    fundingTotal,
    gap,
    capitalGap: costs.capital.map((c, t) => c - (capitalFunding[t] ?? 0)),
    revenueGap: costs.revenue.map((c, t) => c - (revenueFunding[t] ?? 0)),
    totals: {
      capital: sum(costs.capital),
      revenue: sum(costs.revenue),
      costs: sum(costs.total),
      funding: sum(fundingTotal),
      gap: sum(gap),
    },
    unconfirmed: sum(funding.filter((f) => !f.confirmed).map((f) => f.total)),
  };
}

export type RiskBand = 'low' | 'medium' | 'high' | 'very-high';
export const RISK_BAND_LABELS: Record<RiskBand, string> = { low: 'Low', medium: 'Medium', high: 'High', 'very-high': 'Very high' };

/**
 * Bands on the 5 × 5 likelihood × impact grid most council risk registers use: 1–4 low, 5–9 medium, 10–15 high,
 * 16–25 very high.
 */
export function riskBand(score: number): RiskBand {
  if (score >= 16) return 'very-high';
  if (score >= 10) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}

export interface RiskRating {
  readonly score: number;
  readonly band: RiskBand;
}

export interface RatedRisk {
  readonly riskId: string;
  readonly inherent: RiskRating;
  /** After mitigation; null until both residual likelihood and impact are set. */
  readonly residual: RiskRating | null;
}

export function rateRisk(r: Pick<RiskEntry, 'id' | 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact'>): RatedRisk {
  const rating = (score: number): RiskRating => ({ score, band: riskBand(score) });
  return {
    riskId: r.id,
    inherent: rating(r.likelihood * r.impact),
    residual: r.residualLikelihood === null || r.residualImpact === null ? null : rating(r.residualLikelihood * r.residualImpact),
  };
}
