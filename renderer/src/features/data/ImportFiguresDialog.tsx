/**
 * Importing the service's own counts: a core-dataset file is recognised by its header row; any other table gets
 * its columns mapped here. Every row is checked before anything is added, and a refused file lists each bad
 * row's line, column and reason; nothing is written until the officer adds the figures.
 */
import { useId, useMemo, useState } from 'react';
import {
  CORE_TEMPLATES,
  describeProblem,
  detectTemplate,
  guessOwnMapping,
  importCoreDataset,
  importOwnTable,
  MAPPING_ROLE_LABELS,
  MAPPING_ROLES,
  OWN_MEASURE_LABELS,
  type ImportContext,
  type MappingRole,
} from '../../../../shared/import/own-figures';
import type { Table } from '../../../../shared/import/table-outline';
import { OWN_MEASURES, type OwnMeasure } from '../../../../shared/model/workbook-schema';
import { ColumnMappingGrid } from '../../components/ColumnMapping';
import { Modal } from '../../components/Modal';
import { showStatus } from '../../state/ui-store';
import { importFigures } from './commands';

const PREVIEW_ROWS = 5;
const SHOWN_PROBLEMS = 30;

export function ImportFiguresDialog(props: {
  fileName: string;
  table: Table;
  context: ImportContext;
  onClose: () => void;
}) {
  const { table, context } = props;
  const ids = { measure: useId(), preview: useId(), result: useId() };
  const template = detectTemplate(table.headers);
  const [measure, setMeasure] = useState<OwnMeasure>('visits');
  const [mapping, setMapping] = useState<Partial<Record<MappingRole, number>>>(() =>
    guessOwnMapping(table.headers),
  );

  const result = useMemo(() => {
    if (template) return importCoreDataset(table, template, context);
    if (mapping.value === undefined) return null;
    return importOwnTable(table, { ...mapping, measure, value: mapping.value }, context);
  }, [template, table, context, mapping, measure]);

  const add = () => {
    if (!result?.ok) return;
    importFigures(result.figures, props.fileName);
    showStatus(
      `Added ${result.figures.length.toLocaleString('en-GB')} figures from ${props.fileName}. Undo (Ctrl+Z) removes them.`,
    );
    props.onClose();
  };

  return (
    <Modal
      title={`Import figures from “${props.fileName}”`}
      wide
      onClose={props.onClose}
      actions={
        <>
          <button type="button" className="button button-primary" disabled={!result?.ok} onClick={add}>
            {result?.ok ? `Add ${result.figures.length.toLocaleString('en-GB')} figures` : 'Add figures'}
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose}>
            Cancel
          </button>
        </>
      }
    >
      <p>
        {template
          ? `This is a core-dataset ${CORE_TEMPLATES[template].label.toLowerCase()} file (${table.rows.length.toLocaleString('en-GB')} rows).${template === 'events' ? ' Events are counted, and their attendees added up, for each library and month.' : ''}`
          : `This file is not one of the core-dataset templates, so say what it counts and which columns hold what (${table.rows.length.toLocaleString('en-GB')} rows).`}
      </p>

      {!template && (
        <>
          <div className="field">
            <label htmlFor={ids.measure}>What the figures count</label>
            <select
              id={ids.measure}
              value={measure}
              onChange={(e) => setMeasure(e.target.value as OwnMeasure)}
            >
              {OWN_MEASURES.map((m) => (
                <option key={m} value={m}>
                  {OWN_MEASURE_LABELS[m]}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field field-wide">
            <legend>Which columns hold what?</legend>
            <div className="hint">
              Give the period as one column (2023/24, Q1 2023/24, April 2023 or a date), or as start and end
              dates.
            </div>
            <ColumnMappingGrid roles={MAPPING_ROLES} labels={MAPPING_ROLE_LABELS} headers={table.headers} mapping={mapping} onMapping={setMapping} />
            {mapping.value === undefined && (
              <p className="error-message">Choose the column that holds the counts.</p>
            )}
          </fieldset>
        </>
      )}

      <h3 id={ids.preview}>The first rows of the file</h3>
      <div className="table-scroll" role="region" aria-labelledby={ids.preview} tabIndex={0}>
        <table className="data-table" aria-labelledby={ids.preview}>
          <thead>
            <tr>
              <th scope="col">Line</th>
              {table.headers.map((h, i) => (
                <th key={i} scope="col">
                  {h || `Column ${i + 1}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(0, PREVIEW_ROWS).map((row, r) => (
              <tr key={r}>
                <th scope="row">{table.rowNumbers[r]}</th>
                {table.headers.map((_, c) => (
                  <td key={c}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 id={ids.result}>What would be imported</h3>
      <div aria-live="polite">
        {result === null ? (
          <p>Choose the column that holds the counts to check the rows.</p>
        ) : result.ok ? (
          <p>
            Every row is valid: {result.rows.toLocaleString('en-GB')} rows give{' '}
            {result.figures.length.toLocaleString('en-GB')} figures for{' '}
            {new Set(result.figures.map((f) => f.library || 'the whole service')).size.toLocaleString(
              'en-GB',
            )}{' '}
            libraries or areas.
          </p>
        ) : (
          <div className="panel panel-warning">
            {result.otherAuthority && (
              <p>
                <strong>
                  This looks like a file from another authority ({result.otherAuthority}); this workbook is
                  for {context.authority.name}.
                </strong>
              </p>
            )}
            <p>
              Nothing can be imported until{' '}
              {result.problems.length === 1
                ? 'this row is'
                : `these ${result.problems.length.toLocaleString('en-GB')} problems are`}{' '}
              put right in the file:
            </p>
            <ul>
              {result.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                <li key={i}>{describeProblem(p)}.</li>
              ))}
              {result.problems.length > SHOWN_PROBLEMS && (
                <li>…and {(result.problems.length - SHOWN_PROBLEMS).toLocaleString('en-GB')} more.</li>
              )}
            </ul>
          </div>
        )}
      </div>
    </Modal>
  );
}
