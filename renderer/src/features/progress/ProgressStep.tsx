/**
 * Progress (issue 12): for a reporting period, each KPI's result and status, the action plan with its updates,
 * what needs attention (off track, late) and what changed since the period before, and each KPI over time. The
 * progress report (Documents) reads the same facts.
 */
import { useId, useMemo, useState } from 'react';
import { KPI_STATUS_LABELS, KPI_STATUS_RULE } from '../../../../shared/analysis/kpi-status';
import { progressFacts, statusCountsText } from '../../../../shared/analysis/progress';
import { PERIOD_FORMS } from '../../../../shared/import/actuals';
import { readPlanFile } from '../../../../shared/import/plan-files';
import type { Table } from '../../../../shared/import/table-outline';
import { parsePeriod, type Period } from '../../../../shared/model/periods';
import { reportingPeriods, samePeriod } from '../../../../shared/model/progress-operations';
import { showError } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { ActionPlan } from './ActionPlan';
import { ImportActualsDialog } from './ImportActualsDialog';
import { KpiCharts } from './KpiCharts';
import { ResultsTable } from './ResultsTable';
import './progress.css';
import { FileButton } from '../../components/FileButton';

const ukDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function ProgressStep() {
  const wb = useWorkbookStore((s) => s.workbook)!;
  const periods = useMemo(() => reportingPeriods(wb), [wb]);
  const [chosen, setChosen] = useState<Period | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const [importing, setImporting] = useState<{ fileName: string; table: Table } | null>(null);
  const ids = { period: useId(), newPeriod: useId(), newError: useId() };
  const period = chosen ?? periods[0] ?? null;
  const today = new Date().toISOString().slice(0, 10);
  const facts = useMemo(() => (period ? progressFacts(wb, { period, today }) : null), [wb, period, today]);
  const options = period && !periods.some((p) => samePeriod(p, period)) ? [period, ...periods] : periods;
  const parsedNew = parsePeriod(newLabel);
  const newError = newLabel.trim() && !parsedNew.start ? `Write ${PERIOD_FORMS}.` : null;

  const onFile = async (file: File) => {
    if (!/\.(csv|xlsx)$/i.test(file.name)) return showError(`“${file.name}” is not a CSV or Excel (.xlsx) file.`);
    const read = await readPlanFile(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) return showError(read.error);
    if (!('table' in read.value)) return showError(`“${file.name}” is not a spreadsheet.`);
    if (read.value.table.headers.length === 0) return showError(`“${file.name}” is empty.`);
    setImporting({ fileName: file.name, table: read.value.table });
  };

  const kpiCount = facts?.kpis.length ?? wb.objectives.reduce((n, o) => n + o.kpis.length, 0);
  const offTrack = facts?.kpis.filter((k) => k.assessment.status === 'off-track') ?? [];
  const late = facts?.actions.late ?? [];
  const changed = facts?.kpis.filter((k) => k.previousStatus !== null && k.previousStatus !== k.assessment.status) ?? [];

  return (
    <div className="step progress-step">
      <h1>Progress</h1>
      <p>
        Record each KPI’s results by reporting period, keep the action plan up to date, and see what is off track or late. The six-monthly
        progress report in the Documents step is written from what you record here.
      </p>

      <section className="panel" aria-labelledby="period-heading">
        <h2 id="period-heading">Reporting period</h2>
        <div className="toolbar">
          {options.length > 0 && (
            <div className="field">
              <label htmlFor={ids.period}>Period</label>
              <select
                id={ids.period}
                value={period?.label ?? ''}
                onChange={(e) => setChosen(options.find((p) => p.label === e.target.value) ?? null)}
              >
                {options.map((p) => (
                  <option key={p.label} value={p.label}>
                    {p.label}
                  </option>
                ))}
              </select>
            </div>
          )}
          <form
            className="field"
            onSubmit={(e) => {
              e.preventDefault();
              if (!parsedNew.start) return;
              setChosen(periods.find((p) => samePeriod(p, parsedNew)) ?? parsedNew);
              setNewLabel('');
            }}
          >
            <label htmlFor={ids.newPeriod}>Start a new period</label>
            <div className="hint">For example H1 2026/27, Q3 2026/27 or 2026/27.</div>
            <input
              id={ids.newPeriod}
              type="text"
              value={newLabel}
              aria-invalid={newError ? true : undefined}
              aria-describedby={newError ? ids.newError : undefined}
              onChange={(e) => setNewLabel(e.target.value)}
            />
            {newError && (
              <div id={ids.newError} className="error-message">
                {newError}
              </div>
            )}
            <button type="submit" className="button button-secondary" disabled={!parsedNew.start}>
              Use this period
            </button>
          </form>
          <FileButton accept=".csv,.xlsx" fileLabel="File of KPI results to import (CSV or Excel)" disabled={kpiCount === 0} onFile={(file) => void onFile(file)}>
            Import results from a file…
          </FileButton>
        </div>
        {kpiCount === 0 && <p>No KPIs are recorded yet. Add them to the objectives in the Objectives step, with baselines and targets.</p>}
      </section>

      {facts && period && (
        <>
          <section className="panel" aria-labelledby="status-heading">
            <h2 id="status-heading">Where things stand, {period.label}</h2>
            <p>
              Of the {facts.kpis.length} {facts.kpis.length === 1 ? 'KPI' : 'KPIs'}, {statusCountsText(facts.counts, period.label) || 'none has a status yet'}.
            </p>
            <details>
              <summary>How the status is worked out</summary>
              <p>{KPI_STATUS_RULE}</p>
            </details>
            <h3>Needs attention</h3>
            {offTrack.length === 0 && late.length === 0 ? (
              <p>Nothing is off track or late as at {ukDate(facts.asAt)}.</p>
            ) : (
              <ul>
                {offTrack.map((k) => (
                  <li key={k.kpi.id}>
                    {k.kpi.name} is off track.
                  </li>
                ))}
                {late.map((a) => (
                  <li key={a.id}>
                    “{a.title}” is {a.status === 'blocked' ? 'blocked' : a.status === 'dropped' ? 'dropped' : `late (due ${a.due ? ukDate(a.due) : 'with no date'})`}
                    {a.reason ? `: ${a.reason}` : '.'}
                  </li>
                ))}
              </ul>
            )}
            <h3>What changed since {facts.previousPeriod?.label ?? 'the period before'}</h3>
            {!facts.previousPeriod ? (
              <p>There are no results for an earlier period to compare with.</p>
            ) : changed.length === 0 && facts.completedInPeriod.length === 0 ? (
              <p>No KPI changed status, and no action was completed in the period.</p>
            ) : (
              <ul>
                {changed.map((k) => (
                  <li key={k.kpi.id}>
                    {k.kpi.name}: {KPI_STATUS_LABELS[k.previousStatus!].toLowerCase()} in {facts.previousPeriod!.label}, {KPI_STATUS_LABELS[k.assessment.status].toLowerCase()} now.
                  </li>
                ))}
                {facts.completedInPeriod.map((a) => (
                  <li key={a.id}>Done in the period: {a.title}.</li>
                ))}
              </ul>
            )}
          </section>

          <section className="panel" aria-labelledby="results-heading">
            <h2 id="results-heading">Results</h2>
            <p className="hint">Type each KPI’s result for {period.label}; Enter moves to the next KPI. Ctrl+Z undoes a change.</p>
            <ResultsTable kpis={facts.kpis} period={period} />
          </section>
        </>
      )}

      <ActionPlan wb={wb} asAt={facts?.asAt ?? today} />

      {facts && <KpiCharts kpis={facts.kpis} />}

      {importing && <ImportActualsDialog fileName={importing.fileName} table={importing.table} workbook={wb} onClose={() => setImporting(null)} />}
    </div>
  );
}
