/**
 * The business case forms' undoable changes: each names an edit from shared/model/business-case-edits.ts and
 * labels it for undo. They reach the workbook store through the Documents step's draft edit (CaseEdit), which
 * finds the draft, adds it on its first change and gives it an empty case if it has none, all in the same step.
 * Changes to one field of one row carry a coalescing key, so typing in a box is one undo step.
 */
import type { Draft as Mutable } from 'immer';
import * as edits from '../../../../../shared/model/business-case-edits';
import type { BusinessCaseData, Milestone } from '../../../../../shared/model/business-case-schema';
import { newId } from '../../../../../shared/model/ids';

/** Applies a change to the draft's business case as one undoable workbook edit. */
export type CaseEdit = (label: string, recipe: (bc: Mutable<BusinessCaseData>) => void, coalesceKey?: string) => void;

/**
 * One key per row and set of fields, for text and numbers as they are typed: a second change to the same field
 * merges into the first, another field does not. A tick box or a cleared choice is a step of its own.
 */
const keyOf = (id: string, fields: object) =>
  Object.values(fields).every((v) => typeof v === 'string' || typeof v === 'number') ? `case:${id}:${Object.keys(fields).sort().join('+')}` : undefined;

export function caseCommands(edit: CaseEdit) {
  const run = (label: string, change: (bc: BusinessCaseData) => unknown, key?: string) => edit(label, (bc) => void change(bc), key);
  return {
    start: () => run('Start the options appraisal', (bc) => edits.startBusinessCase(bc, new Date())),

    setAppraisal: (label: string, fields: edits.AppraisalSettings) => run(label, (bc) => edits.setAppraisalSettings(bc, fields), keyOf('appraisal', fields)),

    addCriterion: () => run('Add a criterion', (bc) => edits.addCriterion(bc, { id: newId('criterion'), kind: 'csf', label: 'New critical success factor' })),
    changeCriterion: (id: string, label: string, fields: edits.CriterionFields) => run(label, (bc) => edits.updateCriterion(bc, id, fields), keyOf(id, fields)),
    removeCriterion: (id: string) => run('Remove a criterion', (bc) => edits.removeCriterion(bc, id)),

    addOption: (name: string) => run('Add an option', (bc) => edits.addOption(bc, edits.newOption(name))),
    changeOption: (id: string, label: string, fields: edits.OptionFields) => run(label, (bc) => edits.updateOption(bc, id, fields), keyOf(id, fields)),
    placeOption: (id: string, role: edits.OptionRole | null) => run('Change an option’s place in the appraisal', (bc) => edits.setOptionRole(bc, id, role)),
    removeOption: (id: string, name: string) => run(`Remove the option “${name}”`, (bc) => edits.removeOption(bc, id)),

    addChoice: (optionId: string) => run('Add a choice', (bc) => edits.addChoice(bc, optionId, { dimension: 'scope', choice: 'New choice' })),
    changeChoice: (optionId: string, index: number, label: string, fields: Partial<edits.OptionChoice>) =>
      run(label, (bc) => edits.updateChoice(bc, optionId, index, fields), keyOf(`${optionId}:${index}`, fields)),
    removeChoice: (optionId: string, index: number) => run('Remove a choice', (bc) => edits.removeChoice(bc, optionId, index)),

    addCostLine: (optionId: string) => run('Add a cost line', (bc) => edits.addCostLine(bc, optionId, { id: newId('caseLine'), label: 'New cost', kind: 'revenue', amounts: [] })),
    changeCostLine: (optionId: string, lineId: string, label: string, fields: edits.CostLineFields) =>
      run(label, (bc) => edits.updateCostLine(bc, optionId, lineId, fields), keyOf(lineId, fields)),
    enterCost: (optionId: string, lineId: string, year: number, value: number) =>
      run('Enter a cost', (bc) => edits.setCostAmount(bc, optionId, lineId, year, value), `case:amount:${lineId}:${year}`),
    removeCostLine: (optionId: string, lineId: string) => run('Remove a cost line', (bc) => edits.removeCostLine(bc, optionId, lineId)),

    addBenefitLine: (optionId: string) =>
      run('Add a benefit', (bc) => edits.addBenefitLine(bc, optionId, { id: newId('caseLine'), label: 'New benefit', kind: 'non-cash-releasing', amounts: [], basis: '' })),
    changeBenefitLine: (optionId: string, lineId: string, label: string, fields: edits.BenefitLineFields) =>
      run(label, (bc) => edits.updateBenefitLine(bc, optionId, lineId, fields), keyOf(lineId, fields)),
    enterBenefit: (optionId: string, lineId: string, year: number, value: number) =>
      run('Enter a benefit', (bc) => edits.setBenefitAmount(bc, optionId, lineId, year, value), `case:amount:${lineId}:${year}`),
    removeBenefitLine: (optionId: string, lineId: string) => run('Remove a benefit', (bc) => edits.removeBenefitLine(bc, optionId, lineId)),

    setOptimismBias: (optionId: string, label: string, fields: { percent?: number; basis?: string }) =>
      run(label, (bc) => edits.setOptimismBias(bc, optionId, fields), keyOf(`${optionId}:ob`, fields)),
    score: (optionId: string, criterionId: string, score: number | null) => run('Score an option', (bc) => edits.setScore(bc, optionId, criterionId, score)),

    addFunding: () =>
      run('Add a funding source', (bc) =>
        edits.addFundingSource(bc, { id: newId('caseLine'), label: 'New funding source', kind: 'council-budget', kindOf: 'revenue', amounts: [], confirmed: false }),
      ),
    changeFunding: (id: string, label: string, fields: edits.FundingFields) => run(label, (bc) => edits.updateFundingSource(bc, id, fields), keyOf(id, fields)),
    enterFunding: (id: string, year: number, value: number) => run('Enter funding', (bc) => edits.setFundingAmount(bc, id, year, value), `case:amount:${id}:${year}`),
    removeFunding: (id: string) => run('Remove a funding source', (bc) => edits.removeFundingSource(bc, id)),
    describeFinance: (label: string, fields: edits.FinancialFields) => run(label, (bc) => edits.updateFinancial(bc, fields), keyOf('financial', fields)),

    describeDeal: (label: string, fields: edits.CommercialFields) => run(label, (bc) => edits.updateCommercial(bc, fields), keyOf('commercial', fields)),
    addAllocation: () => run('Add a risk to allocate', (bc) => edits.addRiskAllocation(bc, { id: newId('caseRow'), risk: 'New risk', holder: 'council', note: '' })),
    changeAllocation: (id: string, label: string, fields: edits.RiskAllocationFields) => run(label, (bc) => edits.updateRiskAllocation(bc, id, fields), keyOf(id, fields)),
    removeAllocation: (id: string) => run('Remove an allocated risk', (bc) => edits.removeRiskAllocation(bc, id)),

    describeManagement: (label: string, fields: edits.ManagementFields) => run(label, (bc) => edits.updateManagement(bc, fields), keyOf('management', fields)),
    /** `what` names the row in the undo label: "Milestone" or "Review". */
    addDated: (list: edits.DatedList, what: string) => {
      const row: Milestone = { id: newId('caseRow'), label: `New ${what.toLowerCase()}`, date: null, owner: '' };
      run(`Add a ${what.toLowerCase()}`, (bc) => edits.addDatedRow(bc, list, row));
    },
    changeDated: (list: edits.DatedList, id: string, label: string, fields: edits.MilestoneFields) =>
      run(label, (bc) => edits.updateDatedRow(bc, list, id, fields), keyOf(id, fields)),
    removeDated: (list: edits.DatedList, id: string, what: string) => run(`Remove a ${what.toLowerCase()}`, (bc) => edits.removeDatedRow(bc, list, id)),

    addPlannedBenefit: () =>
      run('Add a benefit', (bc) =>
        edits.addPlannedBenefit(bc, { id: newId('caseRow'), benefit: 'New benefit', measure: '', kpiId: null, baseline: '', target: '', owner: '', date: null }),
      ),
    changePlannedBenefit: (id: string, label: string, fields: edits.PlannedBenefitFields) => run(label, (bc) => edits.updatePlannedBenefit(bc, id, fields), keyOf(id, fields)),
    removePlannedBenefit: (id: string) => run('Remove a benefit', (bc) => edits.removePlannedBenefit(bc, id)),

    addRisk: () =>
      run('Add a risk', (bc) =>
        edits.addRisk(bc, {
          id: newId('caseRow'),
          risk: 'New risk',
          cause: '',
          effect: '',
          likelihood: 3,
          impact: 3,
          owner: '',
          mitigation: '',
          residualLikelihood: null,
          residualImpact: null,
        }),
      ),
    changeRisk: (id: string, label: string, fields: edits.RiskFields) => run(label, (bc) => edits.updateRisk(bc, id, fields), keyOf(id, fields)),
    removeRisk: (id: string) => run('Remove a risk', (bc) => edits.removeRisk(bc, id)),
  };
}

export type CaseCommands = ReturnType<typeof caseCommands>;
