/**
 * 100-point allocation (WORKSHOPS.md §1.2, §5.C.12): each person shares out exactly the total, with an optional
 * cap per option; it stops working well beyond about 20 options, so the facilitator is warned.
 */
import type { Activity } from '../model/workbook-schema';
import { sumByOption, type Allocation, type BallotCheck } from './dot-vote';
import { rankOptions, type Ranking } from './ranking';

export type PointsActivity = Extract<Activity, { kind: 'points' }>;

/** Above this many options people stop discriminating between them (Public Agile playbook: 10 to 20 items). */
export const POINTS_OPTION_WARNING = 20;
/** The per-option cap suggested when the facilitator turns one on (workshopr: no more than 25 of 100). */
export const DEFAULT_POINTS_CAP = 25;

export function pointsSetupWarnings(
  a: Pick<PointsActivity, 'optionIds' | 'total' | 'maxPerOption'>,
): string[] {
  const warnings: string[] = [];
  if (a.optionIds.length > POINTS_OPTION_WARNING)
    warnings.push(
      `${a.optionIds.length} options is a lot to share ${a.total} points across; it works best with 10 to 20. Consider a dot vote first to shorten the list.`,
    );
  if (a.maxPerOption !== null && a.maxPerOption * a.optionIds.length < a.total)
    warnings.push(
      `With at most ${a.maxPerOption} on each of ${a.optionIds.length} options, nobody can place all ${a.total} points. Raise the cap or add options.`,
    );
  return warnings;
}

export function isPointsSetupLocked(a: Pick<PointsActivity, 'votingOpen' | 'ballots'>): boolean {
  return a.votingOpen || a.ballots.length > 0;
}

export function openPointsProblems(
  a: Pick<PointsActivity, 'optionIds' | 'total' | 'maxPerOption'>,
): string[] {
  const problems: string[] = [];
  if (a.optionIds.length < 2) problems.push('Add at least two options to share points across.');
  if (new Set(a.optionIds).size !== a.optionIds.length)
    problems.push('An option appears twice; remove the duplicate.');
  if (a.maxPerOption !== null && a.maxPerOption * a.optionIds.length < a.total)
    problems.push(`With at most ${a.maxPerOption} on each option, nobody can place all ${a.total} points.`);
  return problems;
}

/** A ballot is valid only when it places exactly the total, in whole points, within the cap. */
export function checkAllocation(
  a: Pick<PointsActivity, 'optionIds' | 'total' | 'maxPerOption'>,
  allocations: readonly Allocation[],
  label: (optionId: string) => string = (id) => id,
): BallotCheck {
  const problems: string[] = [];
  const options = new Set(a.optionIds);
  const seen = new Set<string>();
  let used = 0;
  for (const al of allocations) {
    const name = `“${label(al.optionId)}”`;
    if (!options.has(al.optionId)) problems.push(`${name} is not one of the options.`);
    if (seen.has(al.optionId)) problems.push(`${name} is listed twice.`);
    seen.add(al.optionId);
    if (!Number.isInteger(al.amount) || al.amount < 0)
      problems.push(`${name}: points must be a whole number, 0 or more.`);
    else if (a.maxPerOption !== null && al.amount > a.maxPerOption)
      problems.push(`${name} has ${al.amount} points; the most on one option is ${a.maxPerOption}.`);
    if (Number.isFinite(al.amount)) used += al.amount;
  }
  if (used !== a.total)
    problems.push(
      used < a.total
        ? `${a.total - used} points still to place: the points must add up to ${a.total}.`
        : `${used - a.total} points too many: the points must add up to ${a.total}.`,
    );
  return { ok: problems.length === 0, problems, used, remaining: a.total - used };
}

export function pointTotals(a: Pick<PointsActivity, 'optionIds' | 'ballots'>): Map<string, number> {
  return sumByOption(
    a.optionIds,
    a.ballots.flatMap((b) => b.allocations),
  );
}

export function rankPoints(a: PointsActivity, topN = 3): Ranking {
  return rankOptions(a.optionIds, pointTotals(a), topN);
}

/** Points per option as a share of everything placed (0–100), so rooms of different sizes compare. */
export function pointShares(a: PointsActivity): Map<string, number> {
  const totals = pointTotals(a);
  const all = [...totals.values()].reduce((n, v) => n + v, 0);
  return new Map([...totals].map(([id, v]) => [id, all > 0 ? Math.round((v / all) * 1000) / 10 : 0]));
}

export function describePoints(a: PointsActivity): string {
  const parts = [`${a.total} points each`];
  if (a.maxPerOption !== null) parts.push(`at most ${a.maxPerOption} on one option`);
  parts.push(a.anonymous ? 'secret ballots' : 'named ballots');
  parts.push(`${a.ballots.length} ${a.ballots.length === 1 ? 'voter' : 'voters'}`);
  return `${a.total}-point allocation (${parts.join(', ')})`;
}
