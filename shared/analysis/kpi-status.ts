/**
 * How a KPI stands for a reporting period: on track, at risk, off track or no data, from its baseline, target,
 * direction and the straight line between baseline and target (issue 12). The Progress step and the progress
 * report print KPI_STATUS_RULE beside the statuses, so the reader can check each one by hand.
 */
import { samePeriod } from '../model/progress-operations';
import type { Period } from '../model/periods';
import type { KpiResult } from '../model/progress-schema';
import type { Kpi } from '../model/workbook-schema';

export const KPI_STATUSES = ['on-track', 'at-risk', 'off-track', 'no-data'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];
export const KPI_STATUS_LABELS: Record<KpiStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  'no-data': 'No data',
};

/** How far short of the line still counts as at risk, as a share of the whole distance from baseline to target. */
export const AT_RISK_SHARE = 0.1;
/** For a KPI to keep steady: how far from its level is on track, and how far is at risk. */
export const STEADY_ON_TRACK = 0.05;
export const STEADY_AT_RISK = 0.1;

export const KPI_STATUS_RULE =
  'A KPI’s status compares its result for the period with where a straight line from its baseline to its target says it should be by the end of that period. ' +
  'It is on track when the result is at the line or better (higher where higher is better, lower where lower is better), ' +
  `at risk when it falls short of the line by no more than ${AT_RISK_SHARE * 100}% of the distance from baseline to target, and off track when it falls further short. ` +
  'Where the baseline or target has no dates the result is compared with the target itself: on track when it meets the target, at risk when it has moved towards it from the baseline, and off track otherwise. ' +
  'A KPI with no target is on track when its result is no worse than the baseline and off track when it is worse. ' +
  `A KPI to keep steady is on track within ${STEADY_ON_TRACK * 100}% of its target (or its baseline when it has no target), at risk within ${STEADY_AT_RISK * 100}%, and off track beyond that. ` +
  'There is no data when the KPI has no result for the period or no baseline.';

export interface KpiAssessment {
  readonly status: KpiStatus;
  /** The result the status is about (the period's, or the latest when no period is given). */
  readonly result: KpiResult | null;
  /** What the result was compared with: the line's value at the end of the result's period, the target, the baseline, or the level to keep. */
  readonly expected: number | null;
  readonly against: 'trajectory' | 'target' | 'baseline' | 'level' | null;
  /** The result before this one, for "what changed since the last period". */
  readonly previous: KpiResult | null;
}

const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
/** The day a period is measured at: its end, or its start when it has only that. */
const measuredAt = (p: Period): number | null => (p.end ? time(p.end) : p.start ? time(p.start) : null);

/** The KPI's results in time order (undated last, as entered). */
export function resultsInOrder(kpi: Kpi): KpiResult[] {
  return [...kpi.results].sort((a, b) => (measuredAt(a.period) ?? Infinity) - (measuredAt(b.period) ?? Infinity));
}

/** The result for a period, or the latest one when no period is asked for. */
export function resultFor(kpi: Kpi, period: Period | null): KpiResult | null {
  const ordered = resultsInOrder(kpi);
  if (period === null) return ordered.at(-1) ?? null;
  return ordered.find((r) => samePeriod(r.period, period)) ?? null;
}

/** The value the straight line from baseline to target gives at a day, held at the target after its date. */
export function trajectoryAt(kpi: Kpi, at: number): number | null {
  if (!kpi.baseline || !kpi.target) return null;
  const from = measuredAt(kpi.baseline.period);
  const to = measuredAt(kpi.target.period);
  if (from === null || to === null || to <= from) return null;
  const share = Math.min(1, Math.max(0, (at - from) / (to - from)));
  return kpi.baseline.value + (kpi.target.value - kpi.baseline.value) * share;
}

export function assessKpi(kpi: Kpi, period: Period | null = null): KpiAssessment {
  const result = resultFor(kpi, period);
  const ordered = resultsInOrder(kpi);
  const previous = result ? (ordered[ordered.indexOf(result) - 1] ?? null) : null;
  if (!result || !kpi.baseline) return { status: 'no-data', result, expected: null, against: null, previous };
  const baseline = kpi.baseline.value;
  const target = kpi.target?.value ?? null;
  const value = result.value;

  if (kpi.direction === 'maintain') {
    const level = target ?? baseline;
    const off = Math.abs(value - level) / Math.max(Math.abs(level), Number.EPSILON);
    const status = off <= STEADY_ON_TRACK ? 'on-track' : off <= STEADY_AT_RISK ? 'at-risk' : 'off-track';
    return { status, result, expected: level, against: 'level', previous };
  }

  const better = kpi.direction === 'increase' ? 1 : -1;
  if (target === null) return { status: better * (value - baseline) >= 0 ? 'on-track' : 'off-track', result, expected: baseline, against: 'baseline', previous };

  const at = measuredAt(result.period);
  const expected = at === null ? null : trajectoryAt(kpi, at);
  if (expected === null) {
    const status = better * (value - target) >= 0 ? 'on-track' : better * (value - baseline) > 0 ? 'at-risk' : 'off-track';
    return { status, result, expected: target, against: 'target', previous };
  }
  const gap = better * (value - expected);
  const tolerance = AT_RISK_SHARE * Math.abs(target - baseline);
  const status = gap >= 0 ? 'on-track' : -gap <= tolerance ? 'at-risk' : 'off-track';
  return { status, result, expected, against: 'trajectory', previous };
}
