/**
 * The progress report's blocks and data (issue 12): {{block kpi-progress}} (each KPI's status for the period in
 * one table, then a chart of each KPI over time with its baseline and target and the same figures as a table)
 * and {{block action-plan show="done|in-progress|late|planned"}}; `progress.*` in the data view gives the period,
 * the status rule and the summary sentence. The reporting period is the answer to `reporting_period`, or the
 * latest period with results. Everything reads progressFacts, as the Progress step does.
 */
import { KPI_STATUS_LABELS, KPI_STATUS_RULE, type KpiAssessment, type KpiStatus } from '../../analysis/kpi-status';
import { progressFacts, statusCountsText, findReportingPeriod, type ActionGroup, type KpiProgress, type ProgressFacts } from '../../analysis/progress';
import { parsePeriod } from '../../model/periods';
import { ACTION_STATUS_LABELS, RAG_LABELS, type PlanAction } from '../../model/progress-schema';
import type { Kpi, PeriodValue, Workbook } from '../../model/workbook-schema';
import { uniqueId, type Block, type ChartSpec, type Shade, type TableCell } from '../model';
import type { BlockContext } from './blocks';
import { formatDate, isoDate } from '../../text/dates';
import { formatNumber } from '../../text/numbers';
import { listInWords, plural } from '../../text/words';
import { TemplateError, type Location } from './syntax';
import { guidance } from './block-parts';

export const REPORTING_PERIOD_QUESTION = 'reporting_period';

const STATUS_SHADE: Record<KpiStatus, Shade> = { 'on-track': 'rag-green', 'at-risk': 'rag-amber', 'off-track': 'rag-red', 'no-data': 'muted' };
const RAG_SHADE: Record<'red' | 'amber' | 'green', Shade> = { red: 'rag-red', amber: 'rag-amber', green: 'rag-green' };
const cell = (s: string, extra: Partial<TableCell> = {}): TableCell => ({ content: [{ kind: 'text', text: s }], ...extra });
const para = (s: string): Block => ({ kind: 'paragraph', content: [{ kind: 'text', text: s }] });

/** The facts for the period the answers name (or the latest with results), as at the day of export. */
export function progressFactsFor(wb: Workbook, answers: Readonly<Record<string, string>>, generatedAt: Date): ProgressFacts {
  const asked = (answers[REPORTING_PERIOD_QUESTION] ?? '').trim();
  const period = asked === '' ? null : (findReportingPeriod(wb, asked) ?? parsePeriod(asked));
  return progressFacts(wb, { period, today: isoDate(generatedAt) });
}

/** A KPI's figure to two decimal places at most: 12,400; 61.5. */
export function kpiNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return formatNumber(rounded, Number.isInteger(rounded) ? 0 : undefined);
}

/** 12,400 visits; 61.5% of adults (16+) */
export function kpiFigure(value: number, unit: string): string {
  if (unit.startsWith('%')) return `${kpiNumber(value)}${unit}`;
  return unit ? `${kpiNumber(value)} ${unit}` : kpiNumber(value);
}

/** What the status compared the result with, in a few words. */
export function comparedWithText(a: KpiAssessment): string {
  if (a.expected === null || a.against === null) return '–';
  const n = kpiNumber(a.expected);
  return { trajectory: `${n} by the line`, target: `${n}, the target`, baseline: `${n}, the baseline`, level: `${n}, the level to keep` }[a.against];
}

const periodValueText = (pv: PeriodValue | null) => (pv ? `${kpiNumber(pv.value)}${pv.period.label ? ` (${pv.period.label})` : ''}` : 'None');

export function changeText(k: KpiProgress): string {
  const r = k.assessment.result;
  const before = k.assessment.previous;
  if (!r) return 'No result';
  if (!before) return 'First result';
  const diff = r.value - before.value;
  const moved = diff === 0 ? 'No change' : `${diff > 0 ? 'Up' : 'Down'} ${kpiNumber(Math.abs(diff))}`;
  return `${moved} on ${before.period.label}`;
}

