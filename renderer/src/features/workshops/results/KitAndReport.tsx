/**
 * The printed kit (agenda, cards, matrix poster, voting sheets) and the workshop report, each written to a folder
 * the facilitator chooses, with the files listed to open or show.
 */
import { useId, useState } from 'react';
import type { WorkshopFile } from '../../../../../shared/ipc/workshop-contract';
import type { Workshop } from '../../../../../shared/model/workbook-schema';
import { WALL_POSTERS, type WallPoster } from '../../../../../shared/workshop/kit/wall-poster';
import { call } from '../../../platform/api';
import { showError, showStatus } from '../../../state/ui-store';
import { useWorkbookStore } from '../../../state/workbook-store';

function Files({ files, folder }: { files: readonly WorkshopFile[]; folder: string }) {
  return (
    <div>
      <ul className="plain-list">
        {files.map((f) => (
          <li key={f.path} className="recent-item">
            <span>
              <strong>{f.fileName}</strong>
              <span className="muted">
                {' '}
                ({f.pageSize ? `${f.pageSize}, ` : ''}
                {Math.max(1, Math.round(f.bytes / 1024))} KB) {f.description}
              </span>
            </span>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                void call('openWorkshopFile', { path: f.path }).then((r) => {
                  if (!r.ok) showError(r.error);
                })
              }
            >
              Open<span className="visually-hidden"> {f.fileName}</span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button-secondary"
        onClick={() =>
          void call('showItemInFolder', { path: files[0]?.path ?? folder }).then((r) => {
            if (!r.ok) showError(r.error);
          })
        }
      >
        Show in folder
      </button>
    </div>
  );
}

export function KitAndReport({ workshop: w }: { workshop: Workshop }) {
  const [large, setLarge] = useState(false);
  const [wall, setWall] = useState<WallPoster | ''>('');
  const wallId = useId();
  const [formats, setFormats] = useState<Array<'docx' | 'pdf'>>(['docx', 'pdf']);
  const [names, setNames] = useState(false);
  const [busy, setBusy] = useState<'kit' | 'report' | null>(null);
  const [kit, setKit] = useState<{ folder: string; files: WorkshopFile[] } | null>(null);
  const [report, setReport] = useState<{ folder: string; files: WorkshopFile[] } | null>(null);
  const toggle = (f: 'docx' | 'pdf') =>
    setFormats((fs) =>
      fs.includes(f) ? fs.filter((x) => x !== f) : ([...fs, f].sort() as Array<'docx' | 'pdf'>),
    );

  const printKit = async () => {
    const wb = useWorkbookStore.getState().workbook;
    if (!wb) return;
    setBusy('kit');
    const r = await call('printWorkshopKit', {
      workbook: wb,
      workshopId: w.id,
      largePrint: large,
      wallPoster: wall || null,
    });
    setBusy(null);
    if (!r.ok) return showError(r.error);
    if (r.value.status === 'cancelled') return;
    setKit(r.value);
    showStatus(`The kit is ready: ${r.value.files.length} PDFs in ${r.value.folder}.`);
  };
  const writeReport = async () => {
    const wb = useWorkbookStore.getState().workbook;
    if (!wb || formats.length === 0) return;
    setBusy('report');
    const r = await call('writeWorkshopReport', {
      workbook: wb,
      workshopId: w.id,
      formats,
      includeNames: names,
    });
    setBusy(null);
    if (!r.ok) return showError(r.error);
    if (r.value.status === 'cancelled') return;
    setReport(r.value);
    showStatus(`The report is written: ${r.value.files.map((f) => f.fileName).join(' and ')}.`);
  };

  return (
    <div className="two-columns ws-outputs">
      <section className="panel" aria-labelledby="ws-kit-heading">
        <h4 id="ws-kit-heading">Printed kit</h4>
        <p>
          The agenda, objective and service cards (A6, four to an A4 sheet, and one per A6 page for card
          stock), the A3 matrix poster of the current map for a table, numbered voting sheets for secret paper
          ballots and, if you choose one, a wall poster of the map.
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={large} onChange={(e) => setLarge(e.target.checked)} />
          <span>Large print (18 pt and larger)</span>
        </label>
        <div className="field">
          <label htmlFor={wallId}>Wall poster of the map (50 pt text, read from 2 metres)</label>
          <select id={wallId} value={wall} onChange={(e) => setWall(e.target.value as WallPoster | '')}>
            <option value="">None: the A3 poster is for a table</option>
            {(Object.keys(WALL_POSTERS) as WallPoster[]).map((k) => (
              <option key={k} value={k}>
                {WALL_POSTERS[k].label}: {WALL_POSTERS[k].description}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            disabled={busy !== null}
            onClick={() => void printKit()}
          >
            {busy === 'kit' ? 'Printing the kit…' : 'Print kit…'}
          </button>
        </div>
        {kit && <Files files={kit.files} folder={kit.folder} />}
      </section>
      <section className="panel" aria-labelledby="ws-report-heading">
        <h4 id="ws-report-heading">Workshop report</h4>
        <p>
          Purpose, attendance, methods and voting modes, results with ties, decisions, minority views,
          actions, the parking lot, the map as agreed, and what happens next. Contributions are not
          attributed.
        </p>
        <fieldset className="field checkbox-group">
          <legend>Formats</legend>
          <label className="checkbox">
            <input type="checkbox" checked={formats.includes('docx')} onChange={() => toggle('docx')} />
            <span>Word (.docx)</span>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={formats.includes('pdf')} onChange={() => toggle('pdf')} />
            <span>PDF</span>
          </label>
        </fieldset>
        {w.anonymity === 'named' && w.participants.length > 0 && (
          <label className="checkbox">
            <input type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} />
            <span>Name the participants (otherwise counts by organisation)</span>
          </label>
        )}
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            disabled={busy !== null || formats.length === 0}
            onClick={() => void writeReport()}
          >
            {busy === 'report' ? 'Writing the report…' : 'Write report…'}
          </button>
        </div>
        {report && <Files files={report.files} folder={report.folder} />}
      </section>
    </div>
  );
}
