/** The Progress step's edits: each a named operation from shared/model wrapped in one undoable edit. */
import type { Draft } from 'immer';
import { applyActuals, type ActualsRow } from '../../../../shared/import/actuals';
import type { Period } from '../../../../shared/model/periods';
import type { Workbook } from '../../../../shared/model/workbook-schema';
import {
  addAction,
  addActionUpdate,
  addResult,
  carryAcrossMilestones,
  carryAcrossWorkshopActions,
  removeAction,
  removeResult,
  replaceResult,
  updateAction,
  type ActionFields,
  type ResultFields,
} from '../../../../shared/model/progress-operations';
import type { ActionUpdate, PlanAction } from '../../../../shared/model/progress-schema';
import { useWorkbookStore } from '../../state/workbook-store';

const edit = (label: string, recipe: (wb: Draft<Workbook>) => void, coalesceKey?: string) =>
  useWorkbookStore.getState().edit(label, recipe, coalesceKey ? { coalesceKey } : undefined);

/** Typing a value merges into one undo step, from the first digit of a new result to the last change. */
const valueKey = (kpiId: string, period: Period) => `result-value:${kpiId}:${period.label}`;

export function recordResult(kpiId: string, kpiName: string, fields: ResultFields): void {
  edit(`Record ${kpiName}, ${fields.period.label}`, (wb) => void addResult(wb, kpiId, fields), valueKey(kpiId, fields.period));
}

export function changeResult(kpiId: string, resultId: string, patch: Partial<ResultFields>, what: string, period: Period): void {
  const key = patch.value !== undefined ? valueKey(kpiId, period) : `result:${resultId}:${Object.keys(patch).join(',')}`;
  edit(what, (wb) => void replaceResult(wb, kpiId, resultId, patch), key);
}

export function deleteResult(kpiId: string, resultId: string, kpiName: string, period: Period): void {
  edit(`Remove ${kpiName}, ${period.label}`, (wb) => removeResult(wb, kpiId, resultId));
}

export function newAction(fields: ActionFields): void {
  edit(`Add the action “${fields.title}”`, (wb) => void addAction(wb, fields));
}

export function changeAction(action: PlanAction, patch: Partial<Omit<PlanAction, 'id' | 'origin' | 'updates'>>, what: string, coalesce?: string): void {
  edit(what, (wb) => void updateAction(wb, action.id, patch), coalesce ? `action:${action.id}:${coalesce}` : undefined);
}

export function deleteAction(action: PlanAction): void {
  edit(`Remove the action “${action.title}”`, (wb) => removeAction(wb, action.id));
}

export function recordUpdate(action: PlanAction, update: Omit<ActionUpdate, 'id'>): void {
  edit(`Add an update to “${action.title}”`, (wb) => void addActionUpdate(wb, action.id, update));
}

export function carryAcross(kind: 'workshop' | 'milestone', id: string, title: string): void {
  edit(`Carry across from “${title}”`, (wb) => void (kind === 'workshop' ? carryAcrossWorkshopActions(wb, id) : carryAcrossMilestones(wb, id)));
}

/** Imports a file's results as one undoable edit; says how many were new and how many replaced. */
export function importActuals(fileName: string, rows: readonly ActualsRow[], source: string): { added: number; replaced: number } {
  let counts = { added: 0, replaced: 0 };
  edit(`Import results from ${fileName}`, (wb) => {
    counts = applyActuals(wb, rows, source);
  });
  return counts;
}
