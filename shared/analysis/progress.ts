/**
 * Where delivery stands for a reporting period: each KPI's status and its results up to the period, the action
 * plan sorted into done, in progress, late (or stopped) and planned, and what changed since the period before.
 * The Progress step and the progress report both read this, so the screen and the document cannot disagree.
 */
import { samePeriod, allKpis, reportingPeriods } from '../model/progress-operations';
import type { Period } from '../model/periods';
import type { KpiResult, PlanAction } from '../model/progress-schema';
import type { Kpi, Objective, Workbook } from '../model/workbook-schema';
import { assessKpi, KPI_STATUSES, resultsInOrder, type KpiAssessment, type KpiStatus } from './kpi-status';

export interface KpiProgress {
  readonly kpi: Kpi;
  readonly objective: Objective;
  readonly assessment: KpiAssessment;
  /** Results up to and including the period, in time order. */
  readonly history: readonly KpiResult[];
  /** The status the period before had, for "what changed". */
  readonly previousStatus: KpiStatus | null;
}

export type ActionGroup = 'done' | 'in-progress' | 'late' | 'planned';

export interface ProgressFacts {
  /** The period reported on: the one asked for, else the latest with results; null when there are none. */
  readonly period: Period | null;
  readonly previousPeriod: Period | null;
  /** Actions due before this day and not done are late: the period's end, or today while the period runs. */
  readonly asAt: string;
  readonly kpis: readonly KpiProgress[];
  readonly counts: Readonly<Record<KpiStatus, number>>;
  readonly actions: Readonly<Record<ActionGroup, readonly PlanAction[]>>;
  /** Actions whose status an update dated within the period set to done. */
  readonly completedInPeriod: readonly PlanAction[];
}

const SIX_MONTHS_DAYS = 183;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The period a label names among those the workbook's results use (any case); null when none matches. */
export function findReportingPeriod(wb: Workbook, label: string): Period | null {
  const wanted = { label, start: null, end: null };
  return reportingPeriods(wb).find((p) => samePeriod(p, wanted)) ?? null;
}

/** Sorts an action into one of the report's four lists, as at a day. */
export function actionGroup(a: PlanAction, asAt: string): ActionGroup {
  if (a.status === 'done') return 'done';
  if (a.status === 'blocked' || a.status === 'dropped' || (a.due !== null && a.due < asAt)) return 'late';
  return a.status === 'in-progress' ? 'in-progress' : 'planned';
}

export function progressFacts(wb: Workbook, options: { period?: Period | null; today: string }): ProgressFacts {
  const periods = reportingPeriods(wb);
  const period = options.period ?? periods[0] ?? null;
  const index = period ? periods.findIndex((p) => samePeriod(p, period)) : -1;
  // Periods are latest first; the one before is the next older period that has results.
  const previousPeriod = index >= 0 ? (periods[index + 1] ?? null) : (periods.find((p) => period?.start && p.start && p.start < period.start) ?? null);
  const asAt = period?.end && period.end < options.today ? period.end : options.today;

  const kpis: KpiProgress[] = allKpis(wb).map(({ kpi, objective }) => {
    const assessment = assessKpi(kpi, period);
    const ordered = resultsInOrder(kpi);
    const upTo = assessment.result ? ordered.slice(0, ordered.indexOf(assessment.result) + 1) : ordered.filter((r) => !period?.end || !r.period.end || r.period.end <= period.end);
    return {
      kpi,
      objective,
      assessment,
      history: upTo,
      previousStatus: previousPeriod ? assessKpi(kpi, previousPeriod).status : null,
    };
  });
  const counts = Object.fromEntries(KPI_STATUSES.map((s) => [s, kpis.filter((k) => k.assessment.status === s).length])) as Record<KpiStatus, number>;

  const groups: Record<ActionGroup, PlanAction[]> = { done: [], 'in-progress': [], late: [], planned: [] };
  for (const a of wb.actionPlan) groups[actionGroup(a, asAt)].push(a);
  const byDue = (a: PlanAction, b: PlanAction) => (a.due ?? '9999').localeCompare(b.due ?? '9999');
  for (const g of Object.values(groups)) g.sort(byDue);
  // Planned means due within the six months after the period (or not yet dated).
  const horizon = addDays(asAt, SIX_MONTHS_DAYS);
  groups.planned = groups.planned.filter((a) => a.due === null || a.due <= horizon);

  const within = (date: string) => !period?.start || !period.end || (date >= period.start && date <= period.end);
  const completedInPeriod = groups.done.filter((a) => a.updates.some((u) => u.status === 'done' && within(u.date)));
  return { period, previousPeriod, asAt, kpis, counts, actions: groups, completedInPeriod };
}

/** "3 are on track, 1 is at risk and 2 have no result for H1 2025/26": the counts in words. */
export function statusCountsText(counts: Readonly<Record<KpiStatus, number>>, periodLabel: string): string {
  const be = (n: number) => `${n} ${n === 1 ? 'is' : 'are'}`;
  const parts: string[] = [];
  if (counts['on-track']) parts.push(`${be(counts['on-track'])} on track`);
  if (counts['at-risk']) parts.push(`${be(counts['at-risk'])} at risk`);
  if (counts['off-track']) parts.push(`${be(counts['off-track'])} off track`);
  if (counts['no-data']) parts.push(`${counts['no-data']} ${counts['no-data'] === 1 ? 'has' : 'have'} no result for ${periodLabel} or no baseline`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
