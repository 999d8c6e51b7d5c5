/**
 * Named edits to the council's objectives and their KPIs that are not about structure (operations.ts holds the
 * moves, merges and removals that keep the hierarchy and references whole). Each mutates the workbook it is given.
 */
import { normaliseHierarchy } from './operations';
import type { ObjectiveLevel } from './vocabulary';
import type { Kpi, Objective, Workbook } from './workbook-schema';

export type ObjectiveFields = Partial<Pick<Objective, 'title' | 'description' | 'themeRef' | 'source'>>;
export type KpiFields = Partial<Omit<Kpi, 'id' | 'results'>>;

const find = (wb: Workbook, id: string) => wb.objectives.find((o) => o.id === id);

export function updateObjective(wb: Workbook, objectiveId: string, fields: ObjectiveFields): boolean {
  const o = find(wb, objectiveId);
  if (o) Object.assign(o, fields);
  return o !== undefined;
}

/** Objectives added together (a pasted plan, themes from the library): a hierarchy of their own, parents first, at the end. */
export function addObjectives(wb: Workbook, objectives: readonly Objective[]): void {
  wb.objectives.push(...objectives);
}

/**
 * Makes an objective a theme, an objective or an outcome: a theme moves to the top level, and an objective
 * under another objective moves up beside it, so the hierarchy stays theme → objective → outcome.
 */
export function setObjectiveLevel(wb: Workbook, objectiveId: string, level: ObjectiveLevel): boolean {
  const o = find(wb, objectiveId);
  if (!o) return false;
  const parent = o.parentId ? find(wb, o.parentId) : undefined;
  if (level === 'theme') o.parentId = null;
  if (level === 'objective' && parent?.level === 'objective') o.parentId = parent.parentId;
  o.level = level;
  normaliseHierarchy(wb);
  return true;
}

/** Moves an objective (and what is beneath it) under another item, or to the top level with null. */
export function setObjectiveParent(wb: Workbook, objectiveId: string, parentId: string | null): boolean {
  const o = find(wb, objectiveId);
  if (!o) return false;
  o.parentId = parentId;
  if (parentId === null && o.level === 'outcome') o.level = 'objective';
  normaliseHierarchy(wb);
  return true;
}

export function addKpi(wb: Workbook, objectiveId: string, kpi: Kpi): boolean {
  const o = find(wb, objectiveId);
  o?.kpis.push(kpi);
  return o !== undefined;
}

export function updateKpi(wb: Workbook, objectiveId: string, kpiId: string, fields: KpiFields): boolean {
  const k = find(wb, objectiveId)?.kpis.find((x) => x.id === kpiId);
  if (k) Object.assign(k, fields);
  return k !== undefined;
}
