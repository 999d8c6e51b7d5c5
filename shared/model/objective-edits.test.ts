import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { emptyWorkbook, objective } from '../../tests/fixtures/hand-built-workbook';
import { addKpi, setObjectiveLevel, setObjectiveParent, updateKpi, updateObjective } from './objective-edits';
import { validateWorkbook } from './workbook-format';
import type { Workbook } from './workbook-schema';

function base(): Workbook {
  const wb = emptyWorkbook();
  wb.objectives = [
    objective('t1', 'Health', 'theme', null),
    objective('o11', 'Reduce loneliness', 'objective', 't1'),
    objective('u111', 'Fewer adults feel lonely', 'outcome', 'o11'),
    objective('t2', 'Economy', 'theme', null),
  ];
  return wb;
}
const shape = (wb: Workbook) => wb.objectives.map((o) => `${o.id}:${o.level}<${o.parentId ?? 'top'}`);

describe('objective edits', () => {
  it('changes only the named fields', () => {
    const next = produce(base(), (d) => void updateObjective(d, 'o11', { title: 'Tackle loneliness', themeRef: 'communities-cohesion' }));
    expect(next.objectives[1]).toMatchObject({ title: 'Tackle loneliness', themeRef: 'communities-cohesion', description: '', level: 'objective' });
  });

  it('makes an outcome an objective beside its parent, and an objective a theme at the top level, keeping the hierarchy whole', () => {
    const asObjective = produce(base(), (d) => void setObjectiveLevel(d, 'u111', 'objective'));
    expect(shape(asObjective)).toEqual(['t1:theme<top', 'o11:objective<t1', 'u111:objective<t1', 't2:theme<top']);
    const asTheme = produce(base(), (d) => void setObjectiveLevel(d, 'o11', 'theme'));
    expect(shape(asTheme)).toEqual(['t1:theme<top', 'o11:theme<top', 'u111:objective<o11', 't2:theme<top']);
    expect(validateWorkbook(asTheme).ok).toBe(true);
  });

  it('moves an objective under another theme, and an outcome moved to the top becomes an objective', () => {
    expect(shape(produce(base(), (d) => void setObjectiveParent(d, 'o11', 't2')))).toEqual(['t1:theme<top', 'o11:objective<t2', 'u111:outcome<o11', 't2:theme<top']);
    expect(shape(produce(base(), (d) => void setObjectiveParent(d, 'u111', null)))).toEqual(['t1:theme<top', 'o11:objective<t1', 'u111:objective<top', 't2:theme<top']);
  });

  it('adds and changes a KPI, and says when the objective or KPI is not there', () => {
    const kpi = { id: 'kpi_a', name: 'Adults who feel lonely', unit: '%', direction: 'decrease' as const, baseline: null, target: null, indicatorCode: '', source: '', results: [] };
    const next = produce(base(), (d) => {
      expect(addKpi(d, 'o11', kpi)).toBe(true);
      expect(updateKpi(d, 'o11', 'kpi_a', { unit: '% of adults' })).toBe(true);
      expect(updateKpi(d, 'o11', 'kpi_missing', { unit: 'x' })).toBe(false);
      expect(addKpi(d, 'obj_missing', kpi)).toBe(false);
    });
    expect(next.objectives[1]!.kpis).toEqual([{ ...kpi, unit: '% of adults' }]);
  });
});
