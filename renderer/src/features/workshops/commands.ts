/**
 * The Workshops step's undoable changes: each names a workshop edit from shared/workshop (or shared/model) and
 * labels it for undo. Components call these; none writes a recipe. An edit finds its workshop and activity again
 * in the draft by id, so a change made from a stale render lands on the current data, or nowhere.
 */
import type { Draft } from 'immer';
import { newId } from '../../../../shared/model/ids';
import { removeWorkshop } from '../../../../shared/model/operations';
import type { Activity, Workbook, Workshop } from '../../../../shared/model/workbook-schema';
import {
  addIdea as addIdeaTo,
  agreeLink as agreeLinkIn,
  chooseBudgetPreset,
  chooseGridItems as chooseGridItemsIn,
  editIdea as editIdeaIn,
  enterTotals as enterTotalsIn,
  setDotBudget,
  setDotCap,
  setGridText,
  setPointsCap,
  setPointsTotal,
  setSecretBallot as setSecretBallotIn,
  setVoteMode as setVoteModeIn,
  setVoteOptions,
  type GridText,
} from '../../../../shared/workshop/activity-edits';
import type { Allocation, BudgetPreset, DotVote } from '../../../../shared/workshop/dot-vote';
import {
  addAction as addActionTo,
  addDecision as addDecisionTo,
  changeAction as changeActionIn,
  changeDecision as changeDecisionIn,
  changeParkedItem as changeParkedItemIn,
  parkItem,
  removeAction as removeActionFrom,
  removeDecision as removeDecisionFrom,
  removeParkedItem as removeParkedItemFrom,
} from '../../../../shared/workshop/log-edits';
import {
  mergeIdeas as mergeIdeasIn,
  moveActivity as moveActivityIn,
  newWorkshop,
  openVoting as openVotingOn,
  recordAbstention,
  recordBallot,
  recordPaperSheets,
  removeActivity as removeActivityFrom,
  removeIdeas,
  removeParticipant as removeParticipantFrom,
  reveal,
  setAnonymity,
} from '../../../../shared/workshop/operations';
import {
  addActivity as addActivityTo,
  addOrganisation as addOrganisationTo,
  addParticipant as addParticipantTo,
  changeParticipant as changeParticipantIn,
  removeOrganisation as removeOrganisationFrom,
  renameActivity as renameActivityIn,
  renameOrganisation as renameOrganisationIn,
  setActivityMinutes,
  setActivityNotes,
  setActivityScope,
  setFeedbackBy as setFeedbackByIn,
  setHeadCount as setHeadCountIn,
  setInfluence as setInfluenceIn,
  setOrganisationCount,
  setPlannedMinutes as setPlannedMinutesIn,
  setWorkshopDate,
  setWorkshopText,
  type WorkshopTextField,
} from '../../../../shared/workshop/plan-edits';
import {
  closeSession as closeSessionIn,
  finishActivity as finishActivityIn,
  reopenSession as reopenSessionIn,
  startActivity as startActivityIn,
  startRevote as startRevoteIn,
} from '../../../../shared/workshop/session-edits';
import type { TransferResult } from '../../../../shared/workshop/transfer';
import type { ProposalPatch } from '../../../../shared/workshop/walk-the-map';
import { propose } from '../../../../shared/workshop/walk-the-map';
import { place, unplace } from '../../../../shared/workshop/two-by-two';
import { showStatus } from '../../state/ui-store';
import { editWorkbook, useWorkbookStore } from '../../state/workbook-store';

type Vote = Extract<Activity, { kind: 'dot-vote' | 'points' }>;
type Kinded<K extends Activity['kind']> = Extract<Activity, { kind: K }>;
type ActivityRef<K extends Activity['kind']> = { readonly id: string; readonly kind: K };

