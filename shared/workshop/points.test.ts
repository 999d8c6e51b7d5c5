import { describe, expect, it } from 'vitest';
import { newActivity } from './operations';
import {
  checkAllocation,
  describePoints,
  openPointsProblems,
  pointShares,
  pointsSetupWarnings,
  rankPoints,
  type PointsActivity,
} from './points';

const options = (n: number) => Array.from({ length: n }, (_, i) => `o${i + 1}`);
function points(optionIds: string[], patch: Partial<PointsActivity> = {}): PointsActivity {
  return { ...(newActivity('points') as PointsActivity), optionIds, ...patch };
}

describe('100-point allocation', () => {
  it('must add up to exactly the total', () => {
    const a = points(['a', 'b', 'c']);
    expect(
      checkAllocation(a, [
        { optionId: 'a', amount: 60 },
        { optionId: 'b', amount: 40 },
      ]),
    ).toEqual({ ok: true, problems: [], used: 100, remaining: 0 });
    expect(checkAllocation(a, [{ optionId: 'a', amount: 60 }]).problems).toEqual([
      '40 points still to place: the points must add up to 100.',
    ]);
    expect(
      checkAllocation(a, [
        { optionId: 'a', amount: 60 },
        { optionId: 'b', amount: 50 },
      ]).problems,
    ).toEqual(['10 points too many: the points must add up to 100.']);
    expect(checkAllocation(a, []).ok).toBe(false);
  });

  it('respects a per-option cap and refuses fractions, naming the option', () => {
    const a = points(['a', 'b', 'c', 'd', 'e'], { maxPerOption: 25 });
    const label = (id: string) => `Option ${id}`;
    expect(
      checkAllocation(
        a,
        [
          { optionId: 'a', amount: 30 },
          { optionId: 'b', amount: 25 },
          { optionId: 'c', amount: 25 },
          { optionId: 'd', amount: 20 },
        ],
        label,
      ).problems,
    ).toEqual(['“Option a” has 30 points; the most on one option is 25.']);
    expect(
      checkAllocation(
        a,
        [
          { optionId: 'a', amount: 50.5 },
          { optionId: 'b', amount: 49.5 },
        ],
        label,
      ).problems,
    ).toEqual([
      '“Option a”: points must be a whole number, 0 or more.',
      '“Option b”: points must be a whole number, 0 or more.',
    ]);
  });

  it('works for totals other than 100', () => {
    const a = points(['a', 'b'], { total: 10 });
    expect(
      checkAllocation(a, [
        { optionId: 'a', amount: 7 },
        { optionId: 'b', amount: 3 },
      ]).ok,
    ).toBe(true);
  });

  it('warns above 20 options and when the cap makes the total unreachable', () => {
    expect(pointsSetupWarnings(points(options(20)))).toEqual([]);
    expect(pointsSetupWarnings(points(options(21)))[0]).toMatch(
      /^21 options is a lot to share 100 points across/,
    );
    expect(pointsSetupWarnings(points(options(3), { maxPerOption: 25 }))).toEqual([
      'With at most 25 on each of 3 options, nobody can place all 100 points. Raise the cap or add options.',
    ]);
    expect(openPointsProblems(points(options(3), { maxPerOption: 25 }))).toHaveLength(1);
    expect(openPointsProblems(points(options(4), { maxPerOption: 25 }))).toEqual([]);
  });

  it('totals, ranks with ties and gives shares of everything placed', () => {
    const a = points(['a', 'b', 'c'], {
      ballots: [
        {
          id: 'blt_1',
          participantId: null,
          sheet: null,
          allocations: [
            { optionId: 'a', amount: 50 },
            { optionId: 'b', amount: 50 },
          ],
        },
        {
          id: 'blt_2',
          participantId: null,
          sheet: null,
          allocations: [
            { optionId: 'a', amount: 30 },
            { optionId: 'b', amount: 30 },
            { optionId: 'c', amount: 40 },
          ],
        },
      ],
    });
    const r = rankPoints(a);
    expect(r.rows.map((x) => [x.optionId, x.amount, x.rank])).toEqual([
      ['a', 80, 1],
      ['b', 80, 1],
      ['c', 40, 3],
    ]);
    expect(r.revoteCandidates).toEqual(['a', 'b']);
    expect([...pointShares(a)]).toEqual([
      ['a', 40],
      ['b', 40],
      ['c', 20],
    ]);
    expect(describePoints(a)).toBe('100-point allocation (100 points each, secret ballots, 2 voters)');
  });
});
