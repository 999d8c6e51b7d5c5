/**
 * The period's results, a row per KPI: type a value (Tab to the next field, Enter to the next KPI), mark it
 * provisional or confirmed, add a note; the status beside it follows the rule above the table. Every change is
 * one undoable edit.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { KPI_STATUS_LABELS } from '../../../../shared/analysis/kpi-status';
import type { KpiProgress } from '../../../../shared/analysis/progress';
import { changeText, comparedWithText, kpiNumber } from '../../../../shared/documents/template/progress-blocks';
import { readNumber } from '../../../../shared/import/actuals';
import type { Period } from '../../../../shared/model/periods';
import type { ResultState } from '../../../../shared/model/progress-schema';
import { changeResult, deleteResult, recordResult } from './commands';

const pv = (v: { value: number; period: { label: string } } | null) => (v ? `${kpiNumber(v.value)}${v.period.label ? ` (${v.period.label})` : ''}` : 'None');

/** Moves focus to the same field in the next or previous row. */
function moveInColumn(e: KeyboardEvent<HTMLInputElement>, field: string) {
  if (e.key !== 'Enter' && e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const rows = [...document.querySelectorAll<HTMLInputElement>(`input[data-progress-field="${field}"]`)];
  const at = rows.indexOf(e.currentTarget);
  const next = rows[at + (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey) ? -1 : 1)];
  if (next) {
    e.preventDefault();
    next.focus();
    next.select();
  }
}

function ResultRow(props: { k: KpiProgress; period: Period }) {
  const { k, period } = props;
  const result = k.assessment.result;
  const [typed, setTyped] = useState<string | null>(null);
  const errorId = useId();
  const shown = typed ?? (result ? String(result.value) : '');
  const error = typed !== null && typed.trim() !== '' && readNumber(typed) === null ? `“${typed}” is not a number` : null;
  const name = k.kpi.name;

  const commitValue = (text: string) => {
    setTyped(text);
    const value = readNumber(text);
    if (value === null) return;
    setTyped(null);
    if (result) {
      if (value !== result.value) changeResult(k.kpi.id, result.id, { value }, `Change ${name}, ${period.label}`, period);
    } else recordResult(k.kpi.id, name, { value, period, source: '', note: '', state: 'provisional' });
  };

  return (
    <tr>
      <th scope="row">
        {name}
        {k.kpi.unit && <span className="hint">, {k.kpi.unit}</span>}
        <div className="hint">{k.objective.title}</div>
      </th>
      <td>{pv(k.kpi.baseline)}</td>
      <td>{pv(k.kpi.target)}</td>
      <td>
        <input
          type="text"
          inputMode="decimal"
          className="input-narrow"
          aria-label={`${name}: result for ${period.label}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-progress-field="value"
          value={shown}
          onChange={(e) => commitValue(e.target.value)}
          onBlur={() => typed !== null && readNumber(typed) === null && typed.trim() === '' && setTyped(null)}
          onKeyDown={(e) => moveInColumn(e, 'value')}
        />
        {error && (
          <div id={errorId} className="error-message">
            {error}
          </div>
        )}
      </td>
      <td>
        <select
          aria-label={`${name}: provisional or confirmed`}
          disabled={!result}
          value={result?.state ?? 'provisional'}
          onChange={(e) => result && changeResult(k.kpi.id, result.id, { state: e.target.value as ResultState }, `Mark ${name}, ${period.label} as ${e.target.value}`, period)}
        >
          <option value="provisional">Provisional</option>
          <option value="confirmed">Confirmed</option>
        </select>
      </td>
      <td>
        <input
          type="text"
          aria-label={`${name}: note on the ${period.label} result`}
          data-progress-field="note"
          disabled={!result}
          value={result?.note ?? ''}
          maxLength={500}
          onChange={(e) => result && changeResult(k.kpi.id, result.id, { note: e.target.value }, `Change the note on ${name}, ${period.label}`, period)}
          onKeyDown={(e) => moveInColumn(e, 'note')}
        />
      </td>
      <td>{comparedWithText(k.assessment)}</td>
      <td>
        <span className={`status-tag status-${k.assessment.status}`}>{KPI_STATUS_LABELS[k.assessment.status]}</span>
      </td>
      <td>{changeText(k)}</td>
      <td>
        {result && (
          <button type="button" className="button button-secondary button-small" onClick={() => deleteResult(k.kpi.id, result.id, name, period)}>
            Remove<span className="visually-hidden"> the {period.label} result of {name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

export function ResultsTable(props: { kpis: readonly KpiProgress[]; period: Period }) {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table progress-results">
        <caption id={captionId}>Results for {props.period.label}, one row for each KPI</caption>
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col">Baseline</th>
            <th scope="col">Target</th>
            <th scope="col">Result {props.period.label}</th>
            <th scope="col">Provisional or confirmed</th>
            <th scope="col">Note</th>
            <th scope="col">Compared with</th>
            <th scope="col">Status</th>
            <th scope="col">Change</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.kpis.map((k) => (
            <ResultRow key={`${k.kpi.id}:${props.period.label}`} k={k} period={props.period} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
