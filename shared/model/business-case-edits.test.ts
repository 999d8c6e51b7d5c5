/**
 * The business case edits on the complete fixture's case: each changes what it names and nothing else, reports
 * when it finds nothing, and leaves a workbook that still validates (ids unique, scores against criteria that
 * exist, one preferred option), so it can be saved and reopened.
 */
import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK } from '../../tests/fixtures/fixtures';
import {
  addBenefitLine,
  addChoice,
  addCostLine,
  addCriterion,
  addDatedRow,
  addFundingSource,
  addOption,
  addPlannedBenefit,
  addRisk,
  addRiskAllocation,
  newOption,
  removeBenefitLine,
  removeChoice,
  removeCostLine,
  removeCriterion,
  removeDatedRow,
  removeFundingSource,
  removeOption,
  removePlannedBenefit,
  removeRisk,
  removeRiskAllocation,
  setAppraisalSettings,
  setBenefitAmount,
  setCostAmount,
  setFundingAmount,
  setOptimismBias,
  setOptionRole,
  setScore,
  setYearAmount,
  startBusinessCase,
  startingCase,
  updateBenefitLine,
  updateChoice,
  updateCommercial,
  updateCostLine,
  updateCriterion,
  updateDatedRow,
  updateFinancial,
  updateFundingSource,
  updateManagement,
  updateOption,
  updatePlannedBenefit,
  updateRisk,
  updateRiskAllocation,
} from './business-case-edits';
import type { BusinessCaseData } from './business-case-schema';
import { emptyBusinessCase } from './business-case-schema';
import { readWorkbookText, validateWorkbook } from './workbook-format';
import type { Workbook } from './workbook-schema';

function fixture(): Workbook {
  const read = readWorkbookText(readFileSync(COMPLETE_WORKBOOK, 'utf8'));
  if (!read.ok) throw new Error(read.error.message);
  return read.value.workbook;
}

const WB = fixture();
const AT = WB.drafts.findIndex((d) => d.businessCase !== null);
const CASE = WB.drafts[AT]!.businessCase!;
const PREFERRED = 'opt_d9ns4pbv6zyr';
const LONG_LIST = 'opt_h5sw8tfz2d5v';
const CRITERION = 'csf_b7kq2mzt4xwp';
const COORDINATOR = 'cln_f3qu6rdx8b3t';

/** Runs an edit on the fixture's case as the renderer does (an immer draft of the whole workbook). */
function edit<T>(change: (bc: BusinessCaseData) => T): { wb: Workbook; bc: BusinessCaseData; result: T } {
  let result!: T;
  const wb = produce(WB, (d) => void (result = change(d.drafts[AT]!.businessCase!)));
  return { wb, bc: wb.drafts[AT]!.businessCase!, result };
}

function expectValid(wb: Workbook) {
  const checked = validateWorkbook(wb);
  expect(checked.ok ? [] : (checked.error.issues ?? [{ message: checked.error.message }])).toEqual([]);
}

describe('a new business case', () => {
  it('starts from next April with the five standard factors and the four short-list places, each with its own id', () => {
    const bc = startingCase(new Date(2026, 11, 7));
    expect(bc.appraisal.firstYear).toBe(2027);
    expect(bc.appraisal.priceBase).toBe('2027/28 prices');
    expect(startingCase(new Date(2026, 1, 7)).appraisal.firstYear).toBe(2026);
    expect(bc.appraisal.criteria.map((c) => c.kind)).toEqual(['csf', 'csf', 'csf', 'csf', 'csf']);
    expect(bc.appraisal.options.map((o) => o.role)).toEqual(['business-as-usual', 'do-minimum', 'preferred', 'alternative']);
    const ids = [...bc.appraisal.criteria, ...bc.appraisal.options].map((x) => x.id);
    expect(new Set(ids).size).toBe(9);
    expect(bc.appraisal.options.every((o) => o.id.startsWith('opt_'))).toBe(true);
  });

  it('replaces an empty case in a draft, and the workbook still validates', () => {
    const wb = produce(WB, (d) => {
      const draft = d.drafts[AT]!;
      draft.businessCase = emptyBusinessCase();
      startBusinessCase(draft.businessCase, new Date(2026, 5, 1));
    });
    expect(wb.drafts[AT]!.businessCase!.appraisal.options).toHaveLength(4);
    expectValid(wb);
  });
});