/** The sentence the summary opens with: how many KPIs stand where, and the actions. */
export function progressSummary(f: ProgressFacts): string {
  if (!f.period) return 'No KPI results are recorded yet, so there is nothing to report against the KPIs.';
  const label = f.period.label;
  const withKpis = f.kpis.length;
  const kpiPart = withKpis === 0 ? 'No KPIs are recorded.' : `Of the ${plural(withKpis, 'KPI')}, ${statusCountsText(f.counts, label)}.`;
  const be = (n: number) => `${n} ${n === 1 ? 'is' : 'are'}`;
  const a = f.actions;
  const actionParts = [
    a.done.length ? `${be(a.done.length)} done` : '',
    a['in-progress'].length ? `${be(a['in-progress'].length)} in progress` : '',
    a.late.length ? `${be(a.late.length)} late, blocked or dropped` : '',
    a.planned.length ? `${be(a.planned.length)} planned for the next six months` : '',
  ].filter(Boolean);
  const actionPart = actionParts.length ? ` Of the ${plural(f.actions.done.length + f.actions['in-progress'].length + f.actions.late.length + f.actions.planned.length, 'action')} reported here, ${actionParts.length > 2 ? `${actionParts.slice(0, -1).join('; ')}; and ${actionParts.at(-1)}` : listInWords(actionParts)}.` : '';
  return `${kpiPart}${actionPart}`;
}

/** Baseline, each result and the target as bars, one series each, so the chart reads without colour. */
export function kpiChartSpec(k: { kpi: Kpi; history: readonly { value: number; period: { label: string } }[] }): ChartSpec {
  const round = (v: number) => Math.round(v * 100) / 100;
  const bars = [
    ...(k.kpi.baseline ? [{ label: `Baseline ${k.kpi.baseline.period.label}`.trim(), values: [round(k.kpi.baseline.value), 0, 0] }] : []),
    ...k.history.map((r) => ({ label: r.period.label, values: [0, round(r.value), 0] })),
    ...(k.kpi.target ? [{ label: `Target ${k.kpi.target.period.label}`.trim(), values: [0, 0, round(k.kpi.target.value)] }] : []),
  ];
  return {
    type: 'stacked-bar',
    title: k.kpi.name,
    series: [
      { name: 'Baseline', shade: 'muted' },
      { name: 'Result', shade: 'accent' },
      { name: 'Target', shade: 'rag-green' },
    ],
    bars,
    valueLabel: k.kpi.unit ? (k.kpi.unit === '%' ? 'Per cent' : k.kpi.unit.charAt(0).toUpperCase() + k.kpi.unit.slice(1)) : 'Value',
  };
}

export function kpiChartAlt(k: { kpi: Kpi; history: readonly { value: number; period: { label: string } }[] }): string {
  const u = k.kpi.unit;
  const parts = [
    k.kpi.baseline ? `baseline ${kpiFigure(k.kpi.baseline.value, u)} in ${k.kpi.baseline.period.label || 'the baseline period'}` : 'no baseline',
    ...k.history.map((r) => `${kpiFigure(r.value, u)} in ${r.period.label}`),
    k.kpi.target ? `target ${kpiFigure(k.kpi.target.value, u)} by ${k.kpi.target.period.label || 'the target date'}` : 'no target',
  ];
  return `Bar chart of ${k.kpi.name} over time: ${listInWords(parts)}.`;
}

function needsResults(ctx: BlockContext, f: ProgressFacts): Block[] | null {
  if (f.kpis.length === 0) {
    ctx.warn('empty-data', 'The progress report has no KPIs: record KPIs against the objectives first.');
    return [guidance('No KPIs recorded', 'Record the KPIs for each objective in the Objectives step, with baselines and targets, then their results in the Progress step.')];
  }
  if (!f.kpis.some((k) => k.assessment.result)) {
    const label = f.period?.label;
    ctx.warn('empty-data', `No KPI has a result${label ? ` for ${label}` : ''}: record or import results in the Progress step.`);
    return [guidance('No results for the period', `Record or import the KPIs’ results${label ? ` for ${label}` : ''} in the Progress step.`)];
  }
  return null;
}

