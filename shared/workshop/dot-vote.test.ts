import { describe, expect, it } from 'vitest';
import { newActivity } from './operations';
import {
  budgetFor,
  budgetRationale,
  checkBallot,
  checkTotals,
  describeDotVote,
  dotTotals,
  isSetupLocked,
  openVotingProblems,
  progressText,
  rankDotVote,
  revoteActivity,
  visibleVote,
  voterCount,
  type DotVote,
} from './dot-vote';
import { rankLabel, rankOptions } from './ranking';

function vote(options: string[], patch: Partial<DotVote> = {}): DotVote {
  const a = newActivity('dot-vote') as DotVote;
  return { ...a, optionIds: options, ...patch };
}

describe('dot budgets', () => {
  it('follows the N/3 rule, clamped to 3–10 dots', () => {
    expect([3, 6, 9, 12, 15, 30, 31, 60, 200].map((n) => budgetFor(n, 'n-over-3'))).toEqual([
      3, 3, 3, 4, 5, 10, 10, 10, 10,
    ]);
  });

  it('offers N/4 and 18F presets that scale differently', () => {
    expect([4, 8, 16, 40, 80].map((n) => budgetFor(n, 'n-over-4'))).toEqual([2, 2, 4, 10, 10]);
    expect([5, 12, 13, 20, 21, 100].map((n) => budgetFor(n, '18f'))).toEqual([3, 3, 4, 4, 5, 5]);
  });

  it('explains the budget in the words the facilitator reads out', () => {
    expect(budgetRationale(12, 'n-over-3')).toBe('12 options → 4 dots each (N/3 rule)');
    expect(budgetRationale(1, '18f')).toBe('1 option → 3 dots each (18F: 3 to 5 dots)');
  });

  it('is frozen once voting opens or anything is recorded', () => {
    const v = vote(['a', 'b', 'c']);
    expect(isSetupLocked(v)).toBe(false);
    expect(isSetupLocked({ ...v, votingOpen: true })).toBe(true);
    expect(isSetupLocked({ ...v, totals: [{ optionId: 'a', amount: 2 }] })).toBe(true);
    expect(
      isSetupLocked({ ...v, ballots: [{ id: 'blt_1', participantId: null, sheet: null, allocations: [] }] }),
    ).toBe(true);
  });

  it('will not open with fewer than two options, duplicates, or a cap above the budget', () => {
    expect(openVotingProblems(vote(['a']))).toEqual(['Add at least two options to vote on.']);
    expect(openVotingProblems(vote(['a', 'a']))).toEqual(['An option appears twice; remove the duplicate.']);
    expect(openVotingProblems(vote(['a', 'b'], { budget: 2, maxPerOption: 3 }))[0]).toMatch(
      /more than the budget/,
    );
    expect(openVotingProblems(vote(['a', 'b'], { budget: 3, maxPerOption: 3 }))).toEqual([]);
  });
});

