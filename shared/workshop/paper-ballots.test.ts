import { describe, expect, it } from 'vitest';
import type { Activity } from '../model/workbook-schema';
import { newActivity, recordPaperSheets } from './operations';
import { parseSheetLine, parseSheets } from './paper-ballots';
import { dotTotals } from './dot-vote';
import { pointTotals } from './points';

type DotVote = Extract<Activity, { kind: 'dot-vote' }>;
type Points = Extract<Activity, { kind: 'points' }>;

const options = Array.from({ length: 22 }, (_, i) => `idea_${i + 1}`);

function dots(patch: Partial<DotVote> = {}): DotVote {
  return {
    ...(newActivity('dot-vote') as DotVote),
    optionIds: options,
    budget: 4,
    maxPerOption: 2,
    votingOpen: true,
    ...patch,
  };
}

describe('typing in a paper sheet by its number', () => {
  it('reads “16: 3 5 5 9” as sheet 16 with one dot on 3, two on 5 and one on 9', () => {
    const r = parseSheetLine('16: 3 5 5 9', dots());
    expect(r).toEqual({
      ok: true,
      line: 1,
      sheet: {
        sheet: 16,
        allocations: [
          { optionId: 'idea_3', amount: 1 },
          { optionId: 'idea_5', amount: 2 },
          { optionId: 'idea_9', amount: 1 },
        ],
      },
    });
    // The same sheet written other ways.
    for (const text of ['16:3,5,5,9', 'Sheet 16: 3 5x2 9', '16. 9 5 × 2 3', '16) 3; 5*2; 9'])
      expect(parseSheetLine(text, dots())).toMatchObject({ ok: true, sheet: { sheet: 16 } });
    // A sheet with no marks is an abstention.
    expect(parseSheetLine('4:', dots())).toMatchObject({ ok: true, sheet: { sheet: 4, allocations: [] } });
    expect(parseSheetLine('   ', dots())).toBeNull();
  });

  it('checks each sheet against the budget and the cap, naming the line, sheet and option', () => {
    expect(parseSheetLine('16: 3 5 5 9 10', dots(), 3)).toEqual({
      ok: false,
      line: 3,
      problems: ['Line 3, sheet 16: 5 dots used; each person has 4.'],
    });
    expect(parseSheetLine('2: 7 7 7', dots())).toMatchObject({
      ok: false,
      problems: ['Line 1, sheet 2: option 7 has 3 dots; the most on one option is 2.'],
    });
    expect(parseSheetLine('2: 23', dots())).toMatchObject({
      ok: false,
      problems: ['Line 1, sheet 2: there is no option 23 (the options are numbered 1 to 22).'],
    });
    expect(parseSheetLine('2: 3 five', dots())).toMatchObject({
      ok: false,
      problems: ['Line 1, sheet 2: “five” is not an option number.'],
    });
    expect(parseSheetLine('3 5 5 9', dots())).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('start with the sheet number and a colon')],
    });
  });

  it('gives points with “=” in a points vote, and they must add up to the total', () => {
    const p: Points = { ...(newActivity('points') as Points), optionIds: options, votingOpen: true };
    expect(parseSheetLine('7: 1=60 2=40', p)).toMatchObject({ ok: true, sheet: { sheet: 7 } });
    expect(parseSheetLine('7: 1=60 2=30', p)).toMatchObject({
      ok: false,
      problems: ['Line 1, sheet 7: 10 points still to place: the points must add up to 100.'],
    });
  });

  it('never counts a sheet twice, and records a batch whole or not at all', () => {
    const v = dots();
    expect(recordPaperSheets(v, '1: 1 2 3 4\n2: 1 1 5\n\n3:')).toEqual({ problems: [], recorded: 3 });
    expect(v.ballots.map((b) => [b.sheet, b.participantId])).toEqual([
      [1, null],
      [2, null],
      [3, null],
    ]);
    expect(dotTotals(v).get('idea_1')).toBe(3);
    const before = structuredClone(v.ballots);
    expect(recordPaperSheets(v, '4: 6\n2: 7\n5: 8\n5: 9')).toEqual({
      problems: ['Line 2: sheet 2 is already entered.', 'Line 4: sheet 5 is also on line 3.'],
      recorded: 0,
    });
    expect(v.ballots).toEqual(before);
    expect(parseSheets('\n\n', v).problems).toEqual(['Type at least one sheet, as in “16: 3 5 5 9”.']);
    expect(recordPaperSheets({ ...v, votingOpen: false }, '9: 1').problems).toEqual([
      'Voting has not been opened yet.',
    ]);
  });

  it('takes 20 sheets of a 22-option vote typed as a facilitator would', () => {
    const v = dots({ budget: 5, maxPerOption: 5 });
    const lines = Array.from(
      { length: 20 },
      (_, i) => `${i + 1}: ${[1, 2, 3, 4, 5].map((k) => ((i + k * 3) % 22) + 1).join(' ')}`,
    );
    expect(recordPaperSheets(v, lines.join('\n'))).toEqual({ problems: [], recorded: 20 });
    expect([...dotTotals(v).values()].reduce((a, b) => a + b, 0)).toBe(100);
    const p: Points = { ...(newActivity('points') as Points), optionIds: ['a', 'b'], votingOpen: true };
    recordPaperSheets(p, '1: 1=70 2=30');
    expect(pointTotals(p).get('a')).toBe(70);
  });
});