/** {{block kpi-progress}} */
export function kpiProgressBlocks(ctx: BlockContext): Block[] {
  const f = progressFactsFor(ctx.workbook, ctx.answers, ctx.generatedAt);
  const missing = needsResults(ctx, f);
  if (missing) return missing;
  const label = f.period!.label;
  const source = `${ctx.workbook.title}, KPI results as at ${formatDate(f.asAt)}`;
  const out: Block[] = [
    para(KPI_STATUS_RULE),
    {
      kind: 'table',
      id: uniqueId(ctx.ids, 'kpi-status'),
      caption: `KPI results for ${label} against baseline and target`,
      columns: [
        { header: 'KPI and unit', width: 3.6 },
        { header: 'Baseline', width: 1.7 },
        { header: 'Target', width: 1.7 },
        { header: `Result ${label}`, width: 1.9 },
        { header: 'Compared with', width: 1.8 },
        { header: 'Status', width: 1.3 },
        { header: 'Change', width: 1.8 },
      ],
      rows: f.kpis.map((k) => {
        const a = k.assessment;
        return [
          cell(k.kpi.unit ? `${k.kpi.name}, ${k.kpi.unit}` : k.kpi.name),
          cell(periodValueText(k.kpi.baseline)),
          cell(periodValueText(k.kpi.target)),
          cell(a.result ? `${kpiNumber(a.result.value)}${a.result.state === 'provisional' ? ', provisional' : ''}` : 'No result'),
          cell(comparedWithText(a)),
          cell(KPI_STATUS_LABELS[a.status], { shade: STATUS_SHADE[a.status] }),
          cell(changeText(k)),
        ];
      }),
      rowHeaders: true,
      source,
    },
  ];
  for (const k of f.kpis) {
    if (k.history.length === 0) continue;
    out.push({ kind: 'heading', level: 2, id: uniqueId(ctx.ids, k.kpi.name), content: [{ kind: 'text', text: k.kpi.name }] });
    out.push(para(`${k.objective.title}. ${KPI_STATUS_LABELS[k.assessment.status]} for ${label}${k.kpi.source ? `; the KPI is measured by ${k.kpi.source}` : ''}.`));
    out.push({ kind: 'figure', id: uniqueId(ctx.ids, `chart ${k.kpi.name}`), chart: kpiChartSpec(k), alt: kpiChartAlt(k), caption: `${k.kpi.name} over time, with its baseline and target`, source });
    out.push({
      kind: 'table',
      id: uniqueId(ctx.ids, `figures ${k.kpi.name}`),
      caption: `${k.kpi.name}: the figures in the chart`,
      columns: [
        { header: 'Period', width: 2.2 },
        { header: 'Figure', width: 2, align: 'right' },
        { header: 'What it is', width: 2 },
        { header: 'Source and note', width: 4 },
      ],
      rows: [
        ...(k.kpi.baseline ? [[cell(k.kpi.baseline.period.label || 'Not given'), cell(kpiFigure(k.kpi.baseline.value, k.kpi.unit), { align: 'right' as const }), cell('Baseline'), cell(k.kpi.source || 'Not recorded')]] : []),
        ...k.history.map((r) => [
          cell(r.period.label),
          cell(kpiFigure(r.value, k.kpi.unit), { align: 'right' }),
          cell(r.state === 'confirmed' ? 'Result, confirmed' : 'Result, provisional'),
          cell([r.source, r.note].filter(Boolean).join('. ') || 'Not recorded'),
        ]),
        ...(k.kpi.target ? [[cell(k.kpi.target.period.label || 'Not given'), cell(kpiFigure(k.kpi.target.value, k.kpi.unit), { align: 'right' as const }), cell('Target'), cell(k.kpi.source || 'Not recorded')]] : []),
      ],
      rowHeaders: true,
      dense: true,
    });
  }
  return out;
}

const GROUPS: Record<ActionGroup, { caption: string; empty: string }> = {
  done: { caption: 'Actions completed', empty: 'No action in the plan is recorded as done yet.' },
  'in-progress': { caption: 'Actions in progress', empty: 'No action is in progress.' },
  late: { caption: 'Actions late, blocked or dropped, with reasons', empty: 'No action is late, blocked or dropped.' },
  planned: { caption: 'Actions planned for the next six months', empty: 'No further action is planned for the next six months.' },
};

