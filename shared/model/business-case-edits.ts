/**
 * Named edits to a draft's business case: the options appraisal (settings, criteria, options with their
 * choices, cost and benefit lines, optimism bias and scores), the financial, commercial and management cases.
 * Like entity-edits.ts, each mutates the case it is given (an immer draft in the renderer) and returns whether
 * it found what it was asked to change. They keep the case whole as business-case-integrity.ts checks it: ids
 * stay unique because rows arrive with new ids, removing a criterion removes the scores against it, and only
 * one option is ever the preferred way forward.
 */
import {
  emptyBusinessCase,
  MAX_APPRAISAL_YEARS,
  type Appraisal,
  type AppraisalOption,
  type BenefitLine,
  type BusinessCaseData,
  type CommercialCase,
  type CostLine,
  type Criterion,
  type FinancialCase,
  type FundingSource,
  type ManagementCase,
  type Milestone,
  type OPTION_ROLES,
  type PlannedBenefit,
  type RiskEntry,
} from './business-case-schema';
import { newId } from './ids';

export type OptionRole = (typeof OPTION_ROLES)[number];
export type OptionChoice = AppraisalOption['choices'][number];
export type RiskAllocation = CommercialCase['riskAllocation'][number];

export type AppraisalSettings = Partial<Pick<Appraisal, 'firstYear' | 'years' | 'discountRate' | 'priceBase'>>;
export type CriterionFields = Partial<Omit<Criterion, 'id'>>;
/** An option's own words and verdict; its place in the appraisal is set by setOptionRole, which keeps one preferred. */
export type OptionFields = Partial<Pick<AppraisalOption, 'name' | 'verdict' | 'description' | 'reason' | 'risks'>>;
export type CostLineFields = Partial<Pick<CostLine, 'label' | 'kind'>>;
export type BenefitLineFields = Partial<Pick<BenefitLine, 'label' | 'kind' | 'basis'>>;
export type FundingFields = Partial<Pick<FundingSource, 'label' | 'kind' | 'kindOf' | 'confirmed'>>;
export type FinancialFields = Partial<Pick<FinancialCase, 'mtfsEffect' | 'accountingTreatment'>>;
export type CommercialFields = Partial<Omit<CommercialCase, 'riskAllocation'>>;
export type RiskAllocationFields = Partial<Omit<RiskAllocation, 'id'>>;
export type ManagementFields = Partial<Pick<ManagementCase, 'board' | 'sponsor' | 'leadOfficer' | 'arrangements' | 'postImplementationReview'>>;
/** The two lists of dated rows in the management case: the milestone plan and the assurance reviews. */
export type DatedList = 'milestones' | 'assurance';
export type MilestoneFields = Partial<Omit<Milestone, 'id'>>;
export type PlannedBenefitFields = Partial<Omit<PlannedBenefit, 'id'>>;
export type RiskFields = Partial<Omit<RiskEntry, 'id'>>;

const STANDARD_CSFS = [
  'Strategic fit and meets business needs',
  'Potential value for money',
  'Supplier capacity and capability',
  'Potential affordability',
  'Potential achievability',
];

/** An option with nothing entered yet; null role keeps it on the long list. */
export function newOption(name: string, role: OptionRole | null = null): AppraisalOption {
  return {
    id: newId('option'),
    name,
    role,
    description: '',
    choices: [],
    verdict: 'possible',
    reason: '',
    costs: [],
    benefits: [],
    optimismBias: { percent: 0, basis: '' },
    scores: [],
    risks: '',
  };
}

/** A new case: the five standard critical success factors, and the four short-list places to fill, from next April. */
export function startingCase(today: Date): BusinessCaseData {
  const first = today.getMonth() >= 3 ? today.getFullYear() + 1 : today.getFullYear();
  const bc = emptyBusinessCase();
  bc.appraisal.firstYear = first;
  bc.appraisal.priceBase = `${first}/${String((first + 1) % 100).padStart(2, '0')} prices`;
  bc.appraisal.criteria = STANDARD_CSFS.map((label) => ({ id: newId('criterion'), kind: 'csf' as const, label }));
  bc.appraisal.options = [
    newOption('Business as usual', 'business-as-usual'),
    newOption('Do minimum', 'do-minimum'),
    newOption('Preferred way forward', 'preferred'),
    newOption('Alternative', 'alternative'),
  ];
  return bc;
}

/** Replaces whatever the case holds with a starting case (see startingCase). */
export function startBusinessCase(bc: BusinessCaseData, today: Date): void {
  Object.assign(bc, startingCase(today));
}

// ---- Lists of rows found by id --------------------------------------------------------------------------------

const byId = <T extends { id: string }>(list: readonly T[], id: string): T | undefined => list.find((x) => x.id === id);

function update<T extends { id: string }>(list: T[] | undefined, id: string, fields: Partial<Omit<T, 'id'>>): boolean {
  const row = list && byId(list, id);
  if (row) Object.assign(row, fields);
  return row !== undefined;
}

