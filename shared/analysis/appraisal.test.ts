import { describe, expect, it } from 'vitest';
import { BusinessCaseDataSchema, type Appraisal } from '../model/business-case-schema';
import {
  appraise,
  discountFactor,
  discountFactors,
  financialProfile,
  financialYearLabel,
  GREEN_BOOK_STPR,
  lineSwitchingValue,
  rankDescending,
  rateRisk,
  riskBand,
} from './appraisal';

/**
 * A three-year appraisal (years 0, 1 and 2) at the Green Book rate, worked by hand:
 *
 *   discount factors 1, 1 / 1.035 = 0.966184, 1 / 1.035² = 0.933511 (sum 2.899694)
 *
 *   Business as usual: revenue £100,000 a year, no monetised benefits.
 *     PV costs = 100,000 × 2.899694 = £289,969.43; NPSV = −£289,969.43.
 *   Preferred: capital £50,000 in year 0; revenue £80,000 a year; benefits £60,000 in years 1 and 2; optimism bias 20%.
 *     PV costs = 130,000 + 80,000 × 0.966184 + 80,000 × 0.933511 = 130,000 + 77,294.69 + 74,680.86 = £281,975.54
 *     optimism bias = 20% × 281,975.54 = £56,395.11; PV costs after optimism bias = £338,370.65
 *     PV benefits = 60,000 × (0.966184 + 0.933511) = £113,981.66
 *     NPSV = 113,981.66 − 338,370.65 = −£224,388.99; BCR = 113,981.66 ÷ 338,370.65 = 0.3369
 *   Alternative: revenue £120,000 a year; benefits £30,000 in years 1 and 2; optimism bias 10%.
 *     PV costs = 120,000 × 2.899694 = £347,963.31; after 10% = £382,759.64
 *     PV benefits = 30,000 × 1.899694 = £56,990.83; NPSV = −£325,768.82; BCR = 0.1489
 *
 *   Ranking on NPSV: preferred (−224,389) 1st, business as usual (−289,969) 2nd, alternative (−325,769) 3rd.
 *   Switching values: the preferred option leads business as usual by 289,969.43 − 224,388.99 = £65,580.43 of NPSV.
 *     Its PV costs would have to rise by £65,580.43 = 65,580.43 ÷ 338,370.65 = 19.38% to lose first place;
 *     its PV benefits would have to fall by £65,580.43 = 65,580.43 ÷ 113,981.66 = 57.54%.
 *     The revenue line's PV with optimism bias is 80,000 × 2.899694 × 1.2 = £278,370.65, so it would have to rise
 *     by 65,580.43 ÷ 278,370.65 = 23.56%; the capital line (50,000 × 1.2 = £60,000 in year 0) by 109.30%.
 */
const worked: Appraisal = BusinessCaseDataSchema.parse({
  appraisal: {
    firstYear: 2026,
    years: 3,
    discountRate: GREEN_BOOK_STPR,
    priceBase: '2026/27 prices',
    criteria: [
      { id: 'csf_1', kind: 'csf', label: 'Affordable' },
      { id: 'so_1', kind: 'spending-objective', label: 'Reach 500 residents' },
    ],
    options: [
      { id: 'opt_bau', name: 'Business as usual', role: 'business-as-usual', costs: [{ id: 'c1', label: 'Staff', kind: 'revenue', amounts: [100_000, 100_000, 100_000] }] },
      {
        id: 'opt_pref',
        name: 'Preferred',
        role: 'preferred',
        costs: [
          { id: 'c2', label: 'Laptops', kind: 'capital', amounts: [50_000] },
          { id: 'c3', label: 'Staff', kind: 'revenue', amounts: [80_000, 80_000, 80_000] },
        ],
        benefits: [{ id: 'b1', label: 'Fewer calls', kind: 'cash-releasing', amounts: [0, 60_000, 60_000] }],
        optimismBias: { percent: 20, basis: 'Standard buildings' },
        scores: [
          { criterionId: 'csf_1', score: 3 },
          { criterionId: 'so_1', score: 2 },
          { criterionId: 'gone', score: 3 },
        ],
      },
      {
        id: 'opt_alt',
        name: 'Alternative',
        role: 'alternative',
        costs: [{ id: 'c4', label: 'Contract', kind: 'revenue', amounts: [120_000, 120_000, 120_000, 999_999] }],
        benefits: [{ id: 'b2', label: 'Fewer calls', kind: 'cash-releasing', amounts: [0, 30_000, 30_000] }],
        optimismBias: { percent: 10, basis: '' },
      },
      { id: 'opt_long', name: 'Close branches', role: null, verdict: 'discounted' },
    ],
  },
}).appraisal;

