import { describe, expect, it } from 'vitest';
import { revoteActivity, type DotVote } from './dot-vote';
import { newActivity } from './operations';
import { closeSession, finishActivity, reopenSession, startActivity, startRevote } from './session-edits';
import { sampleWithWorkshop } from './test-workbook';

function agenda() {
  const { w } = sampleWithWorkshop();
  const ideas = newActivity('ideas');
  const vote = newActivity('dot-vote') as DotVote;
  const grid = newActivity('two-by-two');
  w.activities.push(ideas, vote, grid);
  return { w, ideas, vote, grid };
}

describe('running the session', () => {
  it('runs one activity at a time and puts the session under way', () => {
    const { w, ideas, vote } = agenda();
    expect(w.status).toBe('planned');
    expect(startActivity(w, ideas.id)).toBe(true);
    expect(w.status).toBe('running');
    expect(w.activities.map((a) => a.status)).toEqual(['running', 'planned', 'planned']);
    startActivity(w, vote.id);
    expect(w.activities.map((a) => a.status)).toEqual(['done', 'running', 'planned']);
    // Running a finished activity again leaves the others as they were.
    startActivity(w, ideas.id);
    expect(w.activities.map((a) => a.status)).toEqual(['running', 'done', 'planned']);
    expect(startActivity(w, 'act_gone')).toBe(false);
    expect(w.activities.map((a) => a.status)).toEqual(['running', 'done', 'planned']);
  });

  it('finishes an activity without starting another', () => {
    const { w, ideas } = agenda();
    startActivity(w, ideas.id);
    expect(finishActivity(w, ideas.id)).toBe(true);
    expect(w.activities.map((a) => a.status)).toEqual(['done', 'planned', 'planned']);
    expect(finishActivity(w, 'act_gone')).toBe(false);
  });

  it('puts a re-vote straight after the tied vote, running, with the vote finished', () => {
    const { w, vote, grid } = agenda();
    vote.optionIds = ['a', 'b', 'c'];
    startActivity(w, vote.id);
    const again = revoteActivity(vote, ['a', 'b']);
    expect(startRevote(w, vote.id, again)).toBe(true);
    expect(w.activities.map((a) => a.id)).toEqual([w.activities[0]!.id, vote.id, again.id, grid.id]);
    expect(w.activities.map((a) => a.status)).toEqual(['planned', 'done', 'running', 'planned']);
    const placed = w.activities[2]!;
    expect(placed.kind === 'dot-vote' && placed.revoteOf).toBe(vote.id);
    expect(startRevote(w, 'act_gone', again)).toBe(false);
    expect(w.activities).toHaveLength(4);
  });

  it('closes with nothing left running, and reopens', () => {
    const { w, grid } = agenda();
    startActivity(w, grid.id);
    closeSession(w);
    expect(w.status).toBe('closed');
    expect(w.activities.some((a) => a.status === 'running')).toBe(false);
    reopenSession(w);
    expect(w.status).toBe('running');
  });
});
