/**
 * Importing KPI results from a CSV or Excel file: the columns mapped (guessed from the header), every row
 * checked, a file with a bad row refused naming its line, and results that would replace earlier ones listed
 * for the officer to confirm. Nothing is written until they add the results, as one undoable step.
 */
import { useId, useMemo, useState } from 'react';
import {
  ACTUALS_ROLE_LABELS,
  ACTUALS_ROLES,
  describeProblem,
  guessActualsMapping,
  readActuals,
  type ActualsMapping,
} from '../../../../shared/import/actuals';
import type { Table } from '../../../../shared/import/table-outline';
import { kpiNumber } from '../../../../shared/documents/template/progress-blocks';
import type { Workbook } from '../../../../shared/model/workbook-schema';
import { ColumnMappingGrid } from '../../components/ColumnMapping';
import { Modal } from '../../components/Modal';
import { showStatus } from '../../state/ui-store';
import { importActuals } from './commands';

const SHOWN = 30;

export function ImportActualsDialog(props: {
  fileName: string;
  table: Table;
  workbook: Workbook;
  onClose: () => void;
}) {
  const [mapping, setMapping] = useState<ActualsMapping>(() => guessActualsMapping(props.table.headers));
  const [replace, setReplace] = useState(false);
  const ids = { result: useId(), replace: useId() };
  const result = useMemo(
    () => readActuals(props.table, mapping, props.workbook),
    [props.table, mapping, props.workbook],
  );
  const replacing = result.ok ? result.rows.filter((r) => r.replaces) : [];
  const canAdd = result.ok && (replacing.length === 0 || replace);

  const add = () => {
    if (!result.ok || !canAdd) return;
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    const counts = importActuals(props.fileName, result.rows, `${props.fileName} (imported ${today})`);
    showStatus(
      `Imported ${counts.added} new and ${counts.replaced} replaced results from ${props.fileName}. Undo (Ctrl+Z) takes them out.`,
    );
    props.onClose();
  };

  return (
    <Modal
      title={`Import results from “${props.fileName}”`}
      wide
      onClose={props.onClose}
      actions={
        <>
          <button type="button" className="button button-primary" disabled={!canAdd} onClick={add}>
            {result.ok ? `Add ${result.rows.length} results` : 'Add results'}
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose}>
            Cancel
          </button>
        </>
      }
    >
      <fieldset className="field field-wide">
        <legend>Which columns hold what?</legend>
        <div className="hint">
          The KPI by its name or id, the period (2025/26, H1 2025/26, Q2 2025/26, March 2026 or 2025) and the
          value; a note and a status (provisional or confirmed) if the file has them.
        </div>
        <ColumnMappingGrid
          roles={ACTUALS_ROLES}
          labels={ACTUALS_ROLE_LABELS}
          headers={props.table.headers}
          mapping={mapping}
          onMapping={setMapping}
        />
      </fieldset>
      <h3 id={ids.result}>What would be imported</h3>
      <div aria-live="polite">
        {result.ok ? (
          <>
            <div className="table-scroll">
              <table className="data-table" aria-labelledby={ids.result}>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">KPI</th>
                    <th scope="col">Period</th>
                    <th scope="col">Value</th>
                    <th scope="col">Replaces</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.slice(0, SHOWN).map((r) => (
                    <tr key={r.line}>
                      <th scope="row">{r.line}</th>
                      <td>{r.kpiName}</td>
                      <td>{r.period.label}</td>
                      <td>{kpiNumber(r.value)}</td>
                      <td>{r.replaces ? `${kpiNumber(r.replaces.value)} recorded before` : 'New'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {result.rows.length > SHOWN && <p>…and {result.rows.length - SHOWN} more rows.</p>}
            {replacing.length > 0 && (
              <div className="field">
                <input
                  id={ids.replace}
                  type="checkbox"
                  checked={replace}
                  onChange={(e) => setReplace(e.target.checked)}
                />
                <label htmlFor={ids.replace}>
                  Replace the {replacing.length === 1 ? 'result' : `${replacing.length} results`} already
                  recorded for the same KPI and period
                </label>
              </div>
            )}
          </>
        ) : (
          <div className="panel panel-warning">
            <p>
              Nothing can be imported until{' '}
              {result.problems.length === 1 ? 'this is' : `these ${result.problems.length} problems are`} put
              right in the file:
            </p>
            <ul>
              {result.problems.slice(0, SHOWN).map((p, i) => (
                <li key={i}>{describeProblem(p)}.</li>
              ))}
              {result.problems.length > SHOWN && <li>…and {result.problems.length - SHOWN} more.</li>}
            </ul>
          </div>
        )}
      </div>
    </Modal>
  );
}
