import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput, RecoverySnapshotInfo } from '../../../../shared/ipc/contract';
import { discardRecovered, exportRecovered, newWorkbook, openWorkbook, restoreRecovered } from '../../state/document-commands';
import { showError, useUiStore } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { call } from '../../platform/api';
import { openSampleWorkbook } from './open-sample';

type RecentList = ChannelOutput<'listRecentFiles'>['files'];

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function StartScreen() {
  const [recent, setRecent] = useState<RecentList | null>(null);
  const [recovered, setRecovered] = useState<RecoverySnapshotInfo[]>([]);
  const hasWorkbook = useWorkbookStore((s) => s.workbook !== null);
  const setStep = useUiStore((s) => s.setStep);
  const setOverlay = useUiStore((s) => s.setOverlay);

  const refresh = useCallback(
    () =>
      Promise.all([call('listRecentFiles', {}), call('listRecoverySnapshots', {})]).then(([r, snaps]) => {
        if (r.ok) setRecent(r.value.files);
        else showError(r.error);
        if (snaps.ok) setRecovered(snaps.value.snapshots);
      }),
    [],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = (action: () => Promise<void>) => async () => {
    await action();
    await refresh();
  };

  return (
    <div className="start">
      <h1>Alignment Workbench</h1>
      <p className="lead">
        Show how your library service delivers your council’s priorities: choose your authority, capture the council’s
        objectives, describe your services, map one onto the other with evidence, and produce committee-ready papers.
      </p>

      {recovered.length > 0 && (
        <section className="panel panel-warning" aria-labelledby="recovered-heading">
          <h2 id="recovered-heading">Recovered work</h2>
          <p>Alignment Workbench closed before these changes were saved. Restore them to carry on, then save.</p>
          <ul className="plain-list">
            {recovered.map((r) => (
              <li key={r.sessionId} className="recent-item">
                <div>
                  <strong>{r.title}</strong>
                  <div className="muted">
                    {r.docPath ? `Changes to ${r.docPath}` : 'Never saved'} · recovered copy from {when(r.savedAt)}
                  </div>
                  {r.problem && <p className="error-message">{r.problem}</p>}
                </div>
                <div className="button-row">
                  {r.problem ? (
                    <button type="button" className="button button-primary" onClick={run(() => exportRecovered(r.sessionId))}>
                      Save as a file<span className="visually-hidden"> recovered “{r.title}”</span>…
                    </button>
                  ) : (
                    <button type="button" className="button button-primary" onClick={run(() => restoreRecovered(r.sessionId))}>
                      Restore “{r.title}”
                    </button>
                  )}
                  <button type="button" className="button button-secondary" onClick={run(() => discardRecovered(r.sessionId))}>
                    Discard<span className="visually-hidden"> recovered “{r.title}”</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="begin-heading" className="panel">
        <h2 id="begin-heading">Begin</h2>
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={run(newWorkbook)}>
            New workbook
          </button>
          <button type="button" className="button button-secondary" onClick={run(() => openWorkbook())}>
            Open workbook…
          </button>
          <button type="button" className="button button-secondary" onClick={run(openSampleWorkbook)}>
            Open the sample workbook
          </button>
          {hasWorkbook && (
            <button type="button" className="button button-secondary" onClick={() => setStep('authority')}>
              Back to the open workbook
            </button>
          )}
          <button type="button" className="button button-secondary" onClick={() => setOverlay('preferences')}>
            Preferences…
          </button>
        </div>
      </section>

      <section aria-labelledby="recent-heading" className="panel">
        <h2 id="recent-heading">Recent workbooks</h2>
        {recent === null ? (
          <p className="muted">Loading…</p>
        ) : recent.length === 0 ? (
          <p className="muted">Workbooks you open or save appear here.</p>
        ) : (
          <ul className="plain-list">
            {recent.map((f, i) => (
              <li key={f.path} className="recent-item">
                <div>
                  <button
                    type="button"
                    className="link-button"
                    onClick={run(() => openWorkbook(f))}
                    aria-describedby={`recent-path-${i}`}
                  >
                    {f.title}
                  </button>
                  <div className="muted" id={`recent-path-${i}`}>
                    {f.path}
                    {!f.exists && ' (not found: it may have been moved or deleted)'} · opened {when(f.openedAt)}
                  </div>
                </div>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={run(async () => {
                    const r = await call('removeRecentFile', { file: f.file });
                    if (!r.ok) showError(r.error);
                  })}
                >
                  Remove<span className="visually-hidden"> {f.title} from the list</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