describe('amounts by year', () => {
  it('pads earlier years with nothing and trims trailing nothing', () => {
    const amounts: number[] = [];
    expect(setYearAmount(amounts, 2, 500)).toBe(true);
    expect(amounts).toEqual([0, 0, 500]);
    expect(setYearAmount(amounts, 2, 0)).toBe(true);
    expect(amounts).toEqual([]);
  });

  it('refuses a negative amount, a year outside year 0 to 30, and what is not a number', () => {
    const amounts = [5];
    expect(setYearAmount(amounts, 0, -1)).toBe(false);
    expect(setYearAmount(amounts, 31, 1)).toBe(false);
    expect(setYearAmount(amounts, -1, 1)).toBe(false);
    expect(setYearAmount(amounts, 0, Number.NaN)).toBe(false);
    expect(amounts).toEqual([5]);
  });

  it('sets a cost, a benefit and a funding amount on the named line only', () => {
    const { wb, bc } = edit((b) => {
      setCostAmount(b, PREFERRED, COORDINATOR, 1, 30_000);
      setBenefitAmount(b, PREFERRED, 'cln_g4rv7sey9c4u', 0, 1_500);
      setFundingAmount(b, 'cln_j7uy2vh3b7x3', 2, 85_000);
    });
    const preferred = bc.appraisal.options[0]!;
    expect(preferred.costs.map((c) => c.amounts)).toEqual([[4000], [12000, 30000, 12000]]);
    expect(preferred.benefits[0]!.amounts).toEqual([1500, 6000, 6000]);
    expect(bc.financial.funding.map((f) => f.amounts)).toEqual([
      [12000, 12000, 12000],
      [4000, 0, 85000],
    ]);
    expectValid(wb);
  });

  it('says when the line is not in that option, and changes nothing', () => {
    const { wb, result } = edit((b) => setCostAmount(b, LONG_LIST, COORDINATOR, 0, 1));
    expect(result).toBe(false);
    expect(wb).toBe(WB);
  });
});