/** Where an action came from, short enough for a table cell. */
function originShort(wb: Workbook, a: PlanAction): string {
  switch (a.origin.kind) {
    case 'entered':
      return 'Action plan';
    case 'workshop': {
      const workshopId = a.origin.workshopId;
      const date = wb.workshops.find((w) => w.id === workshopId)?.date;
      return date ? `Workshop, ${formatDate(date)}` : 'Workshop';
    }
    case 'milestone':
      return 'Business case milestone';
  }
}

function latestUpdate(a: PlanAction): string {
  const u = a.updates.at(-1);
  return u ? `${formatDate(u.date)}: ${u.text}` : '';
}

/** {{block action-plan show="done|in-progress|late|planned"}} */
export function actionPlanBlocks(ctx: BlockContext, options: Readonly<Record<string, string>>, at: Location): Block[] {
  const group = options.show as ActionGroup | undefined;
  if (!group || !(group in GROUPS)) throw new TemplateError(at, `{{block action-plan}} needs show="done", "in-progress", "late" or "planned".`);
  const f = progressFactsFor(ctx.workbook, ctx.answers, ctx.generatedAt);
  const actions = f.actions[group];
  if (ctx.workbook.actionPlan.length === 0) {
    ctx.warn('empty-data', 'The action plan is empty: add actions, or carry them across from a workshop or a business case, in the Progress step.');
    return [guidance('No action plan yet', 'Add the actions in the Progress step, or carry across a workshop’s agreed actions or a business case’s milestones.')];
  }
  if (actions.length === 0) return [para(GROUPS[group].empty)];
  const objectives = new Map(ctx.workbook.objectives.map((o) => [o.id, o.title]));
  const detail = (a: PlanAction) =>
    group === 'late' ? a.reason || latestUpdate(a) || 'No reason recorded' : latestUpdate(a) || 'None yet';
  return [
    {
      kind: 'table',
      id: uniqueId(ctx.ids, `actions ${group}`),
      caption: GROUPS[group].caption,
      columns: [
        { header: 'Action', width: 3 },
        { header: 'Owner', width: 1.6 },
        { header: 'Due', width: 1.5 },
        { header: 'Status', width: 1.5 },
        { header: group === 'late' ? 'Reason' : 'Latest update', width: 3.2 },
        { header: 'Objectives', width: 2.4 },
        { header: 'From', width: 1.6 },
      ],
      rows: actions.map((a) => [
        cell(a.title),
        cell(a.owner || 'Not assigned'),
        cell(a.due ? formatDate(a.due) : 'No date'),
        cell(`${ACTION_STATUS_LABELS[a.status]}${a.rag ? `, ${RAG_LABELS[a.rag]}` : ''}`, a.rag ? { shade: RAG_SHADE[a.rag] } : {}),
        cell(detail(a)),
        cell(a.objectiveIds.map((id) => objectives.get(id) ?? '').filter(Boolean).join('; ') || 'None linked'),
        cell(originShort(ctx.workbook, a)),
      ]),
      rowHeaders: true,
      dense: true,
      source: `${ctx.workbook.title}, action plan as at ${formatDate(f.asAt)}`,
    },
  ];
}

/** `progress` in the data view: the period, the rule, the summary sentence and the counts. */
export function progressViewFields(wb: Workbook, answers: Readonly<Record<string, string>>, generatedAt: Date) {
  const f = progressFactsFor(wb, answers, generatedAt);
  return {
    period: f.period?.label ?? '',
    periodText: f.period ? `Reporting period ${f.period.label}` : '',
    previousPeriod: f.previousPeriod?.label ?? '',
    asAt: f.asAt,
    rule: KPI_STATUS_RULE,
    summary: progressSummary(f),
    kpis: f.kpis.length,
    onTrack: f.counts['on-track'],
    atRisk: f.counts['at-risk'],
    offTrack: f.counts['off-track'],
    noData: f.counts['no-data'],
    done: f.actions.done.length,
    inProgress: f.actions['in-progress'].length,
    late: f.actions.late.length,
    planned: f.actions.planned.length,
    actions: wb.actionPlan.length,
  };
}
