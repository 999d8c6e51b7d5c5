/**
 * The coverage chart's data (services contributing to each objective, by strength) and its alt text, written from
 * the same numbers so the description always matches the picture.
 */
import type { DocumentFacts } from '../facts/facts';
import type { ChartSpec } from '../model';
import { listInWords } from '../../text/words';

/** One bar per objective in scope, in tree order, split by strength: the same counts as the coverage table and the matrix. */
export function coverageChartSpec(facts: Pick<DocumentFacts, 'objectives' | 'scope'>): ChartSpec {
  const bars = facts.objectives.map((o) => ({ label: `${o.code} ${o.title}`.trim(), values: [o.strong, o.medium, o.weak] }));
  return {
    type: 'stacked-bar',
    title: facts.scope.wholeService ? 'Library services contributing to each council objective' : 'Services in this proposal contributing to each council objective',
    series: [
      { name: 'Strong', shade: 'strength-3' },
      { name: 'Medium', shade: 'strength-2' },
      { name: 'Weak', shade: 'strength-1' },
    ],
    bars,
    valueLabel: 'Number of services contributing',
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
  const head = `Horizontal bar chart of the number of library services contributing to each of ${n === 1 ? 'one council objective' : `${n} council objectives`}, split into strong, medium and weak contributions.`;
  if (n <= 12) return `${head} ${spec.bars.map((b) => describeBar(b.label, b.values, spec.series)).join('; ')}.`;
  const totals = spec.bars.map((b) => ({ b, total: b.values.reduce((x, v) => x + v, 0) }));
  const top = [...totals].sort((a, b) => b.total - a.total).slice(0, 3);
  const none = totals.filter((t) => t.total === 0).map((t) => t.b.label);
  const noneText = none.length === 0 ? 'Every objective has at least one contributing service.' : none.length <= 5 ? `No contribution: ${listInWords(none)}.` : `${none.length} objectives have no contribution.`;
  return `${head} Most services: ${top.map((t) => describeBar(t.b.label, t.b.values, spec.series)).join('; ')}. ${noneText} The table of contribution by objective gives every figure.`;
}