describe('the options appraisal', () => {
  it('sets the period, rate and price base', () => {
    const { bc } = edit((b) => setAppraisalSettings(b, { years: 10, discountRate: 0.03 }));
    expect(bc.appraisal).toMatchObject({ firstYear: 2026, years: 10, discountRate: 0.03, priceBase: '2026/27 prices' });
  });

  it('adds a criterion at the end, renames it, and removing one removes every score against it', () => {
    const added = edit((b) => {
      addCriterion(b, { id: 'csf_new', kind: 'spending-objective', label: 'Reach carers' });
      updateCriterion(b, 'csf_new', { label: 'Reach young carers' });
      setScore(b, PREFERRED, 'csf_new', 1);
    });
    expect(added.bc.appraisal.criteria.map((c) => c.label)).toEqual(['Reach 500 lonely residents a year', 'Potential affordability', 'Reach young carers']);
    expectValid(added.wb);

    const { wb, bc, result } = edit((b) => removeCriterion(b, CRITERION));
    expect(result).toBe(true);
    expect(bc.appraisal.criteria.map((c) => c.id)).toEqual(['csf_c8mr3nau5yxq']);
    expect(bc.appraisal.options[0]!.scores).toEqual([{ criterionId: 'csf_c8mr3nau5yxq', score: 2, note: '' }]);
    expectValid(wb);
  });

  it('keeps one preferred option: choosing another moves the old one to the alternatives', () => {
    const { wb, bc } = edit((b) => setOptionRole(b, LONG_LIST, 'preferred'));
    expect(bc.appraisal.options.map((o) => o.role)).toEqual(['alternative', 'preferred']);
    expectValid(wb);
    const added = edit((b) => addOption(b, newOption('Mobile café', 'preferred')));
    expect(added.bc.appraisal.options.map((o) => [o.name, o.role])).toEqual([
      ['Keep the cafés running', 'alternative'],
      ['Close the cafés', null],
      ['Mobile café', 'preferred'],
    ]);
    expectValid(added.wb);
    expect(edit((b) => setOptionRole(b, PREFERRED, null)).bc.appraisal.options[0]!.role).toBeNull();
  });

  it('adds a long-list option at the end and changes only its named fields', () => {
    const option = newOption('Option 3');
    const { wb, bc } = edit((b) => {
      addOption(b, option);
      updateOption(b, option.id, { verdict: 'discounted', reason: 'Too costly.' });
    });
    expect(bc.appraisal.options.at(-1)).toEqual({ ...option, verdict: 'discounted', reason: 'Too costly.' });
    expect(bc.appraisal.options[0]).toBe(CASE.appraisal.options[0]);
    expectValid(wb);
  });

  it('removes an option with its cost lines, benefits and scores, leaving the others as they were', () => {
    const { wb, bc, result } = edit((b) => removeOption(b, PREFERRED));
    expect(result).toBe(true);
    expect(bc.appraisal.options).toEqual([CASE.appraisal.options[1]]);
    expect(bc.appraisal.criteria).toBe(CASE.appraisal.criteria);
    expectValid(wb);
    expect(edit((b) => removeOption(b, 'opt_missing')).wb).toBe(WB);
  });

  it('adds, changes and removes choices by their place in the list', () => {
    const { bc } = edit((b) => {
      addChoice(b, PREFERRED, { dimension: 'delivery', choice: 'Volunteers' });
      updateChoice(b, PREFERRED, 0, { choice: 'Eight libraries' });
      removeChoice(b, PREFERRED, 1);
    });
    expect(bc.appraisal.options[0]!.choices).toEqual([{ dimension: 'scope', choice: 'Eight libraries' }]);
    const missing = edit((b) => [removeChoice(b, PREFERRED, 5), updateChoice(b, PREFERRED, 5, { choice: 'x' })]);
    expect(missing.result).toEqual([false, false]);
    expect(missing.wb).toBe(WB);
  });

  it('adds, renames and removes cost and benefit lines of the named option', () => {
    const { wb, bc } = edit((b) => {
      addCostLine(b, LONG_LIST, { id: 'cln_new', label: 'New cost', kind: 'revenue', amounts: [] });
      updateCostLine(b, LONG_LIST, 'cln_new', { label: 'Redundancy', kind: 'capital' });
      removeCostLine(b, PREFERRED, 'cln_e2pt5qcw7a2s');
      addBenefitLine(b, LONG_LIST, { id: 'cln_ben', label: 'New benefit', kind: 'non-cash-releasing', amounts: [], basis: '' });
      updateBenefitLine(b, LONG_LIST, 'cln_ben', { basis: 'Saved rent' });
      removeBenefitLine(b, PREFERRED, 'cln_g4rv7sey9c4u');
    });
    const [preferred, longList] = bc.appraisal.options;
    expect(preferred!.costs.map((c) => c.label)).toEqual(['Coordinator']);
    expect(preferred!.benefits).toEqual([]);
    expect(longList!.costs).toEqual([{ id: 'cln_new', label: 'Redundancy', kind: 'capital', amounts: [] }]);
    expect(longList!.benefits[0]).toMatchObject({ id: 'cln_ben', basis: 'Saved rent' });
    expectValid(wb);
  });

  it('a line added with an id already in the case is caught by the integrity check', () => {
    const { wb } = edit((b) => addCostLine(b, LONG_LIST, { id: COORDINATOR, label: 'Copy', kind: 'revenue', amounts: [] }));
    expect(validateWorkbook(wb).ok).toBe(false);
  });

  it('sets optimism bias within 0 to 1,000% and refuses more', () => {
    expect(edit((b) => setOptimismBias(b, PREFERRED, { percent: 41, basis: 'Outsourcing' })).bc.appraisal.options[0]!.optimismBias).toEqual({ percent: 41, basis: 'Outsourcing' });
    const refused = edit((b) => setOptimismBias(b, PREFERRED, { percent: 1_001 }));
    expect(refused.result).toBe(false);
    expect(refused.wb).toBe(WB);
  });

  it('scores, rescores keeping the note, and clears a score; refuses a criterion not in the case or a score above 3', () => {
    const rescored = edit((b) => setScore(b, PREFERRED, CRITERION, 1)).bc.appraisal.options[0]!.scores;
    expect(rescored[0]).toEqual({ criterionId: CRITERION, score: 1, note: 'All six libraries' });
    const scored = edit((b) => setScore(b, LONG_LIST, CRITERION, 0));
    expect(scored.bc.appraisal.options[1]!.scores).toEqual([{ criterionId: CRITERION, score: 0, note: '' }]);
    expectValid(scored.wb);
    expect(edit((b) => setScore(b, PREFERRED, CRITERION, null)).bc.appraisal.options[0]!.scores.map((s) => s.criterionId)).toEqual(['csf_c8mr3nau5yxq']);
    const refused = edit((b) => [setScore(b, PREFERRED, 'csf_missing', 2), setScore(b, PREFERRED, CRITERION, 4)]);
    expect(refused.result).toEqual([false, false]);
    expect(refused.wb).toBe(WB);
  });
});

