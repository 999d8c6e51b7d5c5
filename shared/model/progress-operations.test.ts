/**
 * Results and the action plan on the complete fixture: each edit leaves a valid workbook, carrying across never
 * doubles an action, and removing what an action refers to cleans the reference.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK } from '../../tests/fixtures/fixtures';
import { BusinessCaseDataSchema } from './business-case-schema';
import { checkIntegrity } from './integrity';
import { objectiveWithDescendants, removeDraft, removeKpi, removeObjective, removeService, removeWorkshop } from './operations';
import { parsePeriod } from './periods';
import {
  addAction,
  addActionUpdate,
  addResult,
  allKpis,
  carryAcrossMilestones,
  carryAcrossSources,
  carryAcrossWorkshopActions,
  putResults,
  removeResult,
  replaceResult,
  reportingPeriods,
} from './progress-operations';
import { readWorkbookText, validateWorkbook } from './workbook-format';
import type { Workbook } from './workbook-schema';

/** The complete fixture without its results and action plan, so each test starts from none. */
function fixture(): Workbook {
  const read = readWorkbookText(readFileSync(COMPLETE_WORKBOOK, 'utf8'));
  if (!read.ok) throw new Error(read.error.message);
  const wb = read.value.workbook;
  for (const o of wb.objectives) for (const k of o.kpis) k.results = [];
  wb.actionPlan = [];
  return wb;
}

function expectValid(wb: Workbook) {
  const checked = validateWorkbook(wb);
  expect(checked.ok ? [] : (checked.error.issues ?? [{ path: '', message: checked.error.message }])).toEqual([]);
}

const result = (label: string, value: number) => ({ value, period: parsePeriod(label), source: 'Council dashboard', note: '', state: 'provisional' as const });

describe('KPI results', () => {
  it('keeps one result per period, in time order, and replaces a result for a period already recorded', () => {
    const wb = fixture();
    const { kpi } = allKpis(wb)[0]!;
    addResult(wb, kpi.id, result('Q2 2025/26', 12));
    const first = addResult(wb, kpi.id, result('Q1 2025/26', 10))!;
    expect(kpi.results.map((r) => r.period.label)).toEqual(['Q1 2025/26', 'Q2 2025/26']);
    const again = addResult(wb, kpi.id, { ...result('q1  2025/26', 11), state: 'confirmed' })!;
    expect(again.id).toBe(first.id);
    expect(kpi.results.map((r) => [r.value, r.state])).toEqual([
      [11, 'confirmed'],
      [12, 'provisional'],
    ]);
    expectValid(wb);
    expect(addResult(wb, 'kpi_notthereatall', result('2025/26', 1))).toBeNull();
  });

  it('edits and removes a result; moving one onto another’s period folds them', () => {
    const wb = fixture();
    const { kpi } = allKpis(wb)[0]!;
    const a = addResult(wb, kpi.id, result('Q1 2025/26', 10))!;
    addResult(wb, kpi.id, result('Q2 2025/26', 12));
    expect(replaceResult(wb, kpi.id, a.id, { value: 9, period: parsePeriod('Q2 2025/26') })).toBe(true);
    expect(kpi.results.map((r) => [r.id, r.value])).toEqual([[a.id, 9]]);
    removeResult(wb, kpi.id, a.id);
    expect(kpi.results).toEqual([]);
    expectValid(wb);
  });

  it('counts what an import adds and what it replaces, and lists the periods latest first', () => {
    const wb = fixture();
    const [one, two] = allKpis(wb);
    addResult(wb, one!.kpi.id, result('2024/25', 1));
    const counts = putResults(wb, [
      { kpiId: one!.kpi.id, ...result('2024/25', 2) },
      { kpiId: two!.kpi.id, ...result('2025/26', 3) },
    ]);
    expect(counts).toEqual({ added: 1, replaced: 1 });
    expect(one!.kpi.results.map((r) => r.value)).toEqual([2]);
    expect(reportingPeriods(wb).map((p) => p.label)).toEqual(['2025/26', '2024/25']);
  });

  it('reports a second result for the same period as an integrity problem', () => {
    const wb = fixture();
    const { kpi } = allKpis(wb)[0]!;
    addResult(wb, kpi.id, result('2024/25', 1));
    kpi.results.push({ ...kpi.results[0]!, id: 'res_second' });
    expect(checkIntegrity(wb).map((i) => i.message)).toContainEqual(expect.stringContaining('second result for 2024/25'));
  });
});