describe('discounting (Green Book 2022, Annex A6: STPR 3.5% for years 0–30)', () => {
  it('gives the Green Book discount factors for years 1–5, and year 0 undiscounted', () => {
    // Annex A6 table: 0.9662, 0.9335, 0.9019, 0.8714, 0.8420 for years 1 to 5.
    expect(discountFactor(0, 0.035)).toBe(1);
    expect(discountFactors(6, 0.035).slice(1).map((f) => Number(f.toFixed(4)))).toEqual([0.9662, 0.9335, 0.9019, 0.8714, 0.842]);
    // 1 / 1.035^10 = 0.7089 (Annex A6, year 10).
    expect(discountFactor(10, 0.035)).toBeCloseTo(0.7089, 4);
  });

  it('labels financial years April to March', () => {
    expect([0, 1, 4].map((t) => financialYearLabel(2026, t))).toEqual(['2026/27', '2027/28', '2030/31']);
    expect(financialYearLabel(2099, 0)).toBe('2099/00');
  });
});

describe('the worked appraisal', () => {
  const result = appraise(worked);
  const byId = (id: string) => result.options.find((o) => o.optionId === id)!;

  it('totals costs by year split into capital and revenue, within the period', () => {
    expect(byId('opt_pref').costs).toEqual({ capital: [50_000, 0, 0], revenue: [80_000, 80_000, 80_000], total: [130_000, 80_000, 80_000] });
    // The alternative's fourth year is outside a three-year appraisal.
    expect(byId('opt_alt').costs.total).toEqual([120_000, 120_000, 120_000]);
    expect(result.yearLabels).toEqual(['2026/27', '2027/28', '2028/29']);
  });

  it('gives present values, optimism bias, NPSV and BCR as worked by hand', () => {
    const pref = byId('opt_pref');
    expect(pref.pvCosts).toBeCloseTo(281_975.54, 2);
    expect(pref.optimismBias).toBeCloseTo(56_395.11, 2);
    expect(pref.pvCostsAdjusted).toBeCloseTo(338_370.65, 2);
    expect(pref.pvBenefits).toBeCloseTo(113_981.66, 2);
    expect(pref.npsv).toBeCloseTo(-224_388.99, 2);
    expect(pref.bcr).toBeCloseTo(0.3369, 4);
    expect(pref.npsvVsBau).toBeCloseTo(65_580.43, 2);

    const bau = byId('opt_bau');
    expect(bau.pvCosts).toBeCloseTo(289_969.43, 2);
    expect(bau.npsv).toBeCloseTo(-289_969.43, 2);
    expect(bau.bcr).toBeNull();
    expect(bau.monetised).toBe(false);
    expect(bau.npsvVsBau).toBe(0);

    const alt = byId('opt_alt');
    expect(alt.pvCostsAdjusted).toBeCloseTo(382_759.64, 2);
    expect(alt.pvBenefits).toBeCloseTo(56_990.83, 2);
    expect(alt.npsv).toBeCloseTo(-325_768.82, 2);
    expect(alt.bcr).toBeCloseTo(0.1489, 4);
  });

  it('ranks the short list on NPSV and leaves long-list options unranked', () => {
    expect(result.shortList.map((o) => [o.optionId, o.rank])).toEqual([
      ['opt_bau', 2],
      ['opt_pref', 1],
      ['opt_alt', 3],
    ]);
    expect(byId('opt_long').rank).toBeNull();
    expect(rankDescending([5, 9, 5, 1])).toEqual([2, 1, 2, 4]);
  });

  it('adds up criterion scores, ignoring scores against criteria that no longer exist', () => {
    expect(byId('opt_pref')).toMatchObject({ scoreTotal: 5, scoreMax: 6 });
  });

  it('gives switching values for the option and for a named line', () => {
    expect(result.switching.kind).toBe('values');
    if (result.switching.kind !== 'values') return;
    const s = result.switching.values;
    expect(s.runnerUpId).toBe('opt_bau');
    expect(s.margin).toBeCloseTo(65_580.43, 2);
    expect(s.costRise.percent).toBeCloseTo(19.38, 2);
    expect(s.benefitFall.percent).toBeCloseTo(57.54, 2);
    expect(s.benefitFall.possible).toBe(true);
    expect(lineSwitchingValue(result, 'c3')).toMatchObject({ kind: 'cost', label: 'Staff' });
    expect(lineSwitchingValue(result, 'c3')!.pv).toBeCloseTo(278_370.65, 2);
    expect(lineSwitchingValue(result, 'c3')!.percent).toBeCloseTo(23.56, 2);
    expect(lineSwitchingValue(result, 'c2')!.percent).toBeCloseTo(109.3, 2);
    expect(lineSwitchingValue(result, 'b1')!.percent).toBeCloseTo(57.54, 2);
    expect(lineSwitchingValue(result, 'c4')).toBeNull();
  });

  it('says when the preferred option is not first, or has nothing to beat', () => {
    const flipped = { ...worked, options: worked.options.map((o) => (o.id === 'opt_pref' ? { ...o, optimismBias: { percent: 60, basis: '' } } : o)) };
    // PV costs 281,975.54 × 1.6 = 451,160.87; NPSV = 113,981.66 − 451,160.87 = −337,179.21, behind business as usual by 47,209.78.
    const r = appraise(flipped);
    expect(r.switching.kind).toBe('not-first');
    if (r.switching.kind === 'not-first') {
      expect(r.switching.leaderId).toBe('opt_bau');
      expect(r.switching.shortfall).toBeCloseTo(47_209.78, 2);
    }
    expect(appraise({ ...worked, options: worked.options.filter((o) => o.id === 'opt_pref') }).switching.kind).toBe('no-rival');
    expect(appraise({ ...worked, options: worked.options.filter((o) => o.id !== 'opt_pref') }).switching.kind).toBe('no-preferred');
  });

  it('says a benefit fall cannot switch the ranking when the lead is larger than the benefits', () => {
    // Without the alternative and with business as usual at £200,000 a year: PV 579,938.86, lead 355,549.86 > benefits 113,981.66.
    const r = appraise({
      ...worked,
      options: worked.options
        .filter((o) => o.id !== 'opt_alt')
        .map((o) => (o.id === 'opt_bau' ? { ...o, costs: [{ ...o.costs[0]!, amounts: [200_000, 200_000, 200_000] }] } : o)),
    });
    expect(r.switching.kind === 'values' && r.switching.values.benefitFall.possible).toBe(false);
    expect(r.switching.kind === 'values' && r.switching.values.margin).toBeCloseTo(355_549.86, 2);
  });
});

