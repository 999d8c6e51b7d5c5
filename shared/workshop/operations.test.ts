import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../model/integrity';
import { newId } from '../model/ids';
import type { Activity, Idea } from '../model/workbook-schema';
import type { DotVote } from './dot-vote';
import { AGENDA_PRESETS, agendaOverrun, blockScreenText } from './kinds';
import {
  hasContent,
  mergeIdeas,
  moveActivity,
  newActivity,
  newWorkshop,
  openVotesUsing,
  openVoting,
  recordAbstention,
  recordBallot,
  removeActivity,
  removeIdeas,
  removeParticipant,
  reveal,
  setAnonymity,
} from './operations';
import { revoteActivity } from './dot-vote';
import { place, type TwoByTwo } from './two-by-two';
import { sampleWithWorkshop } from './test-workbook';

const idea = (text: string, patch: Partial<Idea> = {}): Idea => ({
  id: newId('idea'),
  text,
  group: '',
  targetId: null,
  author: '',
  becameId: null,
  ...patch,
});
type IdeasActivity = Extract<Activity, { kind: 'ideas' }>;

function session() {
  const { wb, w } = sampleWithWorkshop();
  const ideas = newActivity('ideas') as IdeasActivity;
  const [a, b, c] = [
    idea('Lend tablets to people leaving hospital', { author: 'Dr Marsh' }),
    idea('Tablet loans for hospital discharge'),
    idea('Blood pressure checks'),
  ];
  ideas.ideas.push(a, b, c);
  const vote = newActivity('dot-vote') as DotVote;
  vote.optionIds = [a.id, b.id, c.id, 'obj_nsc_o33_digital'];
  const grid = newActivity('two-by-two') as TwoByTwo;
  grid.optionIds = [a.id, b.id, c.id];
  place(grid, b.id, { x: 0.2, y: 0.9 });
  place(grid, c.id, { x: 0.8, y: 0.2 });
  w.activities.push(ideas, vote, grid);
  w.anonymity = 'named';
  return { wb, w, ideas, vote, grid, a, b, c };
}

