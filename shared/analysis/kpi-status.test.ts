import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../model/periods';
import type { Kpi } from '../model/workbook-schema';
import { assessKpi, KPI_STATUS_RULE, trajectoryAt } from './kpi-status';

const pv = (value: number, label: string) => ({ value, period: parsePeriod(label) });
const res = (value: number, label: string) => ({ id: `res_${label.replace(/\W/g, '')}`, value, period: parsePeriod(label), source: '', note: '', state: 'confirmed' as const });

/** Baseline 100 in 2023/24 (ends 31 March 2024), target 140 in 2027/28 (ends 31 March 2028): 10 a year. */
function kpi(extra: Partial<Kpi> = {}): Kpi {
  return {
    id: 'kpi_x',
    name: 'Active members',
    unit: '',
    direction: 'increase',
    baseline: pv(100, '2023/24'),
    target: pv(140, '2027/28'),
    indicatorCode: '',
    source: '',
    results: [],
    ...extra,
  };
}

describe('KPI status', () => {
  it('follows the straight line from baseline to target, with a tenth of the distance as at risk', () => {
    // The end of 2025/26 is two years along: the line says 120; at risk down to 116.
    const at = (value: number) => assessKpi(kpi({ results: [res(value, '2025/26')] }), parsePeriod('2025/26'));
    expect(at(120)).toMatchObject({ status: 'on-track' });
    expect(at(120).expected).toBeCloseTo(120, 1);
    expect(at(125).status).toBe('on-track');
    expect(at(117).status).toBe('at-risk');
    expect(at(115).status).toBe('off-track');
  });

  it('reads a lower-is-better KPI the other way round', () => {
    const down = (value: number) =>
      assessKpi(kpi({ direction: 'decrease', baseline: pv(50, '2023/24'), target: pv(30, '2027/28'), results: [res(value, '2025/26')] }), parsePeriod('2025/26'));
    // The line says 40 by the end of 2025/26; at risk up to 42.
    expect(down(38).status).toBe('on-track');
    expect(down(41).status).toBe('at-risk');
    expect(down(45).status).toBe('off-track');
  });

  it('without a target, compares with the baseline', () => {
    expect(assessKpi(kpi({ target: null, results: [res(101, '2025/26')] })).status).toBe('on-track');
    expect(assessKpi(kpi({ target: null, results: [res(99, '2025/26')] })).status).toBe('off-track');
    expect(assessKpi(kpi({ target: null, direction: 'decrease', results: [res(99, '2025/26')] })).status).toBe('on-track');
  });

  it('with periods that have no dates, compares with the target itself', () => {
    const undated = { baseline: pv(100, 'last year'), target: pv(140, 'by the end of the plan') };
    expect(trajectoryAt(kpi(undated), Date.parse('2026-01-01'))).toBeNull();
    expect(assessKpi(kpi({ ...undated, results: [res(141, 'this year')] })).status).toBe('on-track');
    expect(assessKpi(kpi({ ...undated, results: [res(110, 'this year')] })).status).toBe('at-risk');
    expect(assessKpi(kpi({ ...undated, results: [res(95, 'this year')] })).status).toBe('off-track');
  });

  it('has no data without a result for the period or without a baseline', () => {
    expect(assessKpi(kpi()).status).toBe('no-data');
    expect(assessKpi(kpi({ results: [res(130, '2024/25')] }), parsePeriod('2025/26')).status).toBe('no-data');
    expect(assessKpi(kpi({ baseline: null, results: [res(130, '2025/26')] })).status).toBe('no-data');
  });

  it('keeps a steady KPI within 5% on track and 10% at risk', () => {
    const steady = (value: number) => assessKpi(kpi({ direction: 'maintain', target: null, results: [res(value, '2025/26')] })).status;
    expect([steady(104), steady(92), steady(85)]).toEqual(['on-track', 'at-risk', 'off-track']);
  });

  it('gives the previous result, and holds the line at the target after its date', () => {
    const a = assessKpi(kpi({ results: [res(150, '2028/29'), res(110, '2024/25')] }));
    expect(a.result?.value).toBe(150);
    expect(a.previous?.value).toBe(110);
    expect(a.expected).toBe(140);
    expect(a.status).toBe('on-track');
  });

  it('states the rule in words, with the thresholds the code uses', () => {
    expect(KPI_STATUS_RULE).toContain('10% of the distance from baseline to target');
    expect(KPI_STATUS_RULE).toContain('within 5% of its target');
  });
});
