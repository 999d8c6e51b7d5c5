import { describe, expect, it } from 'vitest';
import { ownFigureTotals } from '../analysis/benchmark-own-figures';
import { newObjective, newService } from './factories';
import { newId } from './ids';
import { createWorkbook } from './new-workbook';
import { addReachFromTotal, setBaselineFromTotal } from './own-figure-links';
import { validateWorkbook } from './workbook-format';
import type { OwnFigure } from './workbook-schema';

const figures: OwnFigure[] = [
  { id: 'fig_aaaaaaaaaaaa', measure: 'visits', library: 'Ashford Library', libraryRef: '', detail: 'Automatic', period: { label: 'Q1 2023/24', start: '2023-04-01', end: '2023-06-30' }, value: 40_200, source: 'visits.csv (imported 7 December 2026)' },
  { id: 'fig_bbbbbbbbbbbb', measure: 'visits', library: 'Allington Library', libraryRef: '', detail: 'Automatic', period: { label: 'Q1 2023/24', start: '2023-04-01', end: '2023-06-30' }, value: 12_500, source: 'visits.csv (imported 7 December 2026)' },
];

describe('using a total of own figures', () => {
  it('becomes a service’s reach figure and a KPI’s baseline, with period and source, in a valid workbook', () => {
    const wb = createWorkbook({ title: 'Kent' });
    const service = newService({ name: 'Library visits', offer: 'Reading' });
    const kpi = { id: newId('kpi'), name: 'Library visits a year', unit: 'visits', direction: 'increase' as const, baseline: null, target: null, indicatorCode: '', source: '', results: [] };
    const objective = newObjective({ title: 'More people use libraries', level: 'objective' });
    objective.kpis.push(kpi);
    wb.services.push(service);
    wb.objectives.push(objective);
    wb.libraryData.figures.push(...figures);
    const [total] = ownFigureTotals(wb.libraryData.figures);

    expect(addReachFromTotal(wb, total!, service.id)).toBe(true);
    expect(wb.services[0]!.measures[0]).toMatchObject({
      label: 'Physical visits',
      value: 52_700,
      unit: 'visits',
      period: { label: '2023/24', start: '2023-04-01', end: '2024-03-31' },
      source: 'Own figures: visits.csv (imported 7 December 2026)',
    });
    expect(setBaselineFromTotal(wb, total!, kpi.id)).toBe(true);
    expect(wb.objectives[0]!.kpis[0]!.baseline).toEqual({ value: 52_700, period: { label: '2023/24', start: '2023-04-01', end: '2024-03-31' } });
    expect(wb.objectives[0]!.kpis[0]!.source).toBe('Own figures: visits.csv (imported 7 December 2026)');
    expect(validateWorkbook(wb).ok).toBe(true);

    expect(addReachFromTotal(wb, total!, 'svc_missing')).toBe(false);
    expect(setBaselineFromTotal(wb, total!, 'kpi_missing')).toBe(false);
  });
});
