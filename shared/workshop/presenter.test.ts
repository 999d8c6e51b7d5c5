import { describe, expect, it } from 'vitest';
import { newId } from '../model/ids';
import type { Activity } from '../model/workbook-schema';
import type { DotVote } from './dot-vote';
import { newActivity, openVoting, recordBallot, reveal } from './operations';
import { buildPresenterState, buildScreen, presenterViewKey } from './presenter';
import { PresenterStateSchema } from './presenter-state';
import { sampleWithWorkshop } from './test-workbook';
import { place, type TwoByTwo } from './two-by-two';
import { propose, setAgreed, type WalkTheMap } from './walk-the-map';

const PRIVATE = ['FACILITATOR-NOTE', 'Dr Secret Author', 'Cllr Named Voter', 'OBJECTION-TEXT'];

function session() {
  const { wb, w } = sampleWithWorkshop();
  w.anonymity = 'named';
  w.purpose = 'Agree where libraries help the Council Plan.';
  w.whoDecides = 'Cabinet, in April';
  const voter = { id: newId('participant'), name: 'Cllr Named Voter', organisation: 'Council', role: '' };
  w.participants.push(voter, {
    id: newId('participant'),
    name: 'Someone else',
    organisation: 'ICB',
    role: '',
  });
  const ideas = newActivity('ideas') as Extract<Activity, { kind: 'ideas' }>;
  ideas.notes = 'FACILITATOR-NOTE';
  ideas.scope.objectiveIds = ['obj_nsc_o33_digital'];
  for (let i = 1; i <= 11; i++)
    ideas.ideas.push({
      id: newId('idea'),
      text: `Idea ${i}`,
      group: i <= 3 ? 'Digital' : '',
      targetId: 'obj_nsc_o33_digital',
      author: 'Dr Secret Author',
      becameId: null,
    });
  const vote = newActivity('dot-vote') as DotVote;
  vote.notes = 'FACILITATOR-NOTE';
  vote.anonymous = false;
  vote.optionIds = ['obj_nsc_o33_digital', 'obj_nsc_o22_reading', 'svc_nsc_bipc'];
  const grid = newActivity('two-by-two') as TwoByTwo;
  grid.optionIds = ['svc_nsc_bipc', 'svc_nsc_wifi'];
  place(grid, 'svc_nsc_bipc', { x: 0.8, y: 0.9 });
  const walk = newActivity('walk-the-map') as WalkTheMap;
  walk.scope.objectiveIds = ['obj_nsc_o33_digital', 'obj_nsc_o22_reading'];
  propose(walk, wb, 'svc_nsc_wifi', 'obj_nsc_o33_digital', {
    strength: 3,
    rationale: 'Free Wi-Fi in every library',
    objections: 'OBJECTION-TEXT',
  });
  setAgreed(walk, 'svc_nsc_wifi', 'obj_nsc_o33_digital', true);
  w.activities.push(ideas, vote, grid, walk);
  openVoting(vote);
  recordBallot(vote, w, [{ optionId: 'obj_nsc_o33_digital', amount: 3 }], voter.id);
  return { wb, w, ideas, vote, grid, walk };
}

function expectNothingPrivate(value: unknown) {
  const json = JSON.stringify(value);
  for (const secret of PRIVATE) expect(json).not.toContain(secret);
}