/** Edits one workshop; returns false when the workshop is gone or nothing changed. */
function editWorkshop(
  label: string,
  workshopId: string,
  recipe: (w: Draft<Workshop>, wb: Draft<Workbook>) => void,
  coalesceKey?: string,
): boolean {
  return editWorkbook(
    label,
    (wb) => {
      const w = wb.workshops.find((x) => x.id === workshopId);
      if (w) recipe(w, wb);
    },
    coalesceKey ? { coalesceKey } : undefined,
  );
}

/**
 * Edits one activity of a workshop, found again by id and kind, so the recipe gets the narrowed type; returns
 * false when it is gone or nothing changed.
 */
function editActivity<K extends Activity['kind']>(
  label: string,
  workshopId: string,
  activity: ActivityRef<K>,
  recipe: (a: Draft<Kinded<K>>, w: Draft<Workshop>, wb: Draft<Workbook>) => void,
  coalesceKey?: string,
): boolean {
  return editWorkshop(
    label,
    workshopId,
    (w, wb) => {
      const a = w.activities.find((x) => x.id === activity.id);
      if (a?.kind === activity.kind) recipe(a as Draft<Kinded<K>>, w, wb);
    },
    coalesceKey,
  );
}

/** The activity as the store holds it now (not as a possibly stale render saw it). */
function currentActivity<K extends Activity['kind']>(
  workshopId: string,
  activity: ActivityRef<K>,
): { w: Workshop; a: Kinded<K> } | null {
  const w = useWorkbookStore.getState().workbook?.workshops.find((x) => x.id === workshopId);
  const a = w?.activities.find((x) => x.id === activity.id);
  return w && a?.kind === activity.kind ? { w, a: a as Kinded<K> } : null;
}

// The workshops themselves

/** Adds a new, empty workshop and returns it. */
export function addWorkshop(): Workshop {
  const created = newWorkshop({ title: 'New workshop', date: null });
  editWorkbook('Add a workshop', (wb) => void wb.workshops.push(created));
  return created;
}

export const deleteWorkshop = (w: Pick<Workshop, 'id' | 'title'>) =>
  editWorkbook(`Delete the workshop “${w.title}”`, (wb) => removeWorkshop(wb, w.id));

/**
 * Applies one transfer into the workbook (links, priorities, ideas) as one undoable step and returns what it
 * changed.
 */
export function applyTransfer(label: string, run: (wb: Workbook) => TransferResult): TransferResult {
  let result: TransferResult = { changes: [], skipped: [] };
  editWorkbook(label, (draft) => {
    result = run(draft as Workbook);
  });
  return result;
}

// Planning

export const changeWorkshopText = (
  workshopId: string,
  field: WorkshopTextField,
  label: string,
  value: string,
) =>
  editWorkshop(
    `Change the workshop’s ${label}`,
    workshopId,
    (d) => setWorkshopText(d, field, value),
    `ws:${workshopId}:${field}`,
  );

export const changeWorkshopDate = (workshopId: string, date: string | null) =>
  editWorkshop('Change the workshop date', workshopId, (d) => setWorkshopDate(d, date));

export const changeInfluence = (workshopId: string, level: Workshop['influence']) =>
  editWorkshop('Change the level of influence', workshopId, (d) => setInfluenceIn(d, level));

/** Anonymity can be made stricter at any time (erasing names) and looser only before anything is captured. */
export const changeAnonymity = (workshopId: string, level: Workshop['anonymity']) =>
  editWorkshop(
    level === 'anonymous' ? 'Make the workshop anonymous' : 'Record names in the workshop',
    workshopId,
    (d) => void setAnonymity(d, level),
  );

/** Adds an unnamed participant and returns their id, so the name field can take the focus. */
export function addParticipant(workshopId: string): string {
  const id = newId('participant');
  editWorkshop('Add a participant', workshopId, (d) => addParticipantTo(d, id));
  return id;
}

export const changeParticipant = (
  workshopId: string,
  participantId: string,
  field: 'name' | 'organisation' | 'role',
  value: string,
) =>
  editWorkshop(
    'Change a participant',
    workshopId,
    (d) => changeParticipantIn(d, participantId, { [field]: value }),
    `ppt:${participantId}:${field === 'organisation' ? 'org' : field}`,
  );