describe('workshop operations keep references whole', () => {
  it('merges duplicate ideas: options, votes and placements move to the idea kept', () => {
    const { wb, w, ideas, vote, grid, a, b } = session();
    vote.ballots.push({
      id: newId('ballot'),
      participantId: null,
      sheet: null,
      allocations: [
        { optionId: a.id, amount: 1 },
        { optionId: b.id, amount: 2 },
      ],
    });
    expect(mergeIdeas(w, a.id, [b.id])).toBe(true);
    expect(ideas.ideas.map((i) => i.id)).not.toContain(b.id);
    expect(vote.optionIds).not.toContain(b.id);
    expect(vote.ballots[0]!.allocations).toEqual([{ optionId: a.id, amount: 3 }]);
    expect(grid.placements.find((p) => p.optionId === a.id)).toMatchObject({ x: 0.2, y: 0.9 });
    expect(grid.placements.some((p) => p.optionId === b.id)).toBe(false);
    expect(checkIntegrity(wb)).toEqual([]);
    expect(mergeIdeas(w, 'ide_missing', [a.id])).toBe(false);
  });

  it('keeps the idea the facilitator chose, later in the list or not, in the wording chosen', () => {
    const { w, ideas, vote, a, b } = session();
    expect(mergeIdeas(w, b.id, [a.id], '  Tablet loans when people leave hospital ')).toBe(true);
    expect(ideas.ideas.map((i) => i.id)).toEqual([b.id, ideas.ideas[1]!.id]);
    expect(ideas.ideas[0]!.text).toBe('Tablet loans when people leave hospital');
    expect(vote.optionIds).toContain(b.id);
    expect(vote.optionIds).not.toContain(a.id);
    // No wording given: the kept idea keeps its own.
    const again = session();
    mergeIdeas(again.w, again.b.id, [again.a.id], '');
    expect(again.ideas.ideas[0]!.text).toBe('Tablet loans for hospital discharge');
  });

  it('says which open votes would be changed by merging or deleting an idea', () => {
    const { w, vote, a, c } = session();
    expect(openVotesUsing(w, [a.id])).toEqual([]);
    openVoting(vote);
    expect(openVotesUsing(w, [a.id, c.id])).toEqual([vote.title]);
    reveal(vote);
    expect(openVotesUsing(w, [a.id])).toEqual([]);
  });

  it('removes ideas from every vote and grid that used them', () => {
    const { wb, w, vote, grid, c } = session();
    vote.ballots.push({
      id: newId('ballot'),
      participantId: null,
      sheet: null,
      allocations: [{ optionId: c.id, amount: 2 }],
    });
    vote.totals.push({ optionId: c.id, amount: 4 });
    removeIdeas(w, [c.id]);
    expect(vote.optionIds).not.toContain(c.id);
    expect(vote.ballots[0]!.allocations).toEqual([]);
    expect(vote.totals).toEqual([]);
    expect(grid.placements.some((p) => p.optionId === c.id)).toBe(false);
    expect(checkIntegrity(wb)).toEqual([]);
  });

  it('removing an ideas activity takes its ideas out of votes, and clears re-votes that pointed at a removed vote', () => {
    const { wb, w, ideas, vote } = session();
    const again = revoteActivity(vote, vote.optionIds.slice(0, 2));
    w.activities.push(again);
    removeActivity(w, vote.id);
    expect(again.revoteOf).toBeNull();
    removeActivity(w, ideas.id);
    expect(again.optionIds).toEqual([]);
    expect(checkIntegrity(wb)).toEqual([]);
  });

  it('integrity reports a vote option that names nothing, and a re-vote of a missing vote', () => {
    const { wb, vote } = session();
    vote.optionIds.push('obj_gone');
    vote.revoteOf = 'act_gone';
    expect(checkIntegrity(wb).map((i) => i.message)).toEqual([
      'Refers to objective, service or idea "obj_gone", which is not in the workbook',
      'Refers to activity "act_gone", which is not in the workbook',
    ]);
  });

  it('reorders the agenda within bounds', () => {
    const { w, ideas, vote } = session();
    expect(moveActivity(w, vote.id, -1)).toBe(true);
    expect(w.activities[0]!.id).toBe(vote.id);
    expect(moveActivity(w, vote.id, -1)).toBe(false);
    expect(w.activities[1]!.id).toBe(ideas.id);
  });

  it('anonymity can be made stricter, erasing authors and voters, but not looser once content exists', () => {
    const { wb, w, vote, a } = session();
    const person = { id: newId('participant'), name: 'Sue Whitfield', organisation: 'Age UK', role: '' };
    w.participants.push(person);
    vote.anonymous = false;
    openVoting(vote);
    expect(recordBallot(vote, w, [{ optionId: a.id, amount: 2 }], person.id)).toEqual([]);
    expect(vote.ballots[0]!.participantId).toBe(person.id);
    expect(recordBallot(vote, w, [], person.id)).toEqual(['This participant has already voted.']);
    expect(hasContent(w)).toBe(true);
    expect(setAnonymity(w, 'anonymous')).toBe(true);
    expect(a.author).toBe('');
    expect(vote.ballots[0]!.participantId).toBeNull();
    expect(vote.anonymous).toBe(true);
    expect(setAnonymity(w, 'named')).toBe(false);
    expect(w.anonymity).toBe('anonymous');
    expect(checkIntegrity(wb)).toEqual([]);
  });

  it('removing a participant keeps their ballot but forgets whose it was', () => {
    const { w, vote, a } = session();
    const person = {
      id: newId('participant'),
      name: 'Gareth Lloyd',
      organisation: 'Jobcentre Plus',
      role: '',
    };
    w.participants.push(person);
    vote.anonymous = false;
    openVoting(vote);
    recordBallot(vote, w, [{ optionId: a.id, amount: 1 }], person.id);
    removeParticipant(w, person.id);
    expect(vote.ballots).toHaveLength(1);
    expect(vote.ballots[0]!.participantId).toBeNull();
  });
});

