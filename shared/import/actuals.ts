/**
 * KPI results from a spreadsheet (CSV or XLSX): a row per KPI and period, with the columns KPI (its name or
 * id), Period, Value and, optionally, Note and Status (provisional or confirmed). As with the service's own
 * figures (own-figures.ts), every row is checked before anything is added and any bad row refuses the whole
 * file, naming its line; a row that would replace a result already recorded for the KPI and period is listed,
 * so the officer confirms it (in the command line, --replace).
 */
import { parsePeriod, type Period } from '../model/periods';
import { allKpis, putResults, samePeriod } from '../model/progress-operations';
import { RESULT_STATES, type KpiResult, type ResultState } from '../model/progress-schema';
import type { Workbook } from '../model/workbook-schema';
import type { RowProblem } from './own-figures';
import type { Table } from './table-outline';

export { describeProblem, type RowProblem } from './own-figures';

export const ACTUALS_ROLES = ['kpi', 'period', 'value', 'note', 'state'] as const;
export type ActualsRole = (typeof ACTUALS_ROLES)[number];
export type ActualsMapping = Partial<Record<ActualsRole, number>>;
export const ACTUALS_ROLE_LABELS: Record<ActualsRole, string> = {
  kpi: 'KPI (name or id)',
  period: 'Period',
  value: 'Value',
  note: 'Note',
  state: 'Status (provisional or confirmed)',
};
const REQUIRED: readonly ActualsRole[] = ['kpi', 'period', 'value'];

const GUESSES: Record<ActualsRole, RegExp> = {
  kpi: /\b(kpi|indicator|measure)s?\b/i,
  period: /\b(period|quarter|year|month)\b/i,
  value: /\b(value|result|actual|figure)s?\b/i,
  note: /\b(note|notes|comment|comments)\b/i,
  state: /\b(status|state)\b/i,
};

export function guessActualsMapping(headers: readonly string[]): ActualsMapping {
  const mapping: ActualsMapping = {};
  const used = new Set<number>();
  for (const role of ACTUALS_ROLES) {
    const i = headers.findIndex((h, idx) => !used.has(idx) && GUESSES[role].test(h));
    if (i >= 0) {
      mapping[role] = i;
      used.add(i);
    }
  }
  return mapping;
}

export interface ActualsRow {
  /** The row as the spreadsheet shows it (the header is line 1). */
  readonly line: number;
  readonly kpiId: string;
  readonly kpiName: string;
  readonly unit: string;
  readonly value: number;
  readonly period: Period;
  readonly note: string;
  readonly state: ResultState;
  /** The result recorded before for this KPI and period, which this row replaces. */
  readonly replaces: KpiResult | null;
}

export type ActualsResult =
  | { readonly ok: true; readonly rows: readonly ActualsRow[] }
  | { readonly ok: false; readonly problems: readonly RowProblem[] };

export const PERIOD_FORMS =
  'a financial year (2025/26), a half year (H1 2025/26), a quarter (Q2 2025/26), a month (March 2026) or a calendar year (2025)';

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();

/** "12,400", "61.5%", "£1,250", "-3" → a number; anything else → null. */
export function readNumber(text: string): number | null {
  const t = text.trim().replace(/^£/, '').replace(/%$/, '').trim();
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[-+]?\.\d+$/.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** Checks every row of the table against the workbook's KPIs; nothing is changed. */
export function readActuals(table: Table, mapping: ActualsMapping, wb: Workbook): ActualsResult {
  const problems: RowProblem[] = [];
  const missing = REQUIRED.filter((r) => mapping[r] === undefined);
  if (missing.length > 0)
    return {
      ok: false,
      problems: missing.map((r) => ({
        line: 1,
        column: ACTUALS_ROLE_LABELS[r],
        message: `no column holds the ${r === 'kpi' ? 'KPI' : r}; the columns are ${table.headers.map((h) => `“${h}”`).join(', ') || '(none)'}`,
      })),
    };
  const kpis = allKpis(wb);
  const byId = new Map(kpis.map((k) => [k.kpi.id, k]));
  const byName = new Map<string, typeof kpis>();
  for (const k of kpis) byName.set(fold(k.kpi.name), [...(byName.get(fold(k.kpi.name)) ?? []), k]);
  const header = (r: ActualsRole) => table.headers[mapping[r]!] || ACTUALS_ROLE_LABELS[r];
  const cellOf = (row: readonly string[], r: ActualsRole) => (mapping[r] === undefined ? '' : (row[mapping[r]!] ?? '').trim());

  const rows: ActualsRow[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const line = table.rowNumbers[i] ?? i + 2;
    const problem = (r: ActualsRole, message: string) => problems.push({ line, column: header(r), message });
    const kpiText = cellOf(row, 'kpi');
    const found = byId.get(kpiText) ? [byId.get(kpiText)!] : (byName.get(fold(kpiText)) ?? []);
    if (kpiText === '') problem('kpi', 'no KPI is named');
    else if (found.length === 0) problem('kpi', `“${kpiText}” is not the name or id of a KPI in this workbook`);
    else if (found.length > 1)
      problem('kpi', `“${kpiText}” names ${found.length} KPIs (under ${found.map((k) => `“${k.objective.title}”`).join(' and ')}); give the KPI’s id instead`);

    const valueText = cellOf(row, 'value');
    const value = readNumber(valueText);
    if (valueText === '') problem('value', 'there is no value');
    else if (value === null) problem('value', `“${valueText}” is not a number`);

    const periodText = cellOf(row, 'period');
    const period = parsePeriod(periodText);
    if (periodText === '') problem('period', 'there is no period');
    else if (!period.start || !period.end) problem('period', `“${periodText}” is not a period in a form the workbench reads: write ${PERIOD_FORMS}`);

    const stateText = fold(cellOf(row, 'state'));
    const state = (RESULT_STATES as readonly string[]).includes(stateText) ? (stateText as ResultState) : stateText === '' ? 'provisional' : null;
    if (state === null) problem('state', `“${cellOf(row, 'state')}” is not a status: write provisional or confirmed`);

    if (found.length !== 1 || value === null || !period.start || state === null) return;
    const { kpi } = found[0]!;
    const key = `${kpi.id}|${period.start}|${period.end}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem('period', `repeats the result for “${kpi.name}”, ${period.label} given on line ${earlier}`);
      return;
    }
    seen.set(key, line);
    rows.push({
      line,
      kpiId: kpi.id,
      kpiName: kpi.name,
      unit: kpi.unit,
      value,
      period,
      note: cellOf(row, 'note').slice(0, 500),
      state,
      replaces: kpi.results.find((r) => samePeriod(r.period, period)) ?? null,
    });
  });
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0) return { ok: false, problems: [{ line: 1, column: '', message: 'the file has no rows of results' }] };
  return { ok: true, rows };
}

/** Adds checked rows to the workbook, each replacing any earlier result for its KPI and period. */
export function applyActuals(wb: Workbook, rows: readonly ActualsRow[], source: string): { added: number; replaced: number } {
  return putResults(
    wb,
    rows.map((r) => ({ kpiId: r.kpiId, value: r.value, period: r.period, note: r.note, state: r.state, source })),
  );
}