export const removeParticipant = (workshopId: string, participantId: string) =>
  editWorkshop('Remove a participant', workshopId, (d) => removeParticipantFrom(d, participantId));

export const changeHeadCount = (workshopId: string, count: number | null) =>
  editWorkshop(
    'Change the head count',
    workshopId,
    (d) => setHeadCountIn(d, count),
    `ws:${workshopId}:count`,
  );

export function addOrganisation(workshopId: string): void {
  editWorkshop('Add an organisation', workshopId, (d) => addOrganisationTo(d));
  showStatus('Organisation added.');
}

export const renameOrganisation = (workshopId: string, index: number, name: string) =>
  editWorkshop(
    'Rename an organisation',
    workshopId,
    (d) => renameOrganisationIn(d, index, name),
    `org:${workshopId}:${index}:name`,
  );

export const changeOrganisationCount = (workshopId: string, index: number, count: number | null) =>
  editWorkshop(
    'Change an organisation’s count',
    workshopId,
    (d) => setOrganisationCount(d, index, count),
    `org:${workshopId}:${index}:count`,
  );

export const removeOrganisation = (workshopId: string, index: number) =>
  editWorkshop('Remove an organisation', workshopId, (d) => removeOrganisationFrom(d, index));

// The agenda

export function addActivity(workshopId: string, a: Activity): void {
  editWorkshop(`Add “${a.title}” to the agenda`, workshopId, (d) => addActivityTo(d, a));
  showStatus(`Added “${a.title}” to the agenda.`);
}

export const removeActivity = (workshopId: string, a: Pick<Activity, 'id' | 'title'>) =>
  editWorkshop(`Remove “${a.title}” from the agenda`, workshopId, (d) => removeActivityFrom(d, a.id));

export const moveActivity = (workshopId: string, activityId: string, direction: -1 | 1) =>
  editWorkshop(
    direction < 0 ? 'Move an activity up' : 'Move an activity down',
    workshopId,
    (d) => void moveActivityIn(d, activityId, direction),
  );

export const renameActivity = (workshopId: string, activityId: string, title: string) =>
  editWorkshop(
    'Rename an activity',
    workshopId,
    (d) => renameActivityIn(d, activityId, title),
    `act:${activityId}:title`,
  );

export const changeActivityMinutes = (workshopId: string, activityId: string, minutes: number | null) =>
  editWorkshop(
    'Change an activity’s time',
    workshopId,
    (d) => setActivityMinutes(d, activityId, minutes),
    `act:${activityId}:minutes`,
  );

export const changeActivityNotes = (workshopId: string, activityId: string, notes: string) =>
  editWorkshop(
    'Change an activity’s notes',
    workshopId,
    (d) => setActivityNotes(d, activityId, notes),
    `act:${activityId}:notes`,
  );

export const changeActivityScope = (
  workshopId: string,
  a: Pick<Activity, 'id' | 'kind' | 'title'>,
  ids: readonly string[],
) =>
  editActivity(`Change the scope of “${a.title}”`, workshopId, a, (x, _w, wb) =>
    setActivityScope(x, wb, ids),
  );

export const changePlannedMinutes = (workshopId: string, minutes: number | null) =>
  editWorkshop(
    'Set the planned length',
    workshopId,
    (d) => setPlannedMinutesIn(d, minutes),
    `length:${workshopId}`,
  );

// Running the session

export const startActivity = (workshopId: string, a: Pick<Activity, 'id' | 'title'>) =>
  editWorkshop(`Start “${a.title}”`, workshopId, (d) => void startActivityIn(d, a.id));

export const finishActivity = (workshopId: string, a: Pick<Activity, 'id' | 'title'>) =>
  editWorkshop(`Finish “${a.title}”`, workshopId, (d) => void finishActivityIn(d, a.id));

export const closeSession = (workshopId: string) =>
  editWorkshop('Close the session', workshopId, (d) => closeSessionIn(d));

