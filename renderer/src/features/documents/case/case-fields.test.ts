import { describe, expect, it } from 'vitest';
import { readMoney } from './case-fields';

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
});
