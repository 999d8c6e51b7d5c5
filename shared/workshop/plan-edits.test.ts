import { describe, expect, it } from 'vitest';
import { newId } from '../model/ids';
import { validateWorkbook } from '../model/workbook-format';
import type { Workbook } from '../model/workbook-schema';
import { budgetFor } from './dot-vote';
import { newActivity } from './operations';
import {
  activityHasContent,
  addActivity,
  addOrganisation,
  addParticipant,
  agendaActivity,
  changeParticipant,
  removeOrganisation,
  renameActivity,
  renameOrganisation,
  setActivityMinutes,
  setActivityScope,
  setHeadCount,
  setOrganisationCount,
  setPlannedMinutes,
  setWorkshopText,
} from './plan-edits';
import { sampleWithWorkshop } from './test-workbook';

function expectValid(wb: Workbook) {
  const r = validateWorkbook(JSON.parse(JSON.stringify(wb)));
  expect(r.ok ? [] : (r.error.issues ?? [r.error.message])).toEqual([]);
}

describe('planning a workshop', () => {
  it('keeps the planned length and activity times whole minutes within the schema', () => {
    const { wb, w } = sampleWithWorkshop();
    setPlannedMinutes(w, 95.6);
    expect(w.plannedMinutes).toBe(96);
    setPlannedMinutes(w, 5_000);
    expect(w.plannedMinutes).toBe(1_440);
    setPlannedMinutes(w, -3);
    expect(w.plannedMinutes).toBe(0);
    setPlannedMinutes(w, null);
    expect(w.plannedMinutes).toBe(0);

    const a = newActivity('ideas');
    addActivity(w, a);
    setActivityMinutes(w, a.id, 12.4);
    expect(w.activities[0]!.minutes).toBe(12);
    setActivityMinutes(w, a.id, 900);
    expect(w.activities[0]!.minutes).toBe(600);
    setActivityMinutes(w, a.id, null);
    expect(w.activities[0]!.minutes).toBe(0);
    expectValid(wb);
  });

  it('changes only the activity named, and nothing when it is gone', () => {
    const { w } = sampleWithWorkshop();
    const [a, b] = [newActivity('ideas'), newActivity('block')];
    addActivity(w, a);
    addActivity(w, b);
    renameActivity(w, a.id, 'Ideas for older readers');
    renameActivity(w, 'act_gone', 'Nothing');
    expect(w.activities.map((x) => x.title)).toEqual(['Ideas for older readers', 'Agenda block']);
  });

  it('sorts an activity’s scope into the workbook’s objectives and its services', () => {
    const { wb, w } = sampleWithWorkshop();
    const a = newActivity('walk-the-map');
    addActivity(w, a);
    const objective = wb.objectives.find((o) => o.level === 'objective')!;
    const service = wb.services[0]!;
    setActivityScope(w.activities[0]!, wb, [service.id, objective.id]);
    expect(w.activities[0]!.scope).toEqual({ objectiveIds: [objective.id], serviceIds: [service.id] });
    expectValid(wb);
  });

  it('starts the “which objectives matter most” vote with the objectives as options and a third of them as dots', () => {
    const { wb } = sampleWithWorkshop();
    const objectives = wb.objectives.filter((o) => o.level === 'objective').map((o) => o.id);
    expect(objectives.length).toBeGreaterThan(3);
    const vote = agendaActivity(wb, 'dot-vote');
    if (vote.kind !== 'dot-vote') throw new Error('expected a dot vote');
    expect(vote.title).toBe('Which objectives matter most for libraries?');
    expect(vote.optionIds).toEqual(objectives);
    expect(vote.budget).toBe(budgetFor(objectives.length, 'n-over-3'));
    expect(vote.budgetPreset).toBe('n-over-3');
    expect(vote.maxPerOption).toBeLessThanOrEqual(vote.budget);

    const blank = agendaActivity(wb, 'kind:dot-vote');
    expect(blank.kind === 'dot-vote' && blank.optionIds).toEqual([]);
    expect(agendaActivity(wb, 'kind:two-by-two').kind).toBe('two-by-two');
  });

  it('names, counts and removes participants and organisations', () => {
    const { wb, w } = sampleWithWorkshop();
    const id = newId('participant');
    addParticipant(w, id);
    changeParticipant(w, id, { name: 'Sam Okafor', organisation: 'NHS' });
    changeParticipant(w, 'ppt_gone', { name: 'Nobody' });
    expect(w.participants).toEqual([{ id, name: 'Sam Okafor', organisation: 'NHS', role: '' }]);

    addOrganisation(w);
    addOrganisation(w);
    renameOrganisation(w, 1, 'Age UK');
    setOrganisationCount(w, 1, 4.7);
    setOrganisationCount(w, 9, 3);
    removeOrganisation(w, 0);
    removeOrganisation(w, 5);
    expect(w.organisations).toEqual([{ name: 'Age UK', count: 5 }]);
    setHeadCount(w, 18.2);
    expect(w.participantCount).toBe(18);
    setHeadCount(w, null);
    expect(w.participantCount).toBe(0);
    setWorkshopText(w, 'purpose', 'Agree where libraries help the health plan');
    expect(w.purpose).toBe('Agree where libraries help the health plan');
    expectValid(wb);
  });

  it('knows which activities hold what the room recorded', () => {
    const ideas = newActivity('ideas');
    expect(activityHasContent(ideas)).toBe(false);
    if (ideas.kind !== 'ideas') throw new Error('kind');
    ideas.ideas.push({ id: 'idea_a', text: 'x', group: '', targetId: null, author: '', becameId: null });
    expect(activityHasContent(ideas)).toBe(true);
    const vote = newActivity('dot-vote');
    if (vote.kind !== 'dot-vote') throw new Error('kind');
    vote.totals.push({ optionId: 'obj_a', amount: 3 });
    expect(activityHasContent(vote)).toBe(true);
    expect(activityHasContent(newActivity('block'))).toBe(false);
  });
});
