import { useEffect, useRef } from 'react';
import type { DocumentProgress, GeneratedFile } from '../../../../shared/ipc/documents-contract';
import { showError } from '../../state/ui-store';
import { call } from '../../platform/api';

export type ExportChoice = 'docx' | 'pdf' | 'both';
export type ExportMode = 'draft' | 'final';

const MODES: ReadonlyArray<{ value: ExportMode; label: string; hint: string }> = [
  {
    value: 'draft',
    label: 'Draft, for comment',
    hint: 'Marked DRAFT on every page, with a guidance box wherever something is still to do; in Word each piece of guidance is also a comment you can resolve one by one.',
  },
  {
    value: 'final',
    label: 'Final, ready to publish',
    hint: 'No guidance, no markers and no DRAFT marking. It can be made once nothing under “Stops a final” in the readiness checklist is left.',
  },
];

const CHOICES: ReadonlyArray<{ value: ExportChoice; label: string }> = [
  { value: 'docx', label: 'Word (.docx), to edit further' },
  { value: 'pdf', label: 'PDF, accessible and ready to circulate' },
  { value: 'both', label: 'Word and PDF' },
];

export interface Job {
  readonly jobId: string;
  readonly progress: DocumentProgress | null;
  readonly cancelling: boolean;
}

const FORMAT_NAMES = { docx: 'Word document', pdf: 'PDF' } as const;

function size(bytes: number): string {
  return bytes >= 1_048_576
    ? `${(bytes / 1_048_576).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * Export: the format, the Export button, a progress bar with Cancel while the job runs, then the files with
 * Open and Show in folder. The current step is announced (politely) as it changes, not every percent.
 */
export function ExportPanel(props: {
  choice: ExportChoice;
  onChoice: (c: ExportChoice) => void;
  mode: ExportMode;
  onMode: (m: ExportMode) => void;
  /** How many things stop a final now (shown when Final is chosen). */
  finalBlockers: number;
  attachWorkbook: boolean;
  onAttachWorkbook: (attach: boolean) => void;
  job: Job | null;
  files: readonly GeneratedFile[];
  onExport: () => void;
  onCancel: () => void;
}) {
  const { job } = props;
  const exportButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const wasRunning = useRef(false);
  const running = job !== null;

  // The Export button is disabled while the job runs and the Cancel button goes when it ends, so focus can be left
  // nowhere; put it on Cancel, then back on Export, rather than lose it (but never take it from wherever else
  // the officer went).
  // While it runs, focus waits on Cancel, the one thing the officer can do then.
  useEffect(() => {
    const active = document.activeElement;
    const lost = !active || active === document.body || active === exportButton.current;
    if (wasRunning.current && !running && lost) exportButton.current?.focus();
    if (!wasRunning.current && running && lost) cancelButton.current?.focus();
    wasRunning.current = running;
  }, [running]);

  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <fieldset className="field">
        <legend>Draft or final</legend>
        {MODES.map((m) => (
          <div key={m.value} className="export-mode">
            <label className="checkbox">
              <input
                type="radio"
                name="export-mode"
                value={m.value}
                checked={props.mode === m.value}
                disabled={running}
                aria-describedby={`export-mode-${m.value}-hint`}
                onChange={() => props.onMode(m.value)}
              />
              <span>{m.label}</span>
            </label>
            <div id={`export-mode-${m.value}-hint`} className="hint">
              {m.hint}
            </div>
          </div>
        ))}
        {props.mode === 'final' && props.finalBlockers > 0 && (
          <p className="export-final-blocked">
            {props.finalBlockers === 1 ? 'One thing stops' : `${props.finalBlockers} things stop`} a final:
            see “Stops a final” in the readiness checklist.
          </p>
        )}
      </fieldset>
      <fieldset className="field">
        <legend>Format</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="checkbox">
            <input
              type="radio"
              name="export-format"
              value={c.value}
              checked={props.choice === c.value}
              disabled={running}
              onChange={() => props.onChoice(c.value)}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
      {props.choice !== 'docx' && (
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={props.attachWorkbook}
              disabled={running}
              onChange={(e) => props.onAttachWorkbook(e.target.checked)}
              aria-describedby="attach-workbook-hint"
            />
            <span>Attach this document’s workbook data to the PDF</span>
          </label>
          <p id="attach-workbook-hint" className="hint">
            So a reader can check the figures or make the document again. Only the services, objectives, evidence and
            partner this document is about; never workshops, notes, other partners, other documents or people’s names.
          </p>
        </div>
      )}
      <div className="button-row">
        <button
          id="export-button"
          ref={exportButton}
          type="button"
          className="button button-primary"
          disabled={running}
          onClick={props.onExport}
        >
          Export…
        </button>
      </div>

      {job && (
        <div className="export-progress">
          <label htmlFor="export-progress-bar">Making the document</label>
          <progress
            id="export-progress-bar"
            max={1}
            value={job.progress?.fraction ?? 0}
            aria-valuetext={`${Math.round((job.progress?.fraction ?? 0) * 100)}%`}
          />
          <p aria-live="polite" className="export-step">
            {job.cancelling ? 'Cancelling…' : (job.progress?.message ?? 'Starting…')}
          </p>
          <button
            ref={cancelButton}
            type="button"
            className="button button-secondary"
            // Not disabled while cancelling: that would throw focus away from the button the officer just pressed.
            aria-disabled={job.cancelling || undefined}
            onClick={() => {
              if (!job.cancelling) props.onCancel();
            }}
          >
            Cancel<span className="visually-hidden"> making the document</span>
          </button>
        </div>
      )}

      {!job && props.files.length > 0 && (
        <div className="export-results">
          <h3>Saved</h3>
          <ul className="plain-list">
            {props.files.map((f) => (
              <li key={f.path} className="recent-item">
                <div>
                  <strong>{f.fileName}</strong>
                  <div className="muted">
                    {FORMAT_NAMES[f.format]}, {size(f.bytes)} · {f.path}
                  </div>
                </div>
                <div className="button-row">
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={async () => {
                      const r = await call('openGeneratedDocument', { path: f.path });
                      if (!r.ok) showError(r.error);
                    }}
                  >
                    Open file<span className="visually-hidden"> {f.fileName}</span>
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={async () => {
                      const r = await call('showItemInFolder', { path: f.path });
                      if (!r.ok) showError(r.error);
                    }}
                  >
                    Show in folder<span className="visually-hidden"> {f.fileName}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