describe('ballots', () => {
  const v = vote(['a', 'b', 'c'], { budget: 4, maxPerOption: 2 });
  const label = (id: string) => id.toUpperCase();

  it('accepts dots within the budget and the cap, and counts what is left', () => {
    expect(
      checkBallot(v, [
        { optionId: 'a', amount: 2 },
        { optionId: 'b', amount: 1 },
      ]),
    ).toEqual({ ok: true, problems: [], used: 3, remaining: 1 });
  });

  it('accepts an empty ballot as an abstention', () => {
    expect(checkBallot(v, []).ok).toBe(true);
  });

  it('refuses too many dots in all, too many on one option, fractions, negatives and unknown options, saying which', () => {
    expect(
      checkBallot(
        v,
        [
          { optionId: 'a', amount: 2 },
          { optionId: 'b', amount: 2 },
          { optionId: 'c', amount: 1 },
        ],
        label,
      ).problems,
    ).toEqual(['5 dots used; each person has 4.']);
    expect(checkBallot(v, [{ optionId: 'a', amount: 3 }], label).problems).toEqual([
      '“A” has 3 dots; the most on one option is 2.',
    ]);
    expect(checkBallot(v, [{ optionId: 'a', amount: 1.5 }], label).problems).toEqual([
      '“A”: dots must be a whole number, 0 or more.',
    ]);
    expect(checkBallot(v, [{ optionId: 'a', amount: -1 }], label).ok).toBe(false);
    expect(checkBallot(v, [{ optionId: 'z', amount: 1 }], label).problems).toEqual([
      '“Z” is not one of the options in this vote.',
    ]);
    expect(
      checkBallot(
        v,
        [
          { optionId: 'a', amount: 1 },
          { optionId: 'a', amount: 1 },
        ],
        label,
      ).problems,
    ).toEqual(['“A” is listed twice on the ballot.']);
  });

  it('checks paper-wall totals against what the voters could have placed', () => {
    expect(
      checkTotals(
        v,
        [
          { optionId: 'a', amount: 10 },
          { optionId: 'b', amount: 6 },
        ],
        5,
      ).ok,
    ).toBe(true);
    expect(checkTotals(v, [{ optionId: 'a', amount: 11 }], 5, label).problems).toEqual([
      '“A” has 11 dots, more than 5 voters could give it (2 each at most).',
    ]);
    expect(
      checkTotals(
        v,
        [
          { optionId: 'a', amount: 10 },
          { optionId: 'b', amount: 10 },
          { optionId: 'c', amount: 1 },
        ],
        5,
      ).problems,
    ).toEqual(['21 dots counted in all, more than 5 voters with 4 dots each could place (20).']);
    // Without a head count only the numbers themselves are checked.
    expect(checkTotals(v, [{ optionId: 'a', amount: 400 }], null).ok).toBe(true);
  });
});

describe('totals, ranking and ties', () => {
  const ballots = (rows: Array<Record<string, number>>) =>
    rows.map((r, i) => ({
      id: `blt_${i}`,
      participantId: null,
      sheet: null,
      allocations: Object.entries(r).map(([optionId, amount]) => ({ optionId, amount })),
    }));

  it('sums ballots per option, counting abstentions as voters', () => {
    const v = vote(['a', 'b', 'c'], { ballots: ballots([{ a: 2, b: 1 }, { a: 1, c: 2 }, {}]) });
    expect([...dotTotals(v)]).toEqual([
      ['a', 3],
      ['b', 1],
      ['c', 2],
    ]);
    expect(voterCount(v)).toBe(3);
  });

  it('uses the counted totals in paper-wall mode, with the head count given', () => {
    const v = vote(['a', 'b'], {
      mode: 'totals',
      totals: [{ optionId: 'b', amount: 7 }],
      paperVoters: 9,
      ballots: ballots([{ a: 3 }]),
    });
    expect([...dotTotals(v)]).toEqual([
      ['a', 0],
      ['b', 7],
    ]);
    expect(voterCount(v)).toBe(9);
  });

  it('ranks with shared places for ties and reports every tie', () => {
    const r = rankOptions(
      ['a', 'b', 'c', 'd', 'e'],
      new Map([
        ['a', 5],
        ['b', 7],
        ['c', 5],
        ['d', 2],
        ['e', 0],
      ]),
    );
    expect(r.rows.map((x) => [x.optionId, x.rank, x.tied])).toEqual([
      ['b', 1, false],
      ['a', 2, true],
      ['c', 2, true],
      ['d', 4, false],
      ['e', 5, false],
    ]);
    expect(r.ties).toEqual([['a', 'c']]);
    expect(rankLabel(r.rows[1]!)).toBe('joint 2nd');
    expect(rankLabel(r.rows[3]!)).toBe('4th');
    expect(
      ['1st', '2nd', '3rd', '11th', '12th', '13th', '21st', '22nd'].map((_, i) =>
        rankLabel({ rank: [1, 2, 3, 11, 12, 13, 21, 22][i]!, tied: false }),
      ),
    ).toEqual(['1st', '2nd', '3rd', '11th', '12th', '13th', '21st', '22nd']);
  });

  it('offers a re-vote on items tied for first place', () => {
    const r = rankOptions(
      ['a', 'b', 'c'],
      new Map([
        ['a', 6],
        ['b', 6],
        ['c', 1],
      ]),
    );
    expect(r.revoteCandidates).toEqual(['a', 'b']);
  });

  it('offers a re-vote on a tie straddling the top-three cut, but not on a settled top', () => {
    const straddle = rankOptions(
      ['a', 'b', 'c', 'd', 'e'],
      new Map([
        ['a', 9],
        ['b', 8],
        ['c', 4],
        ['d', 4],
        ['e', 1],
      ]),
    );
    expect(straddle.revoteCandidates).toEqual(['c', 'd']);
    const settled = rankOptions(
      ['a', 'b', 'c', 'd', 'e'],
      new Map([
        ['a', 9],
        ['b', 8],
        ['c', 5],
        ['d', 1],
        ['e', 1],
      ]),
    );
    expect(settled.revoteCandidates).toEqual([]);
    expect(settled.ties).toEqual([['d', 'e']]);
  });

  it('does not call zero votes a tie worth re-voting', () => {
    const r = rankOptions(['a', 'b'], new Map());
    expect(r.revoteCandidates).toEqual([]);
    expect(r.ties).toEqual([]);
  });

  it('builds the re-vote with only the tied items, a fresh ballot box and a link back', () => {
    const v = vote(['a', 'b', 'c'], {
      budget: 3,
      maxPerOption: 3,
      votingOpen: false,
      revealed: true,
      ballots: ballots([{ a: 3 }, { b: 3 }]),
    });
    const again = revoteActivity(v, ['a', 'b']);
    expect(again).toMatchObject({
      kind: 'dot-vote',
      optionIds: ['a', 'b'],
      ballots: [],
      revealed: false,
      votingOpen: false,
      revoteOf: v.id,
      budget: 1,
      maxPerOption: 1,
    });
    expect(again.id).not.toBe(v.id);
    expect(again.title).toBe(`Re-vote: ${v.title}`);
    expect(rankDotVote(v).revoteCandidates).toEqual(['a', 'b']);
  });
});