export const reopenSession = (workshopId: string) =>
  editWorkshop('Reopen the session', workshopId, (d) => reopenSessionIn(d));

export const changeNextSteps = (workshopId: string, text: string) =>
  editWorkshop(
    'Write the next steps',
    workshopId,
    (d) => setWorkshopText(d, 'nextSteps', text),
    `next:${workshopId}`,
  );

export const changeFeedbackBy = (workshopId: string, date: string | null) =>
  editWorkshop('Set when participants hear back', workshopId, (d) => setFeedbackByIn(d, date));

export const changeNoNextStepsReason = (workshopId: string, text: string) =>
  editWorkshop(
    'Say why there are no next steps',
    workshopId,
    (d) => setWorkshopText(d, 'noNextStepsReason', text),
    `nonext:${workshopId}`,
  );

// The logs

/** Adds an open item to the workshop's parking lot, as one undoable step, and says so. */
export function park(label: string, workshopId: string, text: string): void {
  editWorkshop(label, workshopId, (w) => void parkItem(w, text));
  showStatus('Added to the parking lot.');
}

export const changeParkedItem = (
  workshopId: string,
  itemId: string,
  patch: Parameters<typeof changeParkedItemIn>[2],
  key?: string,
) =>
  editWorkshop(
    'Change a parked item',
    workshopId,
    (d) => changeParkedItemIn(d, itemId, patch),
    key ? `park:${itemId}:${key}` : undefined,
  );

export const removeParkedItem = (workshopId: string, itemId: string) =>
  editWorkshop('Remove a parked item', workshopId, (d) => removeParkedItemFrom(d, itemId));

export function addDecision(workshopId: string, text: string): void {
  editWorkshop('Record a decision', workshopId, (d) => void addDecisionTo(d, text));
  showStatus('Decision recorded.');
}

export const changeDecision = (
  workshopId: string,
  decisionId: string,
  patch: Parameters<typeof changeDecisionIn>[2],
  key: string,
) =>
  editWorkshop(
    'Change a decision',
    workshopId,
    (d) => changeDecisionIn(d, decisionId, patch),
    `dec:${decisionId}:${key}`,
  );

export const removeDecision = (workshopId: string, decisionId: string) =>
  editWorkshop('Remove a decision', workshopId, (d) => removeDecisionFrom(d, decisionId));

export function addAction(workshopId: string, text: string): void {
  editWorkshop('Add an action', workshopId, (d) => void addActionTo(d, text));
  showStatus('Action added. Give it an owner and a due date.');
}

export const changeAction = (
  workshopId: string,
  actionId: string,
  patch: Parameters<typeof changeActionIn>[2],
  key?: string,
) =>
  editWorkshop(
    'Change an action',
    workshopId,
    (d) => changeActionIn(d, actionId, patch),
    key ? `acn:${actionId}:${key}` : undefined,
  );

export const removeAction = (workshopId: string, actionId: string) =>
  editWorkshop('Remove an action', workshopId, (d) => removeActionFrom(d, actionId));

// Ideas

/** Adds the idea as typed; returns it, or null when there was no text. */
export function addIdea(workshopId: string, a: ActivityRef<'ideas'>, init: Parameters<typeof addIdeaTo>[2]) {
  let added: ReturnType<typeof addIdeaTo> = null;
  editActivity('Add an idea', workshopId, a, (act, w) => void (added = addIdeaTo(act, w, init)));
  return added as ReturnType<typeof addIdeaTo>;
}

export const editIdea = (
  workshopId: string,
  a: ActivityRef<'ideas'>,
  ideaId: string,
  patch: Parameters<typeof editIdeaIn>[2],
  key: string,
) =>
  editActivity(
    'Edit an idea',
    workshopId,
    a,
    (act) => editIdeaIn(act, ideaId, patch),
    `idea:${ideaId}:${key}`,
  );

export const deleteIdea = (workshopId: string, ideaId: string) =>
  editWorkshop('Delete an idea', workshopId, (d) => removeIdeas(d, [ideaId]));

