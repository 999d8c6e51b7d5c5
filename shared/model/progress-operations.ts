/**
 * Named edits for delivery (issue 12): KPI results by period and the action plan. Like operations.ts, each
 * function mutates the workbook it is given (an immer draft in the app, a plain copy in the command line), so a
 * change is one undoable step.
 */
import { newId } from './ids';
import type { Period } from './periods';
import type { ActionOrigin, ActionStatus, ActionUpdate, KpiResult, PlanAction } from './progress-schema';
import type { Kpi, Objective, Workbook } from './workbook-schema';

export interface KpiWithObjective {
  readonly kpi: Kpi;
  readonly objective: Objective;
}

/** Every KPI in the workbook with the objective it belongs to, in the objectives' order. */
export function allKpis(wb: Workbook): KpiWithObjective[] {
  return wb.objectives.flatMap((objective) => objective.kpis.map((kpi) => ({ kpi, objective })));
}

export function findKpi(wb: Workbook, kpiId: string): Kpi | undefined {
  for (const o of wb.objectives) for (const k of o.kpis) if (k.id === kpiId) return k;
  return undefined;
}

const labelKey = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** Two periods are the same when their labels match, or when both have dates and the dates match. */
export function samePeriod(a: Period, b: Period): boolean {
  if (labelKey(a.label) !== '' && labelKey(a.label) === labelKey(b.label)) return true;
  return a.start !== null && a.end !== null && a.start === b.start && a.end === b.end;
}

/** Results in time order: by the period's start date, undated ones last in the order they were entered. */
function sortResults(results: KpiResult[]): void {
  const order = new Map(results.map((r, i) => [r.id, i]));
  results.sort((a, b) => {
    if (a.period.start && b.period.start && a.period.start !== b.period.start) return a.period.start < b.period.start ? -1 : 1;
    if (a.period.start && !b.period.start) return -1;
    if (!a.period.start && b.period.start) return 1;
    return order.get(a.id)! - order.get(b.id)!;
  });
}

export type ResultFields = Omit<KpiResult, 'id'>;

/**
 * Records a KPI's result for a period. A result already recorded for the same period is replaced (keeping its
 * id), so a KPI has one result per period. Returns the result, or null when the KPI is not in the workbook.
 */
export function addResult(wb: Workbook, kpiId: string, fields: ResultFields): KpiResult | null {
  const kpi = findKpi(wb, kpiId);
  if (!kpi) return null;
  const earlier = kpi.results.find((r) => samePeriod(r.period, fields.period));
  if (earlier) {
    Object.assign(earlier, fields);
    sortResults(kpi.results);
    return earlier;
  }
  const result: KpiResult = { id: newId('result'), ...fields };
  kpi.results.push(result);
  sortResults(kpi.results);
  return result;
}

/** Changes a recorded result (its value, period, source, note or state). False when there is no such result. */
export function replaceResult(wb: Workbook, kpiId: string, resultId: string, patch: Partial<ResultFields>): boolean {
  const kpi = findKpi(wb, kpiId);
  const result = kpi?.results.find((r) => r.id === resultId);
  if (!kpi || !result) return false;
  Object.assign(result, patch);
  // Moving a result onto a period another result already has folds the two into this one.
  if (patch.period) {
    const period = patch.period;
    kpi.results = kpi.results.filter((r) => r.id === resultId || !samePeriod(r.period, period));
  }
  sortResults(kpi.results);
  return true;
}

export function removeResult(wb: Workbook, kpiId: string, resultId: string): void {
  const kpi = findKpi(wb, kpiId);
  if (kpi) kpi.results = kpi.results.filter((r) => r.id !== resultId);
}

export interface ResultRow extends ResultFields {
  readonly kpiId: string;
}

