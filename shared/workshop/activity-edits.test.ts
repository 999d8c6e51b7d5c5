import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../model/workbook-format';
import type { Workbook } from '../model/workbook-schema';
import {
  addIdea,
  agreeLink,
  chooseBudgetPreset,
  chooseGridItems,
  editIdea,
  enterTotals,
  setDotBudget,
  setDotCap,
  setGridText,
  setPointsCap,
  setPointsTotal,
  setVoteOptions,
  type IdeasActivity,
  type PointsVote,
} from './activity-edits';
import { budgetFor, checkTotals, type DotVote } from './dot-vote';
import { newActivity } from './operations';
import { axesProblems, place, type TwoByTwo } from './two-by-two';
import { agreedProposals, type WalkTheMap } from './walk-the-map';
import { sampleWithWorkshop } from './test-workbook';

function expectValid(wb: Workbook) {
  const r = validateWorkbook(JSON.parse(JSON.stringify(wb)));
  expect(r.ok ? [] : (r.error.issues ?? [r.error.message])).toEqual([]);
}

describe('ideas', () => {
  it('keeps who suggested an idea only in a named workshop', () => {
    const { wb, w } = sampleWithWorkshop();
    const ideas = newActivity('ideas') as IdeasActivity;
    w.activities.push(ideas);
    const init = {
      text: '  Tablet loans  ',
      group: ' Digital ',
      targetId: 'obj_nsc_o33_digital',
      author: 'Dr Marsh',
    };
    w.anonymity = 'anonymous';
    expect(addIdea(ideas, w, init)).toMatchObject({ text: 'Tablet loans', group: 'Digital', author: '' });
    w.anonymity = 'named';
    expect(addIdea(ideas, w, init)?.author).toBe('Dr Marsh');
    expect(addIdea(ideas, w, { ...init, text: '   ' })).toBeNull();
    expect(addIdea(ideas, w, { ...init, text: 'Not about anything', targetId: '' })?.targetId).toBeNull();
    expect(ideas.ideas).toHaveLength(3);
    expectValid(wb);
  });

  it('rewords and regroups only the idea named', () => {
    const { w } = sampleWithWorkshop();
    const ideas = newActivity('ideas') as IdeasActivity;
    const a = addIdea(ideas, w, { text: 'One', group: '', targetId: null, author: '' })!;
    addIdea(ideas, w, { text: 'Two', group: '', targetId: null, author: '' });
    editIdea(ideas, a.id, { text: 'One, reworded', group: 'Health' });
    editIdea(ideas, 'ide_gone', { text: 'Nothing' });
    expect(ideas.ideas.map((i) => [i.text, i.group])).toEqual([
      ['One, reworded', 'Health'],
      ['Two', ''],
    ]);
  });
});

describe('setting up a vote', () => {
  it('follows a budget rule and keeps the cap within the budget', () => {
    const v = newActivity('dot-vote') as DotVote;
    v.optionIds = Array.from({ length: 12 }, (_, i) => `obj_${i}`);
    v.maxPerOption = 10;
    chooseBudgetPreset(v, 'n-over-4');
    expect(v.budget).toBe(budgetFor(12, 'n-over-4'));
    expect(v.budgetPreset).toBe('n-over-4');
    expect(v.maxPerOption).toBe(v.budget);
  });

  it('holds typed budgets and caps to whole numbers within the schema, dropping the rule', () => {
    const v = newActivity('dot-vote') as DotVote;
    chooseBudgetPreset(v, 'n-over-3');
    setDotBudget(v, 7.4);
    expect([v.budget, v.budgetPreset]).toEqual([7, null]);
    setDotBudget(v, 500);
    expect(v.budget).toBe(100);
    setDotBudget(v, null);
    expect(v.budget).toBe(1);
    setDotCap(v, 0);
    expect(v.maxPerOption).toBe(1);

    const p = newActivity('points') as PointsVote;
    setPointsTotal(p, null);
    expect(p.total).toBe(100);
    setPointsTotal(p, 5_000);
    expect(p.total).toBe(1_000);
    setPointsCap(p, 40.2);
    expect(p.maxPerOption).toBe(40);
    setPointsCap(p, null);
    expect(p.maxPerOption).toBeNull();
  });

  it('records counted totals as checked, with the number of voters', () => {
    const { wb, w } = sampleWithWorkshop();
    const v = newActivity('dot-vote') as DotVote;
    w.activities.push(v);
    setVoteOptions(v, ['obj_nsc_o33_digital', 'obj_nsc_o11a_loneliness']);
    v.mode = 'totals';
    const totals = [
      { optionId: 'obj_nsc_o33_digital', amount: 9 },
      { optionId: 'obj_nsc_o11a_loneliness', amount: 3 },
    ];
    expect(checkTotals(v, totals, 4).ok).toBe(true);
    enterTotals(v, totals, 4);
    expect(v.totals).toEqual(totals);
    expect(v.paperVoters).toBe(4);
    expectValid(wb);
  });
});

describe('the 2×2 grid', () => {
  it('takes items no longer chosen off the grid', () => {
    const g = newActivity('two-by-two') as TwoByTwo;
    chooseGridItems(g, ['a', 'b', 'c']);
    place(g, 'a', { x: 0.1, y: 0.9 });
    place(g, 'c', { x: 0.9, y: 0.1 });
    chooseGridItems(g, ['c', 'd']);
    expect(g.optionIds).toEqual(['c', 'd']);
    expect(g.placements.map((p) => p.optionId)).toEqual(['c']);
  });

  it('names and defines the axes', () => {
    const g = newActivity('two-by-two') as TwoByTwo;
    setGridText(g, 'yAxis', 'Reach');
    setGridText(g, 'yDefinition', 'How many residents it reaches');
    setGridText(g, 'xAxis', 'Effort');
    setGridText(g, 'xDefinition', 'Money, staff time and lead time');
    expect(g).toMatchObject({ yAxis: 'Reach', xAxis: 'Effort' });
    expect(axesProblems(g)).toEqual([]);
  });
});

describe('walking the map', () => {
  it('agrees a link already on the map as it stands, and refuses one with no reason', () => {
    const { wb, w } = sampleWithWorkshop();
    const walk = newActivity('walk-the-map') as WalkTheMap;
    w.activities.push(walk);
    const link = wb.alignments.find((a) => a.strength > 0 && a.rationale.trim())!;
    expect(agreeLink(walk, wb, link.serviceId, link.objectiveId, true)).toBe(true);
    expect(agreedProposals(walk)).toEqual([
      expect.objectContaining({
        serviceId: link.serviceId,
        strength: link.strength,
        rationale: link.rationale,
      }),
    ]);
    expect(agreeLink(walk, wb, link.serviceId, link.objectiveId, false)).toBe(true);
    expect(agreedProposals(walk)).toEqual([]);

    const unlinked = wb.services.find(
      (s) => !wb.alignments.some((a) => a.serviceId === s.id && a.objectiveId === link.objectiveId),
    )!;
    walk.proposals.push({
      serviceId: unlinked.id,
      objectiveId: link.objectiveId,
      strength: 2,
      rationale: '',
      objections: '',
      agreed: false,
      confidence: 'medium',
    });
    expect(agreeLink(walk, wb, unlinked.id, link.objectiveId, true)).toBe(false);
    expect(agreedProposals(walk)).toEqual([]);
    expectValid(wb);
  });
});