describe('the financial, commercial and management cases', () => {
  it('adds, changes and removes funding sources, and describes the MTFS effect', () => {
    const { wb, bc } = edit((b) => {
      addFundingSource(b, { id: 'cln_fund', label: 'New funding source', kind: 'council-budget', kindOf: 'revenue', amounts: [], confirmed: false });
      updateFundingSource(b, 'cln_fund', { label: 'Public health grant', kind: 'grant', confirmed: true });
      removeFundingSource(b, 'cln_i6tx9ug2a6w2');
      updateFinancial(b, { mtfsEffect: 'A gap of £4,000 in 2027/28.' });
    });
    expect(bc.financial.funding.map((f) => [f.label, f.kind, f.confirmed])).toEqual([
      ['Arts grant', 'grant', false],
      ['Public health grant', 'grant', true],
    ]);
    expect(bc.financial.mtfsEffect).toBe('A gap of £4,000 in 2027/28.');
    expect(bc.financial.accountingTreatment).toBe(CASE.financial.accountingTreatment);
    expectValid(wb);
  });

  it('changes the deal and allocates risks', () => {
    const { wb, bc } = edit((b) => {
      updateCommercial(b, { deliveryModel: 'partner', term: 'Two years' });
      addRiskAllocation(b, { id: 'bcr_alloc', risk: 'Supply', holder: 'shared', note: '' });
      updateRiskAllocation(b, 'bcr_k8vz3wi4c8y4', { holder: 'partner-or-supplier' });
      removeRiskAllocation(b, 'bcr_missing');
    });
    expect(bc.commercial).toMatchObject({ deliveryModel: 'partner', term: 'Two years', procurementRoute: 'None needed.' });
    expect(bc.commercial.riskAllocation.map((r) => [r.risk, r.holder])).toEqual([
      ['Demand', 'partner-or-supplier'],
      ['Supply', 'shared'],
    ]);
    expectValid(wb);
  });

  it('dates, names and removes milestones and assurance reviews in their own lists', () => {
    const { wb, bc } = edit((b) => {
      updateDatedRow(b, 'milestones', 'bcr_n3yb5yk6e2a6', { date: '2027-03-31', owner: 'Lead officer' });
      removeDatedRow(b, 'milestones', 'bcr_m2xa4xj5d9z5');
      addDatedRow(b, 'assurance', { id: 'bcr_gate', label: 'Gateway 3', date: null, owner: '' });
    });
    expect(bc.management.milestones).toEqual([{ id: 'bcr_n3yb5yk6e2a6', label: 'Review', date: '2027-03-31', owner: 'Lead officer' }]);
    expect(bc.management.assurance.map((a) => a.id)).toContain('bcr_gate');
    expectValid(wb);
    // A milestone's id is not found in the assurance list.
    expect(edit((b) => updateDatedRow(b, 'assurance', 'bcr_n3yb5yk6e2a6', { owner: 'x' })).result).toBe(false);
  });

  it('plans benefits, registers risks and names the board', () => {
    const { wb, bc } = edit((b) => {
      updatePlannedBenefit(b, 'bcr_p4zc6zm7f3b7', { kpiId: null, baseline: '40%' });
      addPlannedBenefit(b, { id: 'bcr_ben', benefit: 'New benefit', measure: '', kpiId: null, baseline: '', target: '', owner: '', date: null });
      removePlannedBenefit(b, 'bcr_q5ad7an8g4c8');
      addRisk(b, { id: 'bcr_risk', risk: 'New risk', cause: '', effect: '', likelihood: 3, impact: 3, owner: '', mitigation: '', residualLikelihood: null, residualImpact: null });
      updateRisk(b, 'bcr_risk', { likelihood: 5, residualImpact: 2 });
      updateManagement(b, { sponsor: 'Director of Communities' });
    });
    expect(bc.management.benefits.map((x) => [x.id, x.kpiId, x.baseline])).toEqual([
      ['bcr_p4zc6zm7f3b7', null, '40%'],
      ['bcr_ben', null, ''],
    ]);
    expect(bc.management.risks.at(-1)).toMatchObject({ risk: 'New risk', likelihood: 5, impact: 3, residualImpact: 2 });
    expect(bc.management.sponsor).toBe('Director of Communities');
    expect(bc.management.board).toBe('Libraries board');
    expectValid(wb);
    const removed = edit((b) => removeRisk(b, CASE.management.risks[0]!.id));
    expect(removed.bc.management.risks).toEqual(CASE.management.risks.slice(1));
  });
});