describe('blind until reveal', () => {
  it('shows the room only how many ballots are in before the reveal', () => {
    const v = vote(['a', 'b'], {
      votingOpen: true,
      ballots: [
        { id: 'blt_1', participantId: 'ppt_x', sheet: null, allocations: [{ optionId: 'a', amount: 3 }] },
      ],
    });
    const seen = visibleVote(v, 12);
    expect(seen).toEqual({ revealed: false, ballotsIn: 1, expected: 12 });
    expect(JSON.stringify(seen)).not.toContain('ppt_x');
    expect(progressText(7, 12)).toBe('7 of 12 voted');
    expect(progressText(1, 0)).toBe('1 ballot in');
  });

  it('shows every total at once after the reveal', () => {
    const v = vote(['a', 'b'], {
      revealed: true,
      ballots: [
        { id: 'blt_1', participantId: null, sheet: null, allocations: [{ optionId: 'b', amount: 2 }] },
      ],
    });
    const seen = visibleVote(v, 12);
    expect(seen.revealed && seen.ranking.rows.map((r) => [r.optionId, r.amount])).toEqual([
      ['b', 2],
      ['a', 0],
    ]);
  });

  it('describes the method for the report and priorities', () => {
    const v = vote(['a', 'b'], {
      budget: 4,
      maxPerOption: 2,
      ballots: [{ id: 'blt_1', participantId: null, sheet: null, allocations: [] }],
    });
    expect(describeDotVote(v)).toBe(
      'Dot vote (4 dots each, at most 2 on one option, secret ballots, 1 voter)',
    );
    expect(describeDotVote({ ...v, mode: 'totals', paperVoters: 14 })).toBe(
      'Dot vote (4 dots each, at most 2 on one option, counted from a paper wall, 14 voters)',
    );
  });
});