export const mergeIdeas = (
  workshopId: string,
  keepId: string,
  mergeIds: readonly string[],
  wording: string,
) => editWorkshop('Merge ideas', workshopId, (d) => void mergeIdeasIn(d, keepId, mergeIds, wording));

// Votes

export const changeBudgetPreset = (workshopId: string, a: ActivityRef<'dot-vote'>, preset: BudgetPreset) =>
  editActivity('Change the dot budget', workshopId, a, (v) => chooseBudgetPreset(v, preset));

export const changeDotBudget = (workshopId: string, a: ActivityRef<'dot-vote'>, dots: number | null) =>
  editActivity('Change the dot budget', workshopId, a, (v) => setDotBudget(v, dots), `vote:${a.id}:budget`);

export const changeDotCap = (workshopId: string, a: ActivityRef<'dot-vote'>, dots: number | null) =>
  editActivity('Change the cap per option', workshopId, a, (v) => setDotCap(v, dots), `vote:${a.id}:cap`);

export const changePointsTotal = (workshopId: string, a: ActivityRef<'points'>, points: number | null) =>
  editActivity(
    'Change the points total',
    workshopId,
    a,
    (v) => setPointsTotal(v, points),
    `vote:${a.id}:total`,
  );

export const changePointsCap = (workshopId: string, a: ActivityRef<'points'>, points: number | null) =>
  editActivity(
    'Change the cap per option',
    workshopId,
    a,
    (v) => setPointsCap(v, points),
    `vote:${a.id}:cap`,
  );

export const changeVoteMode = (workshopId: string, a: ActivityRef<'dot-vote'>, mode: DotVote['mode']) =>
  editActivity(mode === 'ballots' ? 'Vote on the laptop' : 'Count totals from the wall', workshopId, a, (v) =>
    setVoteModeIn(v, mode),
  );

export const changeSecretBallot = (workshopId: string, a: ActivityRef<Vote['kind']>, secret: boolean) =>
  editActivity(secret ? 'Make the vote secret' : 'Make the vote open', workshopId, a, (v) =>
    setSecretBallotIn(v, secret),
  );

export const chooseVoteOptions = (
  workshopId: string,
  a: ActivityRef<Vote['kind']> & { title: string },
  optionIds: readonly string[],
) => editActivity(`Choose the options for “${a.title}”`, workshopId, a, (v) => setVoteOptions(v, optionIds));

/** Opens voting when it can; returns why it cannot (nothing changes then), or [] when it opened. */
export function openVoting(workshopId: string, a: ActivityRef<Vote['kind']> & { title: string }): string[] {
  const now = currentActivity(workshopId, a);
  if (!now) return ['This vote is no longer in the workshop.'];
  const problems = openVotingOn(structuredClone(now.a));
  if (problems.length === 0)
    editActivity(`Open voting on “${a.title}”`, workshopId, a, (v) => void openVotingOn(v));
  return problems;
}

export const revealResults = (workshopId: string, a: ActivityRef<Vote['kind']> & { title: string }) =>
  editActivity(`Reveal the results of “${a.title}”`, workshopId, a, (v) => reveal(v));

/**
 * Records one voter's ballot (or their abstention) after checking it against the vote as it is now, so a
 * refused ballot leaves no empty undo step. Returns the problems, or [] when it was recorded.
 */
export function castBallot(
  workshopId: string,
  a: ActivityRef<Vote['kind']>,
  ballot: { abstain: boolean; allocations: readonly Allocation[]; participantId: string | null },
  label?: (id: string) => string,
): string[] {
  const now = currentActivity(workshopId, a);
  if (!now) return ['This vote is no longer in the workshop.'];
  const record = (target: Vote, w: Pick<Workshop, 'anonymity'>) =>
    ballot.abstain
      ? recordAbstention(target, w, ballot.participantId)
      : recordBallot(target, w, ballot.allocations, ballot.participantId, label);
  const problems = record(structuredClone(now.a), now.w);
  if (problems.length === 0)
    editActivity(
      ballot.abstain ? 'Record an abstention' : 'Record a ballot',
      workshopId,
      a,
      (v, w) => void record(v, w),
    );
  return problems;
}