function remove<T extends { id: string }>(list: T[] | undefined, id: string): boolean {
  const at = list ? list.findIndex((x) => x.id === id) : -1;
  if (list && at >= 0) list.splice(at, 1);
  return at >= 0;
}

/**
 * Sets one year's amount, padding earlier years with nothing and trimming trailing nothing, so an emptied line
 * stores no amounts. Refuses a year outside the appraisal's span or an amount that is not a sum of money.
 */
export function setYearAmount(amounts: number[], year: number, value: number): boolean {
  if (!Number.isInteger(year) || year < 0 || year >= MAX_APPRAISAL_YEARS || !Number.isFinite(value) || value < 0) return false;
  while (amounts.length <= year) amounts.push(0);
  amounts[year] = value;
  while (amounts.length > 0 && amounts[amounts.length - 1] === 0) amounts.pop();
  return true;
}

// ---- Options appraisal ----------------------------------------------------------------------------------------

export function setAppraisalSettings(bc: BusinessCaseData, fields: AppraisalSettings): void {
  Object.assign(bc.appraisal, fields);
}

export function addCriterion(bc: BusinessCaseData, criterion: Criterion): void {
  bc.appraisal.criteria.push(criterion);
}

export function updateCriterion(bc: BusinessCaseData, criterionId: string, fields: CriterionFields): boolean {
  return update(bc.appraisal.criteria, criterionId, fields);
}

/** Removes a criterion and every option's score against it, so no score refers to nothing. */
export function removeCriterion(bc: BusinessCaseData, criterionId: string): boolean {
  if (!remove(bc.appraisal.criteria, criterionId)) return false;
  for (const o of bc.appraisal.options) o.scores = o.scores.filter((s) => s.criterionId !== criterionId);
  return true;
}

/** Adds an option at the end; a preferred one takes the place of any other (see setOptionRole). */
export function addOption(bc: BusinessCaseData, option: AppraisalOption): void {
  bc.appraisal.options.push(option);
  if (option.role === 'preferred') setOptionRole(bc, option.id, 'preferred');
}

const optionOf = (bc: BusinessCaseData, optionId: string) => byId(bc.appraisal.options, optionId);

export function updateOption(bc: BusinessCaseData, optionId: string, fields: OptionFields): boolean {
  return update(bc.appraisal.options, optionId, fields);
}

/**
 * Places an option in the appraisal, or on the long list only with null. There is one preferred way forward:
 * choosing another moves the old one to the alternatives.
 */
export function setOptionRole(bc: BusinessCaseData, optionId: string, role: OptionRole | null): boolean {
  const option = optionOf(bc, optionId);
  if (!option) return false;
  if (role === 'preferred') for (const o of bc.appraisal.options) if (o !== option && o.role === 'preferred') o.role = 'alternative';
  option.role = role;
  return true;
}

/** Removes an option with everything it holds (its choices, cost and benefit lines, scores). */
export function removeOption(bc: BusinessCaseData, optionId: string): boolean {
  return remove(bc.appraisal.options, optionId);
}

export function addChoice(bc: BusinessCaseData, optionId: string, choice: OptionChoice): boolean {
  const option = optionOf(bc, optionId);
  option?.choices.push(choice);
  return option !== undefined;
}

/** Choices have no id of their own: they are found by their place in the option's list. */
export function updateChoice(bc: BusinessCaseData, optionId: string, index: number, fields: Partial<OptionChoice>): boolean {
  const choice = optionOf(bc, optionId)?.choices[index];
  if (choice) Object.assign(choice, fields);
  return choice !== undefined;
}

export function removeChoice(bc: BusinessCaseData, optionId: string, index: number): boolean {
  const option = optionOf(bc, optionId);
  if (!option || !Number.isInteger(index) || index < 0 || index >= option.choices.length) return false;
  option.choices.splice(index, 1);
  return true;
}

export function addCostLine(bc: BusinessCaseData, optionId: string, line: CostLine): boolean {
  const option = optionOf(bc, optionId);
  option?.costs.push(line);
  return option !== undefined;
}

export function updateCostLine(bc: BusinessCaseData, optionId: string, lineId: string, fields: CostLineFields): boolean {
  return update(optionOf(bc, optionId)?.costs, lineId, fields);
}

export function setCostAmount(bc: BusinessCaseData, optionId: string, lineId: string, year: number, value: number): boolean {
  const line = optionOf(bc, optionId)?.costs.find((c) => c.id === lineId);
  return line !== undefined && setYearAmount(line.amounts, year, value);
}

export function removeCostLine(bc: BusinessCaseData, optionId: string, lineId: string): boolean {
  return remove(optionOf(bc, optionId)?.costs, lineId);
}

export function addBenefitLine(bc: BusinessCaseData, optionId: string, line: BenefitLine): boolean {
  const option = optionOf(bc, optionId);
  option?.benefits.push(line);
  return option !== undefined;
}