/** Adds many results at once (an import): each replaces any earlier result for its KPI and period. */
export function putResults(wb: Workbook, rows: readonly ResultRow[]): { added: number; replaced: number } {
  let added = 0;
  let replaced = 0;
  for (const { kpiId, ...fields } of rows) {
    const kpi = findKpi(wb, kpiId);
    if (!kpi) continue;
    if (kpi.results.some((r) => samePeriod(r.period, fields.period))) replaced++;
    else added++;
    addResult(wb, kpiId, fields);
  }
  return { added, replaced };
}

/** Every reporting period the workbook's results use, latest first (dated ones by their start). */
export function reportingPeriods(wb: Workbook): Period[] {
  const out: Period[] = [];
  for (const { kpi } of allKpis(wb)) for (const r of kpi.results) if (!out.some((p) => samePeriod(p, r.period))) out.push(r.period);
  return out.sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''));
}

export type ActionFields = Partial<Omit<PlanAction, 'id' | 'updates'>> & { title: string };

export function addAction(wb: Workbook, fields: ActionFields): PlanAction {
  const action: PlanAction = {
    id: newId('planAction'),
    owner: '',
    due: null,
    objectiveIds: [],
    serviceIds: [],
    kpiIds: [],
    status: 'not-started',
    rag: null,
    reason: '',
    origin: { kind: 'entered' },
    updates: [],
    ...fields,
  };
  wb.actionPlan.push(action);
  return action;
}

export function updateAction(wb: Workbook, actionId: string, patch: Partial<Omit<PlanAction, 'id' | 'origin' | 'updates'>>): boolean {
  const action = wb.actionPlan.find((a) => a.id === actionId);
  if (!action) return false;
  Object.assign(action, patch);
  return true;
}

export function removeAction(wb: Workbook, actionId: string): void {
  wb.actionPlan = wb.actionPlan.filter((a) => a.id !== actionId);
}

/** A dated update on an action; when it gives a status, the action takes it. */
export function addActionUpdate(wb: Workbook, actionId: string, update: Omit<ActionUpdate, 'id'>): ActionUpdate | null {
  const action = wb.actionPlan.find((a) => a.id === actionId);
  if (!action) return null;
  const made: ActionUpdate = { id: newId('actionUpdate'), ...update };
  action.updates.push(made);
  action.updates.sort((a, b) => a.date.localeCompare(b.date));
  if (update.status) action.status = update.status;
  return made;
}

const sameOrigin = (a: ActionOrigin, b: ActionOrigin) =>
  (a.kind === 'workshop' && b.kind === 'workshop' && a.workshopId === b.workshopId && a.actionId === b.actionId) ||
  (a.kind === 'milestone' && b.kind === 'milestone' && a.draftId === b.draftId && a.milestoneId === b.milestoneId);

const alreadyCarried = (wb: Workbook, origin: ActionOrigin) => wb.actionPlan.some((a) => sameOrigin(a.origin, origin));

const WORKSHOP_STATUS: Record<'open' | 'done' | 'dropped', ActionStatus> = { open: 'not-started', done: 'done', dropped: 'dropped' };

/**
 * Carries a workshop's agreed actions into the action plan, each with its owner, due date and objective, and
 * its origin, so an action is never carried across twice. Returns the actions added.
 */
export function carryAcrossWorkshopActions(wb: Workbook, workshopId: string): PlanAction[] {
  const workshop = wb.workshops.find((w) => w.id === workshopId);
  if (!workshop) return [];
  const objectives = new Set(wb.objectives.map((o) => o.id));
  const added: PlanAction[] = [];
  for (const a of workshop.actions) {
    const origin: ActionOrigin = { kind: 'workshop', workshopId, actionId: a.id };
    if (alreadyCarried(wb, origin)) continue;
    added.push(
      addAction(wb, {
        title: a.text,
        owner: a.owner,
        due: a.due,
        objectiveIds: a.objectiveId && objectives.has(a.objectiveId) ? [a.objectiveId] : [],
        status: WORKSHOP_STATUS[a.status],
        origin,
      }),
    );
  }
  return added;
}