describe('financial profile', () => {
  it('sets the preferred option’s cash costs against funding, with the gap each year and in total', () => {
    const data = BusinessCaseDataSchema.parse({
      appraisal: worked,
      financial: {
        funding: [
          { id: 'f1', label: 'Arts Council grant', kind: 'grant', kindOf: 'capital', amounts: [40_000], confirmed: true },
          { id: 'f2', label: 'Library budget', kind: 'council-budget', kindOf: 'revenue', amounts: [80_000, 70_000, 60_000, 5_000] },
        ],
      },
    });
    const p = financialProfile(data)!;
    // Costs 130,000 / 80,000 / 80,000; funding 120,000 / 70,000 / 60,000 (the fourth year is outside the period).
    expect(p.costs).toEqual([130_000, 80_000, 80_000]);
    expect(p.fundingTotal).toEqual([120_000, 70_000, 60_000]);
    expect(p.gap).toEqual([10_000, 10_000, 20_000]);
    expect(p.capitalGap).toEqual([10_000, 0, 0]);
    expect(p.revenueGap).toEqual([0, 10_000, 20_000]);
    expect(p.totals).toEqual({ capital: 50_000, revenue: 240_000, costs: 290_000, funding: 250_000, gap: 40_000 });
    expect(p.unconfirmed).toBe(210_000);
    expect(p.yearLabels).toEqual(['2026/27', '2027/28', '2028/29']);
    expect(financialProfile(BusinessCaseDataSchema.parse({}))).toBeNull();
  });
});

describe('risk ratings (likelihood × impact on a 5 × 5 grid)', () => {
  it('scores and bands inherent and residual risk', () => {
    expect(rateRisk({ id: 'r', likelihood: 4, impact: 4, residualLikelihood: 2, residualImpact: 3 })).toEqual({
      riskId: 'r',
      inherent: { score: 16, band: 'very-high' },
      residual: { score: 6, band: 'medium' },
    });
    expect(rateRisk({ id: 'r', likelihood: 2, impact: 2, residualLikelihood: null, residualImpact: 3 }).residual).toBeNull();
    expect([1, 4, 5, 9, 10, 15, 16, 25].map(riskBand)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'very-high', 'very-high']);
  });
});
