/**
 * The business case a committee report asks a decision on. The report's draft names it (basedOnDraftId) and
 * prints its options, money and risks, so the report and the business case cannot disagree. A report is not
 * final until that business case has a preferred option and at least one alternative rejected with its reason:
 * a record of an executive decision must give the alternative options considered and rejected (BUSINESS-CASES.md
 * §3.1).
 */
import type { BusinessCaseData } from '../model/business-case-schema';
import type { Draft, Workbook } from '../model/workbook-schema';
import type { BindOptions, DocumentMode } from './bind';

export interface DecisionBasis {
  readonly draftId: string;
  readonly title: string;
  readonly templateId: string;
  /** When the business case was last changed (ISO), for the background papers list. */
  readonly modified: string;
  readonly businessCase: BusinessCaseData | null;
}

/** The draft a report is based on, when it names one that is in the workbook. */
export function decisionBasis(workbook: Workbook, draft: Pick<Draft, 'id' | 'basedOnDraftId'>): DecisionBasis | null {
  if (draft.basedOnDraftId === null) return null;
  const d = workbook.drafts.find((x) => x.id === draft.basedOnDraftId && x.id !== draft.id);
  return d ? { draftId: d.id, title: d.title, templateId: d.templateId, modified: d.modified, businessCase: d.businessCase } : null;
}

/**
 * The drafts a report can be based on: those written with a business-case template, and any other that holds
 * business case data. Newest first.
 */
export function businessCaseDrafts(workbook: Workbook, isBusinessCaseTemplate: (templateId: string) => boolean, except: string | null = null): Draft[] {
  return workbook.drafts
    .filter((d) => d.id !== except && (isBusinessCaseTemplate(d.templateId) || d.businessCase !== null))
    .sort((a, b) => b.modified.localeCompare(a.modified));
}

/** What stops a report based on `basis` being final, in plain words; empty when nothing does. */
export function decisionBasisProblems(basis: DecisionBasis | null, named: boolean): string[] {
  if (basis === null)
    return [
      named
        ? 'The business case this report is based on is no longer in the workbook: choose the business case it asks a decision on.'
        : 'No business case is chosen: choose the business case this report asks a decision on.',
    ];
  const options = basis.businessCase?.appraisal.options.filter((o) => o.role !== null) ?? [];
  if (options.length === 0) return [`The business case “${basis.title}” has no short-listed options yet: enter its options appraisal first.`];
  const problems: string[] = [];
  if (!options.some((o) => o.role === 'preferred'))
    problems.push(`The business case “${basis.title}” has no preferred option: mark the option the report recommends as the preferred way forward.`);
  const rejected = options.filter((o) => o.role !== 'preferred');
  if (rejected.length === 0)
    problems.push(`The business case “${basis.title}” has no alternative option: a decision must record at least one option considered and rejected.`);
  for (const o of rejected)
    if (o.reason.trim() === '') problems.push(`The option “${o.name}” in the business case “${basis.title}” gives no reason it was not preferred.`);
  return problems;
}

/** How a draft binds: its marking, partner, scope and business case (its own, or the one it is based on). */
export function bindOptionsForDraft(workbook: Workbook, draft: Draft, generatedAt: Date, mode: DocumentMode): BindOptions {
  return {
    protectiveMarking: draft.protectiveMarking,
    generatedAt,
    partnerId: draft.partnerId,
    scope: draft.scope,
    mode,
    businessCase: draft.businessCase,
    basedOn: decisionBasis(workbook, draft),
    basedOnNamed: draft.basedOnDraftId !== null,
  };
}
