import { describe, expect, it } from 'vitest';
import { parseMeasuredText } from './measured-text';

describe('a figure typed with its period', () => {
  it('takes the value and the period in one go, as plans print them', () => {
    expect(parseMeasuredText('18.1 (2018-20)')).toEqual({ ok: true, value: 18.1, period: '2018-20' });
    expect(parseMeasuredText('1,250, 2023/24')).toEqual({ ok: true, value: 1250, period: '2023/24' });
    expect(parseMeasuredText('45% in 2024/25')).toEqual({ ok: true, value: 45, period: '2024/25' });
    expect(parseMeasuredText('63.2 2021/22')).toEqual({ ok: true, value: 63.2, period: '2021/22' });
    expect(parseMeasuredText('£12,400 for Q2 2024/25')).toEqual({ ok: true, value: 12400, period: 'Q2 2024/25' });
  });

  it('takes a number alone, and empty when allowed', () => {
    expect(parseMeasuredText('18.1')).toEqual({ ok: true, value: 18.1, period: null });
    expect(parseMeasuredText(' 3,500 ')).toEqual({ ok: true, value: 3500, period: null });
    expect(parseMeasuredText('', { allowEmpty: true })).toEqual({ ok: true, value: null, period: null });
    expect(parseMeasuredText('').ok).toBe(false);
  });

  it('refuses text that does not start with a number, saying what it accepts', () => {
    for (const bad of ['about 18', '(2018-20)', 'eighteen (2018-20)', '18.1.2 (2018)'])
      expect(parseMeasuredText(bad), bad).toEqual({ ok: false, message: 'Enter a number, with its period if you like: for example 18.1, or 18.1 (2018-20)' });
  });
});
