import { describe, expect, it } from 'vitest';
import { loadSampleWorkbook } from '../samples/sample-workbook';
import { parsePeriod } from '../model/periods';
import type { PlanAction } from '../model/progress-schema';
import { actionGroup, findReportingPeriod, progressFacts, statusCountsText } from './progress';

function sample() {
  const r = loadSampleWorkbook();
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const action = (extra: Partial<PlanAction>): PlanAction => ({
  id: 'pla_x', title: 'An action', owner: '', due: null, objectiveIds: [], serviceIds: [], kpiIds: [], status: 'not-started', rag: null, reason: '', origin: { kind: 'entered' }, updates: [], ...extra,
});

describe('progress for a reporting period', () => {
  it('takes the latest period with results, the one before it, and dates lateness at the period’s end', () => {
    const f = progressFacts(sample(), { today: '2026-12-07' });
    expect(f.period?.label).toBe('H2 2025/26');
    expect(f.previousPeriod?.label).toBe('H1 2025/26');
    expect(f.asAt).toBe('2026-03-31');
    expect(f.counts).toEqual({ 'on-track': 3, 'at-risk': 3, 'off-track': 2, 'no-data': 11 });
    expect(f.actions.done.map((a) => a.id)).toEqual(['pla_nsc_03', 'pla_nsc_01']);
    expect(f.actions.late.map((a) => a.id)).toEqual(['pla_nsc_04', 'pla_nsc_02']);
    // Warm space counting was done in October 2025 (H2); the homework club scoping in May 2025 (H1).
    expect(f.completedInPeriod.map((a) => a.id)).toEqual(['pla_nsc_01']);
  });

  it('reports an earlier period with its own statuses, and the status each KPI had before', () => {
    const wb = sample();
    const h1 = findReportingPeriod(wb, 'h1 2025/26')!;
    const f = progressFacts(wb, { period: h1, today: '2026-12-07' });
    expect(f.previousPeriod).toBeNull();
    const ks2 = f.kpis.find((k) => k.kpi.id === 'kpi_nsc_ks2_reading')!;
    expect(ks2.assessment.result?.value).toBe(73.5);
    expect(ks2.history.map((r) => r.period.label)).toEqual(['H1 2025/26']);
    const later = progressFacts(wb, { today: '2026-12-07' }).kpis.find((k) => k.kpi.id === 'kpi_nsc_ks2_reading')!;
    expect(later.previousStatus).toBe(ks2.assessment.status);
  });

  it('has nothing to report for a period with no results', () => {
    const f = progressFacts(sample(), { period: parsePeriod('2019/20'), today: '2026-12-07' });
    expect(f.counts['no-data']).toBe(19);
    expect(findReportingPeriod(sample(), '2019/20')).toBeNull();
  });

  it('sorts an action into done, in progress, late or planned', () => {
    expect(actionGroup(action({ status: 'done', due: '2020-01-01' }), '2026-01-01')).toBe('done');
    expect(actionGroup(action({ status: 'in-progress', due: '2025-12-31' }), '2026-01-01')).toBe('late');
    expect(actionGroup(action({ status: 'blocked' }), '2026-01-01')).toBe('late');
    expect(actionGroup(action({ status: 'dropped' }), '2026-01-01')).toBe('late');
    expect(actionGroup(action({ status: 'in-progress', due: '2026-02-01' }), '2026-01-01')).toBe('in-progress');
    expect(actionGroup(action({ due: null }), '2026-01-01')).toBe('planned');
  });

  it('puts the counts in words with the verb agreeing', () => {
    expect(statusCountsText({ 'on-track': 1, 'at-risk': 0, 'off-track': 2, 'no-data': 1 }, '2025/26')).toBe('1 is on track, 2 are off track and 1 has no result for 2025/26 or no baseline');
  });
});
