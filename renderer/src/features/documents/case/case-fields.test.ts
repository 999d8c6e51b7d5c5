import { describe, expect, it } from 'vitest';
import { setAmount } from './AppraisalForm';
import { readMoney, readUkDate, ukDate } from './case-fields';
import { startingCase } from './BusinessCaseForms';

describe('business case inputs', () => {
  it('reads amounts as officers type them, and refuses what is not an amount', () => {
    expect(['£85,000', '85000', '85k', '£1.2m', ' 12.5 ', ''].map(readMoney)).toEqual([
      { ok: true, value: 85_000 },
      { ok: true, value: 85_000 },
      { ok: true, value: 85_000 },
      { ok: true, value: 1_200_000 },
      { ok: true, value: 12.5 },
      { ok: true, value: 0 },
    ]);
    expect(readMoney('lots')).toEqual({ ok: false, message: 'Enter an amount such as £85,000 or 85k' });
    expect(readMoney('-5')).toEqual({ ok: false, message: 'Enter an amount of £0 or more' });
  });

  it('reads UK dates and refuses a day that does not exist', () => {
    expect(readUkDate('7/9/2026')).toEqual({ ok: true, value: '2026-09-07' });
    expect(readUkDate('29/02/2028')).toEqual({ ok: true, value: '2028-02-29' });
    expect(readUkDate('')).toEqual({ ok: true, value: null });
    expect(readUkDate('29/02/2027')).toEqual({ ok: false, message: 'That date does not exist: check the day and month' });
    expect(readUkDate('2026-09-07')).toEqual({ ok: false, message: 'Enter a date as day/month/year, such as 28/11/2026' });
    expect(ukDate('2026-09-07')).toBe('07/09/2026');
    expect(ukDate(null)).toBe('');
  });

  it('sets one year’s amount, padding earlier years and trimming trailing nothing', () => {
    const amounts: number[] = [];
    setAmount(amounts, 2, 500);
    expect(amounts).toEqual([0, 0, 500]);
    setAmount(amounts, 2, 0);
    expect(amounts).toEqual([]);
  });

  it('starts a case from next April with the standard factors and the four short-list places', () => {
    const bc = startingCase(new Date(2026, 11, 7));
    expect(bc.appraisal.firstYear).toBe(2027);
    expect(bc.appraisal.priceBase).toBe('2027/28 prices');
    expect(startingCase(new Date(2026, 1, 7)).appraisal.firstYear).toBe(2026);
    expect(bc.appraisal.criteria.map((c) => c.label)).toHaveLength(5);
    expect(bc.appraisal.options.map((o) => o.role)).toEqual(['business-as-usual', 'do-minimum', 'preferred', 'alternative']);
  });
});
