/**
 * Dot voting (WORKSHOPS.md §1.1, §5.C.8–11): a budget that scales with the list and is frozen once voting opens,
 * a cap per option, ballots checked against both, totals that stay hidden until one reveal, and ties reported
 * with a re-vote on the tied items.
 */
import { newId } from '../model/ids';
import type { Activity, Ballot } from '../model/workbook-schema';
import { rankOptions, type Ranking } from './ranking';

export type DotVote = Extract<Activity, { kind: 'dot-vote' }>;
export type Allocation = Ballot['allocations'][number];

export const BUDGET_PRESETS = ['n-over-3', 'n-over-4', '18f'] as const;
export type BudgetPreset = (typeof BUDGET_PRESETS)[number];

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** Dots per person for a list of `options` under a preset. */
export function budgetFor(options: number, preset: BudgetPreset): number {
  switch (preset) {
    case 'n-over-3':
      return clamp(Math.floor(options / 3), 3, 10);
    case 'n-over-4':
      return clamp(Math.floor(options / 4), 2, 10);
    case '18f':
      return options <= 12 ? 3 : options <= 20 ? 4 : 5;
  }
}

export const PRESET_NAMES: Readonly<Record<BudgetPreset, string>> = {
  'n-over-3': 'N/3 rule',
  'n-over-4': 'N/4 rule',
  '18f': '18F: 3 to 5 dots',
};

/** "12 options → 4 dots each (N/3 rule)": the rationale shown beside the budget. */
export function budgetRationale(options: number, preset: BudgetPreset): string {
  const dots = budgetFor(options, preset);
  return `${options} ${options === 1 ? 'option' : 'options'} → ${dots} ${dots === 1 ? 'dot' : 'dots'} each (${PRESET_NAMES[preset]})`;
}

/** The budget, cap and options can change only until voting opens and before any vote is recorded. */
export function isSetupLocked(v: Pick<DotVote, 'votingOpen' | 'ballots' | 'totals'>): boolean {
  return v.votingOpen || v.ballots.length > 0 || v.totals.length > 0;
}

/** Reasons voting cannot open yet; empty when it can. */
export function openVotingProblems(v: Pick<DotVote, 'optionIds' | 'budget' | 'maxPerOption'>): string[] {
  const problems: string[] = [];
  if (v.optionIds.length < 2) problems.push('Add at least two options to vote on.');
  if (new Set(v.optionIds).size !== v.optionIds.length)
    problems.push('An option appears twice; remove the duplicate.');
  if (v.maxPerOption > v.budget)
    problems.push(`The most dots on one option (${v.maxPerOption}) is more than the budget (${v.budget}).`);
  return problems;
}

export interface BallotCheck {
  readonly ok: boolean;
  /** Plain-English problems, each naming the option where it is about one. */
  readonly problems: readonly string[];
  readonly used: number;
  readonly remaining: number;
}

/**
 * Checks one person's dots against the budget and the per-option cap. Spending fewer dots than the budget is
 * allowed (an empty ballot is an abstention); fractions, negatives and unknown options are not.
 */
export function checkBallot(
  v: Pick<DotVote, 'optionIds' | 'budget' | 'maxPerOption'>,
  allocations: readonly Allocation[],
  label: (optionId: string) => string = (id) => id,
): BallotCheck {
  const problems: string[] = [];
  const options = new Set(v.optionIds);
  const seen = new Set<string>();
  let used = 0;
  for (const a of allocations) {
    const name = `“${label(a.optionId)}”`;
    if (!options.has(a.optionId)) problems.push(`${name} is not one of the options in this vote.`);
    if (seen.has(a.optionId)) problems.push(`${name} is listed twice on the ballot.`);
    seen.add(a.optionId);
    if (!Number.isInteger(a.amount) || a.amount < 0)
      problems.push(`${name}: dots must be a whole number, 0 or more.`);
    else if (a.amount > v.maxPerOption)
      problems.push(`${name} has ${a.amount} dots; the most on one option is ${v.maxPerOption}.`);
    if (Number.isFinite(a.amount)) used += a.amount;
  }
  if (used > v.budget) problems.push(`${used} dots used; each person has ${v.budget}.`);
  return { ok: problems.length === 0, problems, used, remaining: Math.max(0, v.budget - used) };
}

