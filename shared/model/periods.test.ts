import { describe, expect, it } from 'vitest';
import { describePeriod, parsePeriod, PeriodSchema } from './periods';

const dates = (label: string) => {
  const p = parsePeriod(label);
  return [p.start, p.end];
};

describe('parsePeriod', () => {
  it('reads UK local government financial years (1 April to 31 March) however they are written', () => {
    for (const label of ['2023/24', '2023-24', '2023–24', '2023/2024', '2023 to 2024', '2023 - 24', 'FY 2023/24', 'Financial year 2023-24', 'year 2023/24'])
      expect(dates(label), label).toEqual(['2023-04-01', '2024-03-31']);
  });

  it('reads a financial year that crosses a century', () => {
    expect(dates('1999/00')).toEqual(['1999-04-01', '2000-03-31']);
    expect(dates('2099/00')).toEqual(['2099-04-01', '2100-03-31']);
  });

  it('does not mistake a span of several years for a financial year', () => {
    expect(dates('2023/25')).toEqual([null, null]);
    expect(dates('2024/23')).toEqual([null, null]);
    expect(dates('2023/2025')).toEqual([null, null]);
  });

  it('reads half years of a financial year, as six-monthly reports run', () => {
    expect(dates('H1 2025/26')).toEqual(['2025-04-01', '2025-09-30']);
    expect(dates('h2 FY 2025/26')).toEqual(['2025-10-01', '2026-03-31']);
    expect(dates('H3 2025/26')).toEqual([null, null]);
    expect(dates('H1 2025/27')).toEqual([null, null]);
  });

  it('reads financial quarters, with Q4 in the following calendar year', () => {
    expect(dates('Q1 2024/25')).toEqual(['2024-04-01', '2024-06-30']);
    expect(dates('Q2 2024/25')).toEqual(['2024-07-01', '2024-09-30']);
    expect(dates('Q3 2024/25')).toEqual(['2024-10-01', '2024-12-31']);
    expect(dates('Q4 2024/25')).toEqual(['2025-01-01', '2025-03-31']);
    expect(dates('q2 FY2024-25')).toEqual(['2024-07-01', '2024-09-30']);
    expect(dates('Q5 2024/25')).toEqual([null, null]);
    expect(dates('Q2 2024')).toEqual([null, null]);
  });

  it('reads calendar years and months, including leap years', () => {
    expect(dates('2024')).toEqual(['2024-01-01', '2024-12-31']);
    expect(dates('Calendar year 2023')).toEqual(['2023-01-01', '2023-12-31']);
    expect(dates('March 2015')).toEqual(['2015-03-01', '2015-03-31']);
    expect(dates('Feb 2024')).toEqual(['2024-02-01', '2024-02-29']);
    expect(dates('Sept 2023')).toEqual(['2023-09-01', '2023-09-30']);
    expect(dates('Ma 2023')).toEqual([null, null]);
  });

  it('reads ISO 8601 intervals as used in Arts Council England activity data', () => {
    expect(dates('2023-04-01/P3M')).toEqual(['2023-04-01', '2023-06-30']);
    expect(dates('2023-04-01/P1Y')).toEqual(['2023-04-01', '2024-03-31']);
    expect(dates('2024-01-01/P12M')).toEqual(['2024-01-01', '2024-12-31']);
  });

  it('keeps an impossible interval as a label instead of inventing dates', () => {
    for (const label of ['2023-13-01/P3M', '2023-02-30/P1M', '2023-04-00/P1M', '2023-04-01/P0M', '2023-04-01/P99999999Y', '0000-01-01/P1M']) {
      const p = parsePeriod(label);
      expect(p, label).toEqual({ label, start: null, end: null });
      expect(PeriodSchema.safeParse(p).success, label).toBe(true);
    }
  });

  it('keeps labels it cannot date, tidied of extra spaces', () => {
    expect(parsePeriod('  Autumn   term 2024 ')).toEqual({ label: 'Autumn term 2024', start: null, end: null });
    expect(parsePeriod('')).toEqual({ label: '', start: null, end: null });
    expect(parsePeriod('0000')).toEqual({ label: '0000', start: null, end: null });
  });

  it('always gives dates the period schema accepts', () => {
    for (const label of ['2023/24', 'Q4 2099/00', 'February 2100', '9998', '2024-02-29/P1Y']) {
      const parsed = PeriodSchema.safeParse(parsePeriod(label));
      expect(parsed.success, label).toBe(true);
    }
  });
});

describe('describePeriod', () => {
  it('gives the label with its dates in UK style', () => {
    expect(describePeriod(parsePeriod('2023/24'))).toBe('2023/24 (1 April 2023 to 31 March 2024)');
    expect(describePeriod(parsePeriod('Autumn term 2024'))).toBe('Autumn term 2024');
  });
});