describe('the presenter view', () => {
  it('shows no notes, authors, voters or objections on any screen, and is valid for the IPC boundary', () => {
    const { wb, w } = session();
    const views = [
      { screen: 'welcome' as const },
      { screen: 'agenda' as const },
      { screen: 'parking-lot' as const },
      { screen: 'decisions' as const },
      { screen: 'actions' as const },
      ...w.activities.map((a) => ({ screen: 'activity' as const, activityId: a.id })),
    ];
    for (const view of views) {
      const state = buildPresenterState(wb, w.id, view, { held: false, timer: null });
      expect(PresenterStateSchema.safeParse(state).success, view.screen).toBe(true);
      expectNothingPrivate(state);
    }
  });

  it('shows only the ballot count before the reveal, and every total after it', () => {
    const { wb, w, vote } = session();
    const before = buildScreen(wb, w, { screen: 'activity', activityId: vote.id });
    expect(before).toMatchObject({
      kind: 'dot-vote',
      status: { revealed: false, ballotsIn: 1, expected: 2 },
    });
    expect(JSON.stringify(before)).not.toMatch(/"amount"/);
    if (before.kind === 'dot-vote') expect(before.options.map((o) => o.number)).toEqual([1, 2, 3]);
    reveal(vote);
    const after = buildScreen(wb, w, { screen: 'activity', activityId: vote.id });
    expect(
      after.kind === 'dot-vote' &&
        after.status.revealed &&
        after.status.rows.map((r) => [r.number, r.amount, r.rank]),
    ).toEqual([
      [1, 3, '1st'],
      [2, 0, 'joint 2nd'],
      [3, 0, 'joint 2nd'],
    ]);
    expectNothingPrivate(after);
  });

  it('sends every item of a long list, with the page asked for and a key that ignores the page', () => {
    const { wb, w, ideas } = session();
    const view = { screen: 'activity' as const, activityId: ideas.id };
    // The presenter window measures what fits and splits the pages itself; the state carries the whole list.
    const second = buildPresenterState(wb, w.id, { ...view, page: 2 }, { held: false, timer: null });
    expect(second?.screen.kind === 'ideas' && second.screen.groups.flatMap((g) => g.ideas)).toHaveLength(11);
    expect(second?.screen.kind === 'ideas' && second.screen.page).toBe(2);
    expect(second?.key).toBe(presenterViewKey(view));
    expect(presenterViewKey({ ...view, page: 5 })).toBe(presenterViewKey(view));
    expect(presenterViewKey({ ...view, objectiveIndex: 1 })).not.toBe(presenterViewKey(view));
    expect(buildScreen(wb, w, { ...view, page: 0 })).toMatchObject({ page: 1 });
    const first = buildScreen(wb, w, view);
    expect(first.kind === 'ideas' && first.groups.map((g) => g.name)).toEqual([
      'Digital',
      'Reduce the number of residents who are offline or lack basic digital skills',
    ]);
  });

  it('places 2×2 items with their quadrant in words and lists those still to place', () => {
    const { wb, w, grid } = session();
    const s = buildScreen(wb, w, { screen: 'activity', activityId: grid.id });
    expect(s.kind === 'two-by-two' && s.placed).toEqual([
      {
        number: 1,
        label: 'Business & IP Centre Northshire',
        x: 0.8,
        y: 0.9,
        quadrant: 'Major projects (Impact 90%, Effort 80%)',
        letter: 'M',
      },
    ]);
    expect(s.kind === 'two-by-two' && s.waiting.map((o) => o.number)).toEqual([2]);
  });

  it('walks the map one objective at a time with symbols, not colour alone', () => {
    const { wb, w, walk } = session();
    // Plan order: reading comes before digital in the council plan. Nothing discussed yet: the room sees the
    // map's own links, in service order, marked as on the map now.
    const first = buildScreen(wb, w, { screen: 'activity', activityId: walk.id, objectiveIndex: 0 });
    expect(first).toMatchObject({
      objective: expect.stringMatching(/^Improve reading/),
      position: 'Objective 1 of 2',
    });
    expect(
      first.kind === 'walk-the-map' && first.links.map((l) => [l.service, l.strengthText, l.status]),
    ).toEqual([
      ['Book lending for adults and children', '○ Medium', 'on-map'],
      ['eBooks, eAudiobooks, eMagazines and eNewspapers', '△ Weak', 'on-map'],
      ['Summer Reading Challenge', '● Strong', 'on-map'],
      ['School class visits and library membership for every child', '○ Medium', 'on-map'],
    ]);
    const s = buildScreen(wb, w, { screen: 'activity', activityId: walk.id, objectiveIndex: 1 });
    expect(s).toMatchObject({
      kind: 'walk-the-map',
      position: 'Objective 2 of 2',
      links: [
        { service: 'Free public Wi-Fi', strengthText: '● Strong', status: 'agreed' },
        { service: 'Digital skills sessions and one-to-one help (Learn My Way)', status: 'on-map' },
        {
          service: 'Device lending and free mobile data (National Databank / National Device Bank)',
          status: 'on-map',
        },
        {
          service: 'Assisted digital help with online forms, Universal Credit and public services',
          status: 'on-map',
        },
      ],
    });
    expect(buildScreen(wb, w, { screen: 'activity', activityId: walk.id, objectiveIndex: 5 })).toMatchObject({
      position: 'Objective 2 of 2',
    });
  });

  it('tells the room the purpose, the level of influence and who decides', () => {
    const { wb, w } = session();
    expect(buildScreen(wb, w, { screen: 'welcome' })).toMatchObject({
      kind: 'welcome',
      date: '10 March 2026',
      influence: 'Consult',
      whoDecides: 'Cabinet, in April',
    });
  });
});