/** Carries a business case's milestones into the action plan, once each, with their dates and owners. */
export function carryAcrossMilestones(wb: Workbook, draftId: string): PlanAction[] {
  const draft = wb.drafts.find((d) => d.id === draftId);
  const milestones = draft?.businessCase?.management.milestones ?? [];
  const added: PlanAction[] = [];
  for (const m of milestones) {
    const origin: ActionOrigin = { kind: 'milestone', draftId, milestoneId: m.id };
    if (alreadyCarried(wb, origin)) continue;
    added.push(addAction(wb, { title: m.label, owner: m.owner, due: m.date, serviceIds: draft!.scope.serviceIds.slice(), origin }));
  }
  return added;
}

/** What is still to carry across: workshops and business cases with actions or milestones not yet in the plan. */
export function carryAcrossSources(wb: Workbook): Array<{ kind: 'workshop' | 'milestone'; id: string; title: string; waiting: number }> {
  const out: Array<{ kind: 'workshop' | 'milestone'; id: string; title: string; waiting: number }> = [];
  for (const w of wb.workshops) {
    const waiting = w.actions.filter((a) => !alreadyCarried(wb, { kind: 'workshop', workshopId: w.id, actionId: a.id })).length;
    if (waiting > 0) out.push({ kind: 'workshop', id: w.id, title: w.title, waiting });
  }
  for (const d of wb.drafts) {
    const waiting = (d.businessCase?.management.milestones ?? []).filter(
      (m) => !alreadyCarried(wb, { kind: 'milestone', draftId: d.id, milestoneId: m.id }),
    ).length;
    if (waiting > 0) out.push({ kind: 'milestone', id: d.id, title: d.title, waiting });
  }
  return out;
}

/** Where an action came from, in words: "Agreed at the workshop “…” (12 March 2026)". */
export function describeOrigin(wb: Workbook, origin: ActionOrigin): string {
  switch (origin.kind) {
    case 'entered':
      return 'Entered in the action plan';
    case 'workshop': {
      const w = wb.workshops.find((x) => x.id === origin.workshopId);
      if (!w) return 'Agreed at a workshop';
      const when = w.date ? ` on ${new Date(`${w.date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}` : '';
      return `Agreed at the workshop “${w.title}”${when}`;
    }
    case 'milestone': {
      const d = wb.drafts.find((x) => x.id === origin.draftId);
      return d ? `A milestone of “${d.title}”` : 'A business case milestone';
    }
  }
}

/** Keeps an action whose origin is gone: it stays in the plan as entered, since the work itself still stands. */
function forgetOrigins(wb: Workbook, gone: (o: ActionOrigin) => boolean): void {
  for (const a of wb.actionPlan) if (gone(a.origin)) a.origin = { kind: 'entered' };
}

/** The action plan's side of removing objectives, services, KPIs, workshops and drafts (operations.ts calls these). */
export function dropPlanRefs(wb: Workbook, ids: { objectives?: ReadonlySet<string>; services?: ReadonlySet<string>; kpis?: ReadonlySet<string> }): void {
  for (const a of wb.actionPlan) {
    if (ids.objectives) a.objectiveIds = a.objectiveIds.filter((id) => !ids.objectives!.has(id));
    if (ids.services) a.serviceIds = a.serviceIds.filter((id) => !ids.services!.has(id));
    if (ids.kpis) a.kpiIds = a.kpiIds.filter((id) => !ids.kpis!.has(id));
  }
}

export function redirectPlanObjectives(wb: Workbook, from: ReadonlySet<string>, to: string): void {
  for (const a of wb.actionPlan) a.objectiveIds = [...new Set(a.objectiveIds.map((id) => (from.has(id) ? to : id)))];
}

export function forgetWorkshopOrigins(wb: Workbook, workshopId: string): void {
  forgetOrigins(wb, (o) => o.kind === 'workshop' && o.workshopId === workshopId);
}

export function forgetDraftOrigins(wb: Workbook, draftId: string): void {
  forgetOrigins(wb, (o) => o.kind === 'milestone' && o.draftId === draftId);
}
