/** The Objectives step's undoable changes: each names a workbook edit from shared/model and labels it for undo. */
import { newId } from '../../../../shared/model/ids';
import { addKpi, addObjectives, setObjectiveLevel, setObjectiveParent, updateKpi, updateObjective, type KpiFields, type ObjectiveFields } from '../../../../shared/model/objective-edits';
import { addObjective, mergeObjectives, normaliseHierarchy, removeKpi, removeObjective } from '../../../../shared/model/operations';
import type { ObjectiveLevel } from '../../../../shared/model/vocabulary';
import type { Kpi, Objective, Workbook } from '../../../../shared/model/workbook-schema';
import { editWorkbook as edit } from '../../state/workbook-store';

export const addObjectiveAt = (o: Objective, after: string | null) => edit(`Add ${o.level}`, (wb) => addObjective(wb, o, after));

export const importObjectives = (label: string, objectives: readonly Objective[]) => edit(label, (wb) => addObjectives(wb, objectives));

export const changeObjective = (o: Objective, label: string, fields: ObjectiveFields, key?: string) =>
  edit(label, (wb) => void updateObjective(wb, o.id, fields), key ? { coalesceKey: `${o.id}:${key}` } : undefined);

export const changeLevel = (o: Objective, level: ObjectiveLevel) =>
  edit(`Make “${o.title}” ${level === 'outcome' ? 'an' : 'a'} ${level}`, (wb) => void setObjectiveLevel(wb, o.id, level));

export const moveUnder = (o: Objective, parentId: string | null) => edit('Move under another item', (wb) => void setObjectiveParent(wb, o.id, parentId));

export const deleteObjective = (o: Objective) => edit(`Delete ${o.title}`, (wb) => removeObjective(wb, o.id));

export const mergeInto = (o: Objective, mergeIds: readonly string[]) =>
  edit(`Merge ${mergeIds.length} into ${o.title}`, (wb) => {
    mergeObjectives(wb, o.id, mergeIds);
    normaliseHierarchy(wb);
  });

/** A move in the hierarchy (up, down, indent, outdent); returns whether it could be made. */
export function restructure(label: string, op: (wb: Workbook) => boolean): boolean {
  let done = false;
  edit(label, (wb) => void (done = op(wb)));
  return done;
}

export function blankKpi(name: string, extra: Partial<Kpi> = {}): Kpi {
  return { id: newId('kpi'), name, unit: '', direction: 'increase', baseline: null, target: null, indicatorCode: '', source: '', results: [], ...extra };
}

export const addKpiTo = (o: Objective, kpi: Kpi, label = 'Add KPI') => edit(label, (wb) => void addKpi(wb, o.id, kpi));

export const changeKpi = (o: Objective, kpiId: string, label: string, fields: KpiFields, key?: string) =>
  edit(label, (wb) => void updateKpi(wb, o.id, kpiId, fields), key ? { coalesceKey: `${kpiId}:${key}` } : undefined);

export const deleteKpi = (o: Objective, k: Kpi) => edit(`Delete KPI ${k.name}`, (wb) => removeKpi(wb, o.id, k.id));
