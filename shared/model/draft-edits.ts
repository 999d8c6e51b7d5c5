/**
 * A document draft's named edits, as the Documents step makes them. A draft for a template the officer has chosen
 * but not yet changed is not in the workbook: the first edit adds it, so that choosing and first change undo as
 * one step. Each function mutates the workbook or draft it is given (callers pass an immer draft).
 */
import type { Period } from './periods';
import type { ProtectiveMarking } from './vocabulary';
import type { Draft, Workbook } from './workbook-schema';

/**
 * Applies a change to the workbook's draft with this draft's id, adding the draft first (as a copy of the one
 * given) when the workbook does not hold it yet, and stamps it modified.
 */
export function changeDraft(wb: Workbook, draft: Draft, change: (d: Draft) => void, now = new Date()): void {
  let target = wb.drafts.find((d) => d.id === draft.id);
  if (!target) {
    // A copy: the caller's object stays as it was (immer does not draft objects added to it).
    wb.drafts.push(structuredClone(draft));
    target = wb.drafts.at(-1)!;
  }
  change(target);
  target.modified = now.toISOString();
}

export function setDraftTitle(d: Draft, title: string): void {
  d.title = title;
}

export function setDraftMarking(d: Draft, marking: ProtectiveMarking): void {
  d.protectiveMarking = marking;
}

export function setDraftPartner(d: Draft, partnerId: string | null): void {
  d.partnerId = partnerId;
}

export function setDraftAmount(d: Draft, amount: number | null): void {
  d.scope.amount = amount;
}

export function setDraftPeriod(d: Draft, period: Period): void {
  d.scope.period = period;
}

/**
 * Bases a report on a business-case draft (or on none). A report with nothing in scope yet takes the business
 * case's services and objectives with it, so the two papers are about the same proposal.
 */
export function baseDraftOn(d: Draft, basis: Draft | null): void {
  d.basedOnDraftId = basis?.id ?? null;
  if (basis && !d.scope.wholeService && d.scope.serviceIds.length === 0) {
    d.scope.serviceIds = [...basis.scope.serviceIds];
    d.scope.objectiveIds = [...basis.scope.objectiveIds];
  }
}
