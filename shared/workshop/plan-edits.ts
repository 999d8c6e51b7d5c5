/**
 * Planning edits to a workshop: what it is about, who is coming, and the agenda. Each function mutates the
 * workshop (or activity) it is given; the renderer passes an immer draft, so each call is one undoable step.
 */
import type { Activity, Participant, Workbook, Workshop } from '../model/workbook-schema';
import { budgetFor } from './dot-vote';
import { AGENDA_PRESETS, presetOptionIds } from './kinds';
import { newActivity } from './operations';

/** The workshop's free-text fields, each edited on its own. */
export type WorkshopTextField =
  | 'title'
  | 'venue'
  | 'facilitator'
  | 'facilitatorRole'
  | 'facilitatorStake'
  | 'purpose'
  | 'whoDecides'
  | 'outOfScope'
  | 'accessNeeds'
  | 'nextSteps'
  | 'noNextStepsReason';

export function setWorkshopText(w: Workshop, field: WorkshopTextField, value: string): void {
  w[field] = value;
}

export function setWorkshopDate(w: Workshop, date: string | null): void {
  w.date = date;
}

export function setFeedbackBy(w: Workshop, date: string | null): void {
  w.feedbackBy = date;
}

export function setInfluence(w: Workshop, level: Workshop['influence']): void {
  w.influence = level;
}

/** The planned length in whole minutes, at most a day; empty means not planned (0). */
export function setPlannedMinutes(w: Workshop, minutes: number | null): void {
  w.plannedMinutes = minutes === null ? 0 : Math.min(1_440, Math.max(0, Math.round(minutes)));
}

export function addParticipant(w: Workshop, id: string): void {
  w.participants.push({ id, name: '', organisation: '', role: '' });
}

export function changeParticipant(
  w: Workshop,
  participantId: string,
  patch: Partial<Pick<Participant, 'name' | 'organisation' | 'role'>>,
): void {
  const p = w.participants.find((x) => x.id === participantId);
  if (p) Object.assign(p, patch);
}

/** The head count when people are counted, not named; empty counts as 0 (add up the organisations). */
export function setHeadCount(w: Workshop, count: number | null): void {
  w.participantCount = Math.round(count ?? 0);
}

export function addOrganisation(w: Workshop): void {
  w.organisations.push({ name: 'New organisation', count: 1 });
}

export function renameOrganisation(w: Workshop, index: number, name: string): void {
  const o = w.organisations[index];
  if (o) o.name = name;
}

export function setOrganisationCount(w: Workshop, index: number, count: number | null): void {
  const o = w.organisations[index];
  if (o) o.count = Math.round(count ?? 0);
}

export function removeOrganisation(w: Workshop, index: number): void {
  if (index >= 0 && index < w.organisations.length) w.organisations.splice(index, 1);
}

/**
 * A new activity for the agenda from a ready-made block (a preset id) or a blank kind ("kind:ideas"). A dot vote
 * whose block names its options (say, the objectives) starts with them, and with a budget of a third of them.
 */
export function agendaActivity(wb: Workbook, choice: string): Activity {
  const preset = AGENDA_PRESETS.find((p) => p.id === choice);
  const kind = preset?.kind ?? (choice.replace(/^kind:/, '') as Activity['kind']);
  const a = newActivity(kind, preset);
  const options = presetOptionIds(wb, preset);
  if (options.length > 0 && a.kind === 'dot-vote') {
    a.optionIds = options;
    a.budget = budgetFor(options.length, 'n-over-3');
    a.budgetPreset = 'n-over-3';
    a.maxPerOption = Math.min(a.maxPerOption, a.budget);
  }
  return a;
}

export function addActivity(w: Workshop, a: Activity): void {
  w.activities.push(a);
}

function activity(w: Workshop, activityId: string): Activity | undefined {
  return w.activities.find((x) => x.id === activityId);
}

export function renameActivity(w: Workshop, activityId: string, title: string): void {
  const a = activity(w, activityId);
  if (a) a.title = title;
}

/** An activity's timebox in whole minutes, at most ten hours. */
export function setActivityMinutes(w: Workshop, activityId: string, minutes: number | null): void {
  const a = activity(w, activityId);
  if (a) a.minutes = Math.min(600, Math.round(minutes ?? 0));
}

export function setActivityNotes(w: Workshop, activityId: string, notes: string): void {
  const a = activity(w, activityId);
  if (a) a.notes = notes;
}

/** Scopes an activity to the chosen ids, sorted into the workbook's objectives and (the rest) its services. */
export function setActivityScope(
  a: Activity,
  wb: Pick<Workbook, 'objectives'>,
  ids: readonly string[],
): void {
  const objectives = new Set(wb.objectives.map((o) => o.id));
  a.scope.objectiveIds = ids.filter((id) => objectives.has(id));
  a.scope.serviceIds = ids.filter((id) => !objectives.has(id));
}

/** True when removing the activity would take recorded ideas, votes, totals, placements or proposals with it. */
export function activityHasContent(a: Activity): boolean {
  switch (a.kind) {
    case 'ideas':
      return a.ideas.length > 0;
    case 'dot-vote':
      return a.ballots.length > 0 || a.totals.length > 0;
    case 'points':
      return a.ballots.length > 0;
    case 'two-by-two':
      return a.placements.length > 0;
    case 'walk-the-map':
      return a.proposals.length > 0;
    case 'block':
      return false;
  }
}
