/**
 * A draft's scope as the Documents step edits it: the default for a template, and the changes the scope editor
 * makes inside an undoable edit. Pure functions over the draft.
 */
import type { Draft as Mutable } from 'immer';
import { scopeServiceIds } from '../../../../shared/documents/facts/scope';
import type { DraftScope, Workbook } from '../../../../shared/model/workbook-schema';

/**
 * Puts services in or out of scope, in the workbook's order. A draft that covered the whole service (made before
 * drafts had a scope) becomes an explicit list first, so taking one service out leaves the others in.
 */
export function setServicesInScope(
  scope: Mutable<DraftScope>,
  workbook: Pick<Workbook, 'services'>,
  ids: readonly string[],
  inScope: boolean,
): void {
  const chosen = new Set(scopeServiceIds(workbook, scope));
  for (const id of ids) {
    if (inScope) chosen.add(id);
    else chosen.delete(id);
  }
  scope.wholeService = false;
  scope.serviceIds = workbook.services.filter((s) => chosen.has(s.id)).map((s) => s.id);
}

export function setObjectivesInScope(
  scope: Mutable<DraftScope>,
  workbook: Pick<Workbook, 'objectives'>,
  ids: readonly string[],
  inScope: boolean,
): void {
  const chosen = new Set(scope.objectiveIds);
  for (const id of ids) {
    if (inScope) chosen.add(id);
    else chosen.delete(id);
  }
  scope.objectiveIds = workbook.objectives.filter((o) => chosen.has(o.id)).map((o) => o.id);
}
