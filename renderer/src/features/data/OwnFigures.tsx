/** The service's own counts: import, totals by year per library, use as reach or KPI baseline, remove a file's figures. */
import { useMemo, useState } from 'react';
import { ownFigureTotals } from '../../../../shared/analysis/benchmark-own-figures';
import type { OwnYearTotal } from '../../../../shared/model/own-figure-links';
import { OWN_MEASURE_LABELS, type ImportContext } from '../../../../shared/import/own-figures';
import type { Table } from '../../../../shared/import/table-outline';
import type { OwnFigure } from '../../../../shared/model/workbook-schema';
import { showError, showStatus } from '../../state/ui-store';
import { removeFiguresFrom } from './commands';
import { readPlan } from '../../platform/plan-reader';
import { ImportFiguresDialog } from './ImportFiguresDialog';
import { LinkFigureDialog } from './LinkFigureDialog';
import { whole } from './format';
import { FileButton } from '../../components/FileButton';

export function OwnFigures(props: {
  figures: readonly OwnFigure[];
  context: Omit<ImportContext, 'existing' | 'source'> | null;
}) {
  const [importing, setImporting] = useState<{ fileName: string; table: Table } | null>(null);
  const [linking, setLinking] = useState<OwnYearTotal | null>(null);
  const totals = useMemo(() => ownFigureTotals(props.figures), [props.figures]);
  const sources = useMemo(() => [...new Set(props.figures.map((f) => f.source))], [props.figures]);

  const onFile = async (file: File) => {
    if (!/\.(csv|xlsx)$/i.test(file.name))
      return showError(`“${file.name}” is not a CSV or Excel (.xlsx) file.`);
    // Parsed in the plan worker, with its time budget, so a huge sheet never freezes the window.
    const read = await readPlan({ kind: 'file', fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!read.ok) return showError(read.error);
    if (!('table' in read.value)) return showError(`“${file.name}” is not a spreadsheet.`);
    if (read.value.table.headers.length === 0) return showError(`“${file.name}” is empty.`);
    setImporting({ fileName: file.name, table: read.value.table });
  };

  const removeSource = (source: string) => {
    removeFiguresFrom(source);
    showStatus(`Removed the figures from ${source}. Undo (Ctrl+Z) puts them back.`);
  };

  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <section className="panel" aria-labelledby="own-figures-heading">
      <h2 id="own-figures-heading">Your own figures</h2>
      <p>
        Import your service’s counts for each library and period: the Libraries Hacked core-dataset files
        (physical visits, loans, membership, events) or your own spreadsheet (CSV or Excel), whose columns you
        map. Every row is checked first; a file with a bad row is not imported at all.
      </p>
      {props.context === null ? (
        <p>Choose the library authority first, so the files can be checked against its libraries.</p>
      ) : (
        <div className="toolbar">
          <FileButton accept=".csv,.xlsx" fileLabel="File of figures to import (CSV or Excel)" onFile={(file) => void onFile(file)}>
            Import figures from a file…
          </FileButton>
        </div>
      )}

      {totals.length === 0 ? (
        <p>No figures of your own yet.</p>
      ) : (
        <table className="data-table">
          <caption>Totals by financial year</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Year</th>
              <th scope="col">Total</th>
              <th scope="col">By library</th>
              <th scope="col">Use it</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((t) => (
              <tr key={`${t.measure}-${t.year}`}>
                <th scope="row">{OWN_MEASURE_LABELS[t.measure]}</th>
                <td>{t.year}</td>
                <td>
                  {whole(t.total)}
                  {t.asAt && ` (count on ${t.asAt})`}
                </td>
                <td>
                  {t.byLibrary.map((l) => `${l.library || 'Whole service'} ${whole(l.value)}`).join('; ')}
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setLinking(t)}
                    aria-label={`As reach or KPI baseline: ${OWN_MEASURE_LABELS[t.measure].toLowerCase()}, ${t.year}`}
                  >
                    As reach or KPI baseline…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {sources.length > 0 && (
        <>
          <h3>Files imported</h3>
          <ul className="plain-list">
            {sources.map((s) => (
              <li key={s}>
                {s}: {props.figures.filter((f) => f.source === s).length.toLocaleString('en-GB')} figures{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => removeSource(s)}
                  aria-label={`Remove the figures from ${s}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      {importing && props.context && (
        <ImportFiguresDialog
          fileName={importing.fileName}
          table={importing.table}
          context={{
            ...props.context,
            existing: props.figures,
            source: `${importing.fileName} (imported ${today})`,
          }}
          onClose={() => setImporting(null)}
        />
      )}
      {linking && <LinkFigureDialog total={linking} onClose={() => setLinking(null)} />}
    </section>
  );
}
