/**
 * The Documents step's undoable changes: each names a draft edit from shared/model (or the step's pure helpers) and
 * labels it for undo. A draft the workbook does not hold yet (a template just chosen) joins it with its first change.
 */
import type { Draft as Mutable } from 'immer';
import type { TemplateQuestion } from '../../../../shared/ipc/documents-contract';
import { emptyBusinessCase, type BusinessCaseData } from '../../../../shared/model/business-case-schema';
import {
  baseDraftOn,
  changeDraft,
  setDraftAmount,
  setDraftMarking,
  setDraftPartner,
  setDraftPeriod,
  setDraftTitle,
} from '../../../../shared/model/draft-edits';
import { removeDraft } from '../../../../shared/model/operations';
import type { Period } from '../../../../shared/model/periods';
import type { ProtectiveMarking } from '../../../../shared/model/vocabulary';
import type { Draft, Workbook } from '../../../../shared/model/workbook-schema';
import { editWorkbook as edit } from '../../state/workbook-store';
import { MARKING_LABELS, setAnswer } from './answers';
import { setObjectivesInScope, setServicesInScope } from './scope';

/** One undoable change to the draft; typing in one field of one draft merges into one step. */
function inDraft(draft: Draft, label: string, change: (d: Draft, wb: Workbook) => void, coalesceKey?: string): void {
  edit(label, (wb) => changeDraft(wb, draft, (d) => change(d, wb)), coalesceKey ? { coalesceKey } : undefined);
}

/** The workbook as the main process should see it for this draft: with the draft added when it does not hold it yet. */
export function workbookWithDraft(wb: Workbook, draft: Draft): Workbook {
  return wb.drafts.some((d) => d.id === draft.id) ? wb : { ...wb, drafts: [...wb.drafts, draft] };
}

export const answerQuestion = (draft: Draft, q: Pick<TemplateQuestion, 'id' | 'label'>, value: string) =>
  inDraft(draft, `Answer “${q.label}”`, (d) => setAnswer(d, q.id, value), `answer:${draft.id}:${q.id}`);

export const renameDraft = (draft: Draft, title: string) =>
  inDraft(draft, 'Rename the draft', (d) => setDraftTitle(d, title), `draft-title:${draft.id}`);

export const markDraft = (draft: Draft, marking: ProtectiveMarking) =>
  inDraft(draft, `Mark the document ${MARKING_LABELS[marking]}`, (d) => setDraftMarking(d, marking));

export const addressDraftTo = (draft: Draft, partner: { name: string; id: string } | null) =>
  inDraft(draft, partner ? `Address the proposal to ${partner.name}` : 'Clear the partner', (d) => setDraftPartner(d, partner?.id ?? null));

export const baseReportOn = (draft: Draft, basis: Draft | null) =>
  inDraft(draft, basis ? `Base the report on “${basis.title}”` : 'Clear the business case', (d) => baseDraftOn(d, basis));

/** The label names the one item moved, or says what was done to several ("Choose every service shown"). */
const scopeLabel = (ids: readonly string[], inScope: boolean, label: string) =>
  ids.length === 1 ? `${inScope ? 'Put' : 'Take'} “${label}” ${inScope ? 'in' : 'out of'} scope` : label;

export const putServicesInScope = (draft: Draft, ids: readonly string[], inScope: boolean, label: string) =>
  inDraft(draft, scopeLabel(ids, inScope, label), (d, wb) => setServicesInScope(d.scope, wb, ids, inScope));

export const putObjectivesInScope = (draft: Draft, ids: readonly string[], inScope: boolean, label: string) =>
  inDraft(draft, scopeLabel(ids, inScope, label), (d, wb) => setObjectivesInScope(d.scope, wb, ids, inScope));

export const setAmountAsked = (draft: Draft, amount: number | null) =>
  inDraft(draft, 'Change the sum asked for', (d) => setDraftAmount(d, amount), `scope-amount:${draft.id}`);

export const setAmountPeriod = (draft: Draft, period: Period) =>
  inDraft(draft, 'Change the period of the sum', (d) => setDraftPeriod(d, period), `scope-period:${draft.id}`);

/** A change to the business case's options, costs and delivery; the first one starts them. */
export const editBusinessCase = (draft: Draft, label: string, recipe: (bc: Mutable<BusinessCaseData>) => void, key?: string) =>
  inDraft(
    draft,
    label,
    (d) => {
      d.businessCase ??= emptyBusinessCase();
      recipe(d.businessCase);
    },
    key && `${key}:${draft.id}`,
  );

export const discardStoredDraft = (draft: Draft) => edit(`Discard the draft “${draft.title}”`, (wb) => removeDraft(wb, draft.id));