describe('the action plan', () => {
  it('carries a workshop’s actions across once, with their provenance and status', () => {
    const wb = fixture();
    const w = wb.workshops[0]!;
    const added = carryAcrossWorkshopActions(wb, w.id);
    expect(added).toHaveLength(w.actions.length);
    expect(added.map((a) => a.origin)).toEqual(w.actions.map((a) => ({ kind: 'workshop', workshopId: w.id, actionId: a.id })));
    expect(added.map((a) => a.title)).toEqual(w.actions.map((a) => a.text));
    expect(carryAcrossWorkshopActions(wb, w.id)).toEqual([]);
    expect(carryAcrossSources(wb).filter((s) => s.kind === 'workshop')).toEqual([]);
    expectValid(wb);
  });

  it('carries a business case’s milestones across once', () => {
    const wb = fixture();
    const draft = wb.drafts[0]!;
    draft.businessCase = BusinessCaseDataSchema.parse({
      management: { milestones: [{ id: 'mst_one', label: 'Pilot opens', date: '2026-09-01', owner: 'Head of Libraries' }] },
    });
    expect(carryAcrossSources(wb)).toContainEqual({ kind: 'milestone', id: draft.id, title: draft.title, waiting: 1 });
    const [action] = carryAcrossMilestones(wb, draft.id);
    expect(action).toMatchObject({ title: 'Pilot opens', due: '2026-09-01', owner: 'Head of Libraries', origin: { kind: 'milestone', draftId: draft.id, milestoneId: 'mst_one' } });
    expect(carryAcrossMilestones(wb, draft.id)).toEqual([]);
    expectValid(wb);
    removeDraft(wb, draft.id);
    expect(wb.actionPlan[0]!.origin).toEqual({ kind: 'entered' });
    expectValid(wb);
  });

  it('takes the status an update gives, and keeps updates in date order', () => {
    const wb = fixture();
    const a = addAction(wb, { title: 'Recruit volunteers', due: '2026-03-31' });
    addActionUpdate(wb, a.id, { date: '2026-02-01', text: 'Advert placed', status: 'in-progress', by: '' });
    addActionUpdate(wb, a.id, { date: '2026-01-10', text: 'Role agreed', status: null, by: '' });
    expect(a.status).toBe('in-progress');
    expect(a.updates.map((u) => u.text)).toEqual(['Role agreed', 'Advert placed']);
    expectValid(wb);
  });

  it('drops references to a removed objective, service, KPI or workshop, and integrity finds any left', () => {
    const wb = fixture();
    const w = wb.workshops[0]!;
    const withKpis = wb.objectives.filter((o) => o.kpis.length > 0);
    const objective = withKpis[0]!;
    const other = withKpis.find((o) => !objectiveWithDescendants(wb, objective.id).has(o.id));
    const service = wb.services[0]!;
    const a = addAction(wb, {
      title: 'Joint reading scheme',
      objectiveIds: [objective!.id, other!.id],
      serviceIds: [service.id],
      kpiIds: [objective!.kpis[0]!.id, other!.kpis[0]!.id],
      origin: { kind: 'workshop', workshopId: w.id, actionId: w.actions[0]!.id },
    });
    expectValid(wb);
    removeKpi(wb, other!.id, other!.kpis[0]!.id);
    expect(a.kpiIds).toEqual([objective!.kpis[0]!.id]);
    removeObjective(wb, objective!.id);
    expect(a.objectiveIds).toEqual([other!.id]);
    expect(a.kpiIds).toEqual([]);
    removeService(wb, service.id);
    expect(a.serviceIds).toEqual([]);
    removeWorkshop(wb, w.id);
    expect(a.origin).toEqual({ kind: 'entered' });
    expectValid(wb);

    a.serviceIds.push('svc_gone');
    a.kpiIds.push('kpi_gone');
    a.origin = { kind: 'milestone', draftId: 'drf_gone', milestoneId: 'mst_gone' };
    expect(checkIntegrity(wb).map((i) => i.message)).toEqual([
      'Refers to service "svc_gone", which is not in the workbook',
      'Refers to KPI "kpi_gone", which is not in the workbook',
      'Refers to document draft "drf_gone", which is not in the workbook',
    ]);
  });
});