/** Checks totals counted from a paper wall: whole numbers, known options, and no more than the voters could place. */
export function checkTotals(
  v: Pick<DotVote, 'optionIds' | 'budget' | 'maxPerOption'>,
  totals: readonly Allocation[],
  voters: number | null,
  label: (optionId: string) => string = (id) => id,
): BallotCheck {
  const problems: string[] = [];
  const options = new Set(v.optionIds);
  let used = 0;
  for (const t of totals) {
    const name = `“${label(t.optionId)}”`;
    if (!options.has(t.optionId)) problems.push(`${name} is not one of the options in this vote.`);
    if (!Number.isInteger(t.amount) || t.amount < 0)
      problems.push(`${name}: the count must be a whole number, 0 or more.`);
    else {
      used += t.amount;
      if (voters !== null && t.amount > voters * v.maxPerOption)
        problems.push(
          `${name} has ${t.amount} dots, more than ${voters} voters could give it (${v.maxPerOption} each at most).`,
        );
    }
  }
  if (voters !== null && used > voters * v.budget)
    problems.push(
      `${used} dots counted in all, more than ${voters} voters with ${v.budget} dots each could place (${voters * v.budget}).`,
    );
  return { ok: problems.length === 0, problems, used, remaining: 0 };
}

/** Amount per option, every option listed (0 when nothing was given to it); amounts for anything else are ignored. */
export function sumByOption(
  optionIds: readonly string[],
  allocations: readonly Allocation[],
): Map<string, number> {
  const totals = new Map<string, number>(optionIds.map((id) => [id, 0]));
  for (const a of allocations)
    if (totals.has(a.optionId)) totals.set(a.optionId, totals.get(a.optionId)! + a.amount);
  return totals;
}

/** Dots per option: summed ballots, or the counted totals from a paper wall. */
export function dotTotals(
  v: Pick<DotVote, 'mode' | 'ballots' | 'totals' | 'optionIds'>,
): Map<string, number> {
  return sumByOption(v.optionIds, v.mode === 'totals' ? v.totals : v.ballots.flatMap((b) => b.allocations));
}

export function rankDotVote(v: DotVote, topN = 3): Ranking {
  return rankOptions(v.optionIds, dotTotals(v), topN);
}

/** How many people voted: ballots cast (abstentions included), or the paper-wall head count when given. */
export function voterCount(v: Pick<DotVote, 'mode' | 'ballots' | 'paperVoters'>): number | null {
  return v.mode === 'ballots' ? v.ballots.length : v.paperVoters;
}

/** An empty ballot records an abstention: the person took part and chose not to place dots. */
export function isAbstention(b: Pick<Ballot, 'allocations'>): boolean {
  return b.allocations.every((a) => a.amount === 0);
}

/**
 * What the room may see about a vote. Until the reveal: the number of ballots in and nothing else (no running
 * totals, no one's choices). After it: every total at once, ranked, with ties.
 */
export type VoteVisibility =
  | { readonly revealed: false; readonly ballotsIn: number | null; readonly expected: number }
  | { readonly revealed: true; readonly ranking: Ranking; readonly voters: number | null };

export function visibleVote(v: DotVote, expected: number): VoteVisibility {
  if (!v.revealed)
    return { revealed: false, ballotsIn: v.mode === 'ballots' ? v.ballots.length : null, expected };
  return { revealed: true, ranking: rankDotVote(v), voters: voterCount(v) };
}

/** "7 of 12 voted" while voting; a count only, never who. */
export function progressText(ballotsIn: number, expected: number): string {
  return expected > 0
    ? `${ballotsIn} of ${expected} voted`
    : `${ballotsIn} ${ballotsIn === 1 ? 'ballot' : 'ballots'} in`;
}

/** A new vote on just the tied options, with the same rules, placed straight after the original. */
export function revoteActivity(v: DotVote, optionIds: readonly string[]): DotVote {
  return {
    ...v,
    id: newId('activity'),
    title: `Re-vote: ${v.title}`.slice(0, 500),
    minutes: Math.min(v.minutes, 5) || 5,
    status: 'planned',
    summary: '',
    notes: '',
    optionIds: [...optionIds],
    budget: Math.min(v.budget, Math.max(1, optionIds.length - 1)),
    maxPerOption: Math.min(v.maxPerOption, Math.max(1, optionIds.length - 1)),
    ballots: [],
    totals: [],
    revealed: false,
    votingOpen: false,
    paperVoters: null,
    revoteOf: v.id,
  };
}

/** How the report and priorities describe the method: "Dot vote (3 dots each, at most 2 on one option, secret ballots, 14 voters)". */
export function describeDotVote(v: DotVote): string {
  const parts = [`${v.budget} ${v.budget === 1 ? 'dot' : 'dots'} each`];
  if (v.maxPerOption < v.budget)
    parts.push(v.maxPerOption === 1 ? 'one per option' : `at most ${v.maxPerOption} on one option`);
  parts.push(
    v.mode === 'totals' ? 'counted from a paper wall' : v.anonymous ? 'secret ballots' : 'named ballots',
  );
  const voters = voterCount(v);
  if (voters !== null) parts.push(`${voters} ${voters === 1 ? 'voter' : 'voters'}`);
  return `Dot vote (${parts.join(', ')})`;
}
