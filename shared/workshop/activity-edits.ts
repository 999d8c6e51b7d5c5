/**
 * Edits inside one activity while it is set up and run: ideas as the room gives them, how a vote is set up (only
 * until voting opens; the console stops offering these then), the grid's axes and items, and agreeing a link on
 * the map walk. Each function mutates the activity it is given (an immer draft in the renderer, so one undoable
 * step). Numbers come from number fields, so they are rounded and held to the schema's limits here.
 */
import { newId } from '../model/ids';
import type { Activity, Idea, Workbook, Workshop } from '../model/workbook-schema';
import { budgetFor, type Allocation, type BudgetPreset, type DotVote } from './dot-vote';
import type { TwoByTwo } from './two-by-two';
import { propose, setAgreed, type WalkTheMap } from './walk-the-map';

export type IdeasActivity = Extract<Activity, { kind: 'ideas' }>;
export type PointsVote = Extract<Activity, { kind: 'points' }>;
type Vote = DotVote | PointsVote;

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(n)));

/**
 * Adds an idea as the facilitator typed it; in an anonymous workshop no author is kept, whatever was typed.
 * Returns the idea, or null when there is no text.
 */
export function addIdea(
  a: IdeasActivity,
  w: Pick<Workshop, 'anonymity'>,
  init: { text: string; group: string; targetId: string | null; author: string },
): Idea | null {
  const text = init.text.trim();
  if (!text) return null;
  const idea: Idea = {
    id: newId('idea'),
    text: text.slice(0, 500),
    group: init.group.trim().slice(0, 500),
    targetId: init.targetId || null,
    author: w.anonymity === 'named' ? init.author.trim().slice(0, 500) : '',
    becameId: null,
  };
  a.ideas.push(idea);
  return idea;
}

export function editIdea(
  a: IdeasActivity,
  ideaId: string,
  patch: Partial<Pick<Idea, 'text' | 'group' | 'targetId'>>,
): void {
  const idea = a.ideas.find((i) => i.id === ideaId);
  if (idea) Object.assign(idea, patch);
}

/** Follows a budget rule for the options chosen; the cap per option never exceeds the budget. */
export function chooseBudgetPreset(v: DotVote, preset: BudgetPreset): void {
  v.budget = budgetFor(v.optionIds.length, preset);
  v.budgetPreset = preset;
  v.maxPerOption = Math.min(v.maxPerOption, v.budget);
}

/** A budget typed in (1 to 100 dots) follows no rule. */
export function setDotBudget(v: DotVote, dots: number | null): void {
  v.budget = clamp(dots ?? 1, 1, 100);
  v.budgetPreset = null;
}

export function setDotCap(v: DotVote, dots: number | null): void {
  v.maxPerOption = clamp(dots ?? 1, 1, 100);
}

export function setPointsTotal(v: PointsVote, points: number | null): void {
  v.total = clamp(points ?? 100, 1, 1_000);
}

/** The most points on one option; empty means no limit. */
export function setPointsCap(v: PointsVote, points: number | null): void {
  v.maxPerOption = points === null ? null : clamp(points, 1, 1_000);
}

export function setVoteMode(v: DotVote, mode: DotVote['mode']): void {
  v.mode = mode;
}

export function setSecretBallot(v: Vote, secret: boolean): void {
  v.anonymous = secret;
}

/** The options in the order chosen: they are numbered in it, on the screen and on paper sheets. */
export function setVoteOptions(v: Vote, optionIds: readonly string[]): void {
  v.optionIds = [...optionIds];
}

/** Totals counted from a dot wall, with how many people voted (null when not counted). Check them first (checkTotals). */
export function enterTotals(v: DotVote, totals: readonly Allocation[], voters: number | null): void {
  v.totals = totals.map((t) => ({ optionId: t.optionId, amount: t.amount }));
  v.paperVoters = voters;
}

export type GridText = 'xAxis' | 'yAxis' | 'xDefinition' | 'yDefinition';

export function setGridText(g: TwoByTwo, field: GridText, text: string): void {
  g[field] = text;
}

/** The grid's items; anything no longer chosen comes off the grid. */
export function chooseGridItems(g: TwoByTwo, optionIds: readonly string[]): void {
  const chosen = new Set(optionIds);
  g.optionIds = [...optionIds];
  g.placements = g.placements.filter((p) => chosen.has(p.optionId));
}

/**
 * Marks the room's agreement on a link (or takes it back). A link only on the map so far is first proposed as it
 * stands, so what is agreed is what the room saw.
 */
export function agreeLink(
  a: WalkTheMap,
  wb: Pick<Workbook, 'alignments'>,
  serviceId: string,
  objectiveId: string,
  agreed: boolean,
): boolean {
  propose(a, wb, serviceId, objectiveId, {});
  return setAgreed(a, serviceId, objectiveId, agreed);
}
