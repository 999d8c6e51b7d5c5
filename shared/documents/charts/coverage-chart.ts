/**
 * The coverage chart's data (services contributing to each objective, by strength) and its alt text, written from
 * the same numbers so the description always matches the picture.
 */
import type { AnalysisReport } from '../../analysis/report';
import type { Workbook } from '../../model/workbook-schema';
import type { ChartSpec } from '../model';
import { listInWords } from '../template/format';

export function coverageChartSpec(_wb: Workbook, analysis: AnalysisReport, numbers: ReadonlyMap<string, string>): ChartSpec {
  const bars = analysis.objectives
    .filter((o) => o.assessable)
    .map((o) => ({
      label: `${numbers.get(o.objectiveId) ?? ''} ${o.title}`.trim(),
      values: [3, 2, 1].map((s) => o.contributors.filter((c) => c.strength === s).length),
    }));
  return {
    type: 'stacked-bar',
    title: 'Library services contributing to each council objective',
    series: [
      { name: 'Strong', shade: 'strength-3' },
      { name: 'Medium', shade: 'strength-2' },
      { name: 'Weak', shade: 'strength-1' },
    ],
    bars,
    valueLabel: 'Number of library services contributing',
  };
}

function describeBar(label: string, values: readonly number[], series: ChartSpec['series']): string {
  const total = values.reduce((n, v) => n + v, 0);
  if (total === 0) return `${label}: none`;
  const parts = values.map((v, i) => (v > 0 ? `${v} ${series[i]!.name.toLowerCase()}` : '')).filter(Boolean);
  return `${label}: ${total} (${parts.join(', ')})`;
}

/** Alt text: what the chart shows and its figures (all of them when there are few bars, the extremes otherwise). */
export function coverageAlt(spec: ChartSpec): string {
  const n = spec.bars.length;
  const head = `Horizontal bar chart of the number of library services contributing to each of ${n} council objectives, split into strong, medium and weak contributions.`;
  if (n <= 12) return `${head} ${spec.bars.map((b) => describeBar(b.label, b.values, spec.series)).join('; ')}.`;
  const totals = spec.bars.map((b) => ({ b, total: b.values.reduce((x, v) => x + v, 0) }));
  const top = [...totals].sort((a, b) => b.total - a.total).slice(0, 3);
  const none = totals.filter((t) => t.total === 0).map((t) => t.b.label);
  return `${head} Most services: ${top.map((t) => describeBar(t.b.label, t.b.values, spec.series)).join('; ')}. ${
    none.length === 0
      ? 'Every objective has at least one contributing service.'
      : none.length <= 5
        ? `No contribution: ${listInWords(none)}.`
        : `${none.length} objectives have no contribution.`
  } The table of coverage by objective gives every figure.`;
}