describe('recording votes', () => {
  it('records ballots only while voting is open, never stores a voter in an anonymous vote, and closes on reveal', () => {
    const { w, vote, a, b } = session();
    expect(recordBallot(vote, w, [{ optionId: a.id, amount: 1 }], null)).toEqual([
      'Voting has not been opened yet.',
    ]);
    expect(openVoting(vote)).toEqual([]);
    expect(vote.status).toBe('running');
    w.anonymity = 'anonymous';
    expect(
      recordBallot(
        vote,
        w,
        [
          { optionId: a.id, amount: 2 },
          { optionId: b.id, amount: 0 },
        ],
        'ppt_someone',
      ),
    ).toEqual([]);
    expect(vote.ballots[0]).toMatchObject({
      participantId: null,
      sheet: null,
      allocations: [{ optionId: a.id, amount: 2 }],
    });
    expect(recordBallot(vote, w, [{ optionId: a.id, amount: 9 }], null)).toEqual([
      expect.stringMatching(/the most on one option is 3/),
      expect.stringMatching(/9 dots used/),
    ]);
    reveal(vote);
    expect(vote).toMatchObject({ revealed: true, votingOpen: false });
    expect(recordBallot(vote, w, [], null)).toEqual(['Voting has not been opened yet.']);
  });

  it('records an abstention as an empty ballot that counts as having voted, even in a points allocation', () => {
    const { w } = session();
    const points = newActivity('points');
    if (points.kind !== 'points') throw new Error('expected points');
    points.optionIds = ['a', 'b'];
    w.activities.push(points);
    expect(recordAbstention(points, w, null)).toEqual(['Voting has not been opened yet.']);
    openVoting(points);
    expect(recordAbstention(points, w, 'ppt_x')).toEqual([]);
    expect(points.ballots).toEqual([
      { id: expect.stringMatching(/^blt_/), participantId: null, sheet: null, allocations: [] },
    ]);
    reveal(points);
    expect(recordAbstention(points, w, null)).toEqual(['Voting has not been opened yet.']);
  });

  it('refuses to open a points allocation whose cap makes the total unreachable', () => {
    const points = newActivity('points');
    if (points.kind !== 'points') throw new Error('expected points');
    points.optionIds = ['a', 'b'];
    points.maxPerOption = 25;
    expect(openVoting(points)).toHaveLength(1);
    expect(points.votingOpen).toBe(false);
  });
});

describe('agenda blocks and the planned length', () => {
  it('adds welcome, round, break and close blocks, says what the room sees, and warns when the plan runs over', () => {
    const w = newWorkshop({ title: 'T', date: null });
    for (const id of ['welcome', 'round', 'break', 'close']) {
      const preset = AGENDA_PRESETS.find((p) => p.id === id)!;
      w.activities.push(newActivity(preset.kind, preset));
    }
    expect(w.activities.map((a) => (a.kind === 'block' ? a.block : a.kind))).toEqual([
      'welcome',
      'round',
      'break',
      'close',
    ]);
    expect(blockScreenText('break', 15, w)).toBe('Break: back in 15 minutes.');
    w.purpose = 'Agree where libraries help.';
    expect(blockScreenText('welcome', 10, w)).toBe('Why we are here: Agree where libraries help.');
    expect(agendaOverrun(w)).toBeNull();
    w.plannedMinutes = 40;
    expect(agendaOverrun(w)).toBe(
      'The agenda runs 5 minutes over the 40 planned (45 in all). Shorten or remove an activity, or plan a longer session.',
    );
    w.plannedMinutes = 45;
    expect(agendaOverrun(w)).toBeNull();
  });
});
