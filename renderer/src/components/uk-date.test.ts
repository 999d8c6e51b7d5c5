import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatUkDate, parseUkDate } from './uk-date';

describe('parseUkDate', () => {
  it.each([
    ['31/03/2027', '2027-03-31'],
    ['1/4/2027', '2027-04-01'],
    ['31-03-2027', '2027-03-31'],
    ['31.03.2027', '2027-03-31'],
    [' 31 03 2027 ', '2027-03-31'],
    ['31032027', '2027-03-31'],
    ['29/02/2028', '2028-02-29'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseUkDate(text)).toEqual({ ok: true, iso });
  });

  it('reads an empty box as no date', () => {
    expect(parseUkDate('  ')).toEqual({ ok: true, iso: null });
  });

  it.each([
    ['31/04/2027', 'That month has 30 days'],
    ['29/02/2027', 'That month has 28 days'],
    ['12/13/2027', 'The month must be from 1 to 12'],
    ['03/31/2027', 'The month must be from 1 to 12'],
    ['31/03/27', 'four digits'],
    ['31/03/32027', 'four digits'],
    ['2027-03-31', 'day, month and year'],
    ['next Tuesday', 'day, month and year'],
    ['0/03/2027', 'That month has 31 days'],
  ])('refuses %s, saying what is wrong', (text, message) => {
    const r = parseUkDate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(message);
      expect(r.message).toContain('31/03/2027');
    }
  });

  it('reads back every date it writes', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseUkDate(formatUkDate(iso))).toEqual({ ok: true, iso });
      }),
    );
  });
});

describe('formatUkDate', () => {
  it('writes day, month, year', () => {
    expect(formatUkDate('2027-03-31')).toBe('31/03/2027');
    expect(formatUkDate(null)).toBe('');
  });
});
