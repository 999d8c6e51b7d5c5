/** The Workshops step's commands go through the store: each is one undoable step, labelled, on current data. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../../../shared/model/workbook-schema';
import { loadSampleWorkbook } from '../../../../shared/samples/sample-workbook';
import { newActivity, newWorkshop } from '../../../../shared/workshop/operations';
import { useUiStore } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import {
  castBallot,
  changeGridText,
  chooseVoteOptions,
  enterPaperSheets,
  openVoting,
  park,
  removeParkedItem,
  renameActivity,
  revealResults,
} from './commands';

const store = useWorkbookStore.getState;
const workshop = () => store().workbook!.workshops.find((w) => w.id === 'wks_test')!;
const activity = <K extends Activity['kind']>(id: string, kind: K) => {
  const a = workshop().activities.find((x) => x.id === id);
  if (a?.kind !== kind) throw new Error(`no ${kind} ${id}`);
  return a as Extract<Activity, { kind: K }>;
};

beforeEach(() => {
  const r = loadSampleWorkbook();
  if (!r.ok) throw new Error(r.error.message);
  store().load(r.value, null);
  store().edit('Plan a workshop', (wb) => {
    const w = { ...newWorkshop({ title: 'Test session', date: null }), id: 'wks_test', participantCount: 3 };
    w.activities = [
      { ...newActivity('ideas'), id: 'act_ideas' },
      { ...newActivity('two-by-two'), id: 'act_grid' },
      { ...newActivity('dot-vote'), id: 'act_vote' },
    ];
    wb.workshops.push(w);
  });
});

describe('activity commands', () => {
  it('change only the activity with that id and kind, as one undoable step', () => {
    const steps = store().past.length;
    expect(changeGridText('wks_test', { id: 'act_grid', kind: 'two-by-two' }, 'yAxis', 'Reach')).toBe(true);
    expect(activity('act_grid', 'two-by-two').yAxis).toBe('Reach');
    expect(store().past.length).toBe(steps + 1);
    expect(store().undo()).toBe('Rename the vertical axis');
    expect(activity('act_grid', 'two-by-two').yAxis).not.toBe('Reach');
  });

  it('do nothing when the activity is gone or is of another kind', () => {
    const before = store().workbook;
    expect(changeGridText('wks_test', { id: 'act_gone', kind: 'two-by-two' }, 'yAxis', 'Reach')).toBe(false);
    expect(changeGridText('wks_test', { id: 'act_ideas', kind: 'two-by-two' }, 'yAxis', 'Reach')).toBe(false);
    expect(changeGridText('wks_gone', { id: 'act_grid', kind: 'two-by-two' }, 'yAxis', 'Reach')).toBe(false);
    expect(store().workbook).toBe(before);
  });

  it('merge typing into one undo step', () => {
    const steps = store().past.length;
    renameActivity('wks_test', 'act_ideas', 'Ideas');
    renameActivity('wks_test', 'act_ideas', 'Ideas for older readers');
    expect(store().past.length).toBe(steps + 1);
    expect(activity('act_ideas', 'ideas').title).toBe('Ideas for older readers');
  });
});

describe('voting commands', () => {
  const vote = { id: 'act_vote', kind: 'dot-vote' as const, title: 'Dot voting' };
  const options = ['obj_nsc_o33_digital', 'obj_nsc_o11a_loneliness', 'obj_nsc_o11_wellbeing'];

  it('refuse to open a vote with no options, leaving no undo step', () => {
    const steps = store().past.length;
    expect(openVoting('wks_test', vote).length).toBeGreaterThan(0);
    expect(activity('act_vote', 'dot-vote').votingOpen).toBe(false);
    expect(store().past.length).toBe(steps);
  });

  it('record a valid ballot and refuse a wrong one without an empty undo step', () => {
    chooseVoteOptions('wks_test', vote, options);
    expect(openVoting('wks_test', vote)).toEqual([]);
    const steps = store().past.length;
    const tooMany = options.map((optionId) => ({ optionId, amount: 50 }));
    expect(
      castBallot('wks_test', vote, { abstain: false, allocations: tooMany, participantId: null }),
    ).not.toEqual([]);
    expect(store().past.length).toBe(steps);
    const one = [{ optionId: options[0]!, amount: 1 }];
    expect(castBallot('wks_test', vote, { abstain: false, allocations: one, participantId: null })).toEqual(
      [],
    );
    expect(castBallot('wks_test', vote, { abstain: true, allocations: [], participantId: null })).toEqual([]);
    expect(activity('act_vote', 'dot-vote').ballots.map((b) => b.allocations.length)).toEqual([1, 0]);
    expect(store().past.length).toBe(steps + 2);
    expect(store().undo()).toBe('Record an abstention');
  });

  it('enter paper sheets all together or not at all, and none once revealed', () => {
    chooseVoteOptions('wks_test', vote, options);
    openVoting('wks_test', vote);
    expect(enterPaperSheets('wks_test', vote, '1: 1\n2: 9').recorded).toBe(0);
    expect(activity('act_vote', 'dot-vote').ballots).toEqual([]);
    expect(enterPaperSheets('wks_test', vote, '1: 1\n2: 2')).toEqual({ problems: [], recorded: 2 });
    expect(store().undo()).toBe('Enter 2 paper sheets');
    enterPaperSheets('wks_test', vote, '1: 1\n2: 2');
    revealResults('wks_test', vote);
    expect(enterPaperSheets('wks_test', vote, '3: 1').recorded).toBe(0);
    expect(activity('act_vote', 'dot-vote').ballots.map((b) => b.sheet)).toEqual([1, 2]);
  });
});

describe('park', () => {
  it('adds an open item, cut to 500 characters, says so, and can be removed', () => {
    park('Park a link for later', 'wks_test', 'x'.repeat(600));
    const [item] = workshop().parkingLot;
    expect(item).toMatchObject({ disposition: 'open', detail: '', owner: '' });
    expect(item!.text).toHaveLength(500);
    expect(useUiStore.getState().notices.map((n) => n.message)).toContain('Added to the parking lot.');
    removeParkedItem('wks_test', item!.id);
    expect(workshop().parkingLot).toEqual([]);
    expect(store().undo()).toBe('Remove a parked item');
    expect(store().undo()).toBe('Park a link for later');
    expect(workshop().parkingLot).toEqual([]);
  });
});