export function updateBenefitLine(bc: BusinessCaseData, optionId: string, lineId: string, fields: BenefitLineFields): boolean {
  return update(optionOf(bc, optionId)?.benefits, lineId, fields);
}

export function setBenefitAmount(bc: BusinessCaseData, optionId: string, lineId: string, year: number, value: number): boolean {
  const line = optionOf(bc, optionId)?.benefits.find((b) => b.id === lineId);
  return line !== undefined && setYearAmount(line.amounts, year, value);
}

export function removeBenefitLine(bc: BusinessCaseData, optionId: string, lineId: string): boolean {
  return remove(optionOf(bc, optionId)?.benefits, lineId);
}

/** Sets the optimism bias uplift (a percentage from 0 to 1,000, as the schema allows) or the reason for it. */
export function setOptimismBias(bc: BusinessCaseData, optionId: string, fields: { percent?: number; basis?: string }): boolean {
  const option = optionOf(bc, optionId);
  if (!option) return false;
  if (fields.percent !== undefined && !(Number.isFinite(fields.percent) && fields.percent >= 0 && fields.percent <= 1_000)) return false;
  Object.assign(option.optimismBias, fields);
  return true;
}

/**
 * Scores an option against one of the case's criteria (0 does not meet to 3 fully meets), or clears the score
 * with null. A score keeps its note when it changes; a criterion that is not in the case cannot be scored.
 */
export function setScore(bc: BusinessCaseData, optionId: string, criterionId: string, score: number | null): boolean {
  const option = optionOf(bc, optionId);
  if (!option || !byId(bc.appraisal.criteria, criterionId)) return false;
  if (score !== null && !(Number.isInteger(score) && score >= 0 && score <= 3)) return false;
  const existing = option.scores.find((s) => s.criterionId === criterionId);
  if (score === null) option.scores = option.scores.filter((s) => s.criterionId !== criterionId);
  else if (existing) existing.score = score;
  else option.scores.push({ criterionId, score, note: '' });
  return true;
}

// ---- Financial case -------------------------------------------------------------------------------------------

export function addFundingSource(bc: BusinessCaseData, source: FundingSource): void {
  bc.financial.funding.push(source);
}

export function updateFundingSource(bc: BusinessCaseData, sourceId: string, fields: FundingFields): boolean {
  return update(bc.financial.funding, sourceId, fields);
}

export function setFundingAmount(bc: BusinessCaseData, sourceId: string, year: number, value: number): boolean {
  const source = byId(bc.financial.funding, sourceId);
  return source !== undefined && setYearAmount(source.amounts, year, value);
}

export function removeFundingSource(bc: BusinessCaseData, sourceId: string): boolean {
  return remove(bc.financial.funding, sourceId);
}

export function updateFinancial(bc: BusinessCaseData, fields: FinancialFields): void {
  Object.assign(bc.financial, fields);
}

// ---- Commercial case ------------------------------------------------------------------------------------------

export function updateCommercial(bc: BusinessCaseData, fields: CommercialFields): void {
  Object.assign(bc.commercial, fields);
}

export function addRiskAllocation(bc: BusinessCaseData, row: RiskAllocation): void {
  bc.commercial.riskAllocation.push(row);
}

export function updateRiskAllocation(bc: BusinessCaseData, rowId: string, fields: RiskAllocationFields): boolean {
  return update(bc.commercial.riskAllocation, rowId, fields);
}

export function removeRiskAllocation(bc: BusinessCaseData, rowId: string): boolean {
  return remove(bc.commercial.riskAllocation, rowId);
}

// ---- Management case ------------------------------------------------------------------------------------------

export function updateManagement(bc: BusinessCaseData, fields: ManagementFields): void {
  Object.assign(bc.management, fields);
}

export function addDatedRow(bc: BusinessCaseData, list: DatedList, row: Milestone): void {
  bc.management[list].push(row);
}

export function updateDatedRow(bc: BusinessCaseData, list: DatedList, rowId: string, fields: MilestoneFields): boolean {
  return update(bc.management[list], rowId, fields);
}

export function removeDatedRow(bc: BusinessCaseData, list: DatedList, rowId: string): boolean {
  return remove(bc.management[list], rowId);
}

export function addPlannedBenefit(bc: BusinessCaseData, benefit: PlannedBenefit): void {
  bc.management.benefits.push(benefit);
}

export function updatePlannedBenefit(bc: BusinessCaseData, benefitId: string, fields: PlannedBenefitFields): boolean {
  return update(bc.management.benefits, benefitId, fields);
}

export function removePlannedBenefit(bc: BusinessCaseData, benefitId: string): boolean {
  return remove(bc.management.benefits, benefitId);
}

export function addRisk(bc: BusinessCaseData, risk: RiskEntry): void {
  bc.management.risks.push(risk);
}

export function updateRisk(bc: BusinessCaseData, riskId: string, fields: RiskFields): boolean {
  return update(bc.management.risks, riskId, fields);
}

export function removeRisk(bc: BusinessCaseData, riskId: string): boolean {
  return remove(bc.management.risks, riskId);
}
