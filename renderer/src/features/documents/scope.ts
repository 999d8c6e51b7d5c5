/**
 * A draft's scope as the Documents step edits it: the default for a template, and the changes the scope editor
 * makes inside an undoable edit. Pure functions over the draft.
 */
import type { Draft as Mutable } from 'immer';
import type { DraftScope, Workbook } from '../../../../shared/model/workbook-schema';

/** The services the draft lists as in scope (all of them for a draft that covers the whole service). */
export function selectedServiceIds(scope: DraftScope, workbook: Pick<Workbook, 'services'>): string[] {
  if (scope.wholeService) return workbook.services.map((s) => s.id);
  const chosen = new Set(scope.serviceIds);
  return workbook.services.filter((s) => chosen.has(s.id)).map((s) => s.id);
}

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
  const chosen = new Set(selectedServiceIds(scope, workbook));
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

/** Case- and accent-insensitive match of every word typed, so "rhyme story" finds "Rhymetimes and Storytimes". */
export function matchesSearch(text: string, query: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const hay = fold(text);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}