/** Types in numbered paper sheets: all of them, or none when any line is wrong. */
export function enterPaperSheets(
  workshopId: string,
  a: ActivityRef<Vote['kind']>,
  text: string,
): { problems: string[]; recorded: number } {
  const now = currentActivity(workshopId, a);
  if (!now) return { problems: ['This vote is no longer in the workshop.'], recorded: 0 };
  const found = recordPaperSheets(structuredClone(now.a), text);
  if (found.problems.length === 0)
    editActivity(
      found.recorded === 1 ? 'Enter a paper sheet' : `Enter ${found.recorded} paper sheets`,
      workshopId,
      a,
      (v) => void recordPaperSheets(v, text),
    );
  return found;
}

export const enterTotals = (
  workshopId: string,
  a: ActivityRef<'dot-vote'>,
  totals: readonly Allocation[],
  voters: number | null,
) => editActivity('Enter the counted totals', workshopId, a, (v) => enterTotalsIn(v, totals, voters));

/** Puts a re-vote on the tied items straight after the vote, running. */
export const startRevote = (workshopId: string, tied: Pick<Activity, 'id' | 'title'>, revote: Activity) =>
  editWorkshop(
    `Re-vote on the tied items of “${tied.title}”`,
    workshopId,
    (d) => void startRevoteIn(d, tied.id, revote),
  );

// The 2×2 grid

const GRID_LABELS: Readonly<Record<GridText, [label: string, key: string]>> = {
  yAxis: ['Rename the vertical axis', 'y'],
  yDefinition: ['Define the vertical axis', 'yd'],
  xAxis: ['Rename the horizontal axis', 'x'],
  xDefinition: ['Define the horizontal axis', 'xd'],
};

export const changeGridText = (
  workshopId: string,
  a: ActivityRef<'two-by-two'>,
  field: GridText,
  text: string,
) =>
  editActivity(
    GRID_LABELS[field][0],
    workshopId,
    a,
    (g) => setGridText(g, field, text),
    `grid:${a.id}:${GRID_LABELS[field][1]}`,
  );

export const chooseGridItems = (
  workshopId: string,
  a: ActivityRef<'two-by-two'> & { title: string },
  optionIds: readonly string[],
) => editActivity(`Choose the items for “${a.title}”`, workshopId, a, (g) => chooseGridItemsIn(g, optionIds));

/** Places an item on the grid (or moves it there); moves the same way in quick succession are one undo step. */
export const placeOnGrid = (
  workshopId: string,
  a: ActivityRef<'two-by-two'>,
  optionId: string,
  at: Parameters<typeof place>[2],
  label: string,
  how?: string,
) =>
  editActivity(
    label,
    workshopId,
    a,
    (g) => place(g, optionId, at),
    how ? `grid:${a.id}:${optionId}:${how}` : undefined,
  );

export const takeOffGrid = (
  workshopId: string,
  a: ActivityRef<'two-by-two'>,
  optionId: string,
  label: string,
) => editActivity(label, workshopId, a, (g) => unplace(g, optionId));

// Walking the map

export const proposeLink = (
  workshopId: string,
  a: ActivityRef<'walk-the-map'>,
  serviceId: string,
  objectiveId: string,
  patch: ProposalPatch,
  label: string,
  key?: string,
) =>
  editActivity(
    label,
    workshopId,
    a,
    (act, _w, wb) => void propose(act, wb, serviceId, objectiveId, patch),
    key,
  );

export const agreeLink = (
  workshopId: string,
  a: ActivityRef<'walk-the-map'>,
  serviceId: string,
  objectiveId: string,
  agreed: boolean,
) =>
  editActivity(
    agreed ? 'Agree a link' : 'Reopen a link',
    workshopId,
    a,
    (act, _w, wb) => void agreeLinkIn(act, wb, serviceId, objectiveId, agreed),
  );
