import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK } from '../../tests/fixtures/fixtures';
import { addResult, allKpis } from '../model/progress-operations';
import { parsePeriod } from '../model/periods';
import { readWorkbookText, validateWorkbook } from '../model/workbook-format';
import type { Workbook } from '../model/workbook-schema';
import { applyActuals, describeProblem, guessActualsMapping, readActuals, readNumber } from './actuals';
import { readCsv } from './table-outline';

function fixture(): Workbook {
  const read = readWorkbookText(readFileSync(COMPLETE_WORKBOOK, 'utf8'));
  if (!read.ok) throw new Error(read.error.message);
  const wb = read.value.workbook;
  for (const o of wb.objectives) for (const k of o.kpis) k.results = [];
  return wb;
}

function check(wb: Workbook, csv: string) {
  const { table } = readCsv(csv);
  return readActuals(table, guessActualsMapping(table.headers), wb);
}

describe('reading KPI results from a spreadsheet', () => {
  it('reads numbers as officers write them, and nothing else', () => {
    expect(['12,400', '61.5%', '£1,250', '-3', '0.25'].map(readNumber)).toEqual([12400, 61.5, 1250, -3, 0.25]);
    expect(['lots', '12,40', '1.2.3', '', 'n/a'].map(readNumber)).toEqual([null, null, null, null, null]);
  });

  it('matches KPIs by name (any case) or id and reads periods, notes and status', () => {
    const wb = fixture();
    const [a, b] = allKpis(wb);
    const r = check(wb, `KPI,Period,Value,Note,Status\n${a!.kpi.name.toUpperCase()},Q1 2025/26,"1,200",Busy summer,confirmed\n${b!.kpi.id},2025/26,42%,,\n`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows.map((x) => [x.line, x.kpiId, x.value, x.period.start, x.note, x.state, x.replaces])).toEqual([
      [2, a!.kpi.id, 1200, '2025-04-01', 'Busy summer', 'confirmed', null],
      [3, b!.kpi.id, 42, '2025-04-01', '', 'provisional', null],
    ]);
    const counts = applyActuals(wb, r.rows, 'results.csv');
    expect(counts).toEqual({ added: 2, replaced: 0 });
    expect(a!.kpi.results[0]).toMatchObject({ value: 1200, source: 'results.csv', note: 'Busy summer' });
    expect(validateWorkbook(wb).ok).toBe(true);
  });

  it('names the line and column of every bad row: unknown KPI, a value that is not a number, a period in the wrong form', () => {
    const wb = fixture();
    const [a] = allKpis(wb);
    const r = check(wb, `KPI,Period,Value\nLibrary cats,2025/26,3\n${a!.kpi.name},2025/26,lots\n${a!.kpi.name},Spring,4\n${a!.kpi.name},2024/25,5\n${a!.kpi.name},2024/25,6\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(describeProblem)).toEqual([
      'Line 2, column “KPI”: “Library cats” is not the name or id of a KPI in this workbook',
      'Line 3, column “Value”: “lots” is not a number',
      'Line 4, column “Period”: “Spring” is not a period in a form the workbench reads: write a financial year (2025/26), a half year (H1 2025/26), a quarter (Q2 2025/26), a month (March 2026) or a calendar year (2025)',
      `Line 6, column “Period”: repeats the result for “${a!.kpi.name}”, 2024/25 given on line 5`,
    ]);
  });

  it('refuses a file without the columns it needs, and an ambiguous KPI name', () => {
    const wb = fixture();
    const [a, b] = allKpis(wb);
    const r = check(wb, 'Name,When\nx,y\n');
    expect(r.ok ? [] : r.problems.map((p) => p.column)).toEqual(['KPI (name or id)', 'Period', 'Value']);
    b!.kpi.name = a!.kpi.name;
    const twice = check(wb, `KPI,Period,Value\n${a!.kpi.name},2025/26,1\n`);
    expect(twice.ok ? '' : describeProblem(twice.problems[0]!)).toContain('names 2 KPIs');
  });

  it('lists a row that would replace a result already recorded', () => {
    const wb = fixture();
    const [a] = allKpis(wb);
    addResult(wb, a!.kpi.id, { value: 10, period: parsePeriod('2024/25'), source: '', note: '', state: 'provisional' });
    const r = check(wb, `KPI,Period,Value\n${a!.kpi.name},2024/25,11\n`);
    expect(r.ok && r.rows[0]!.replaces?.value).toBe(10);
  });
});
