/**
 * After the session: what goes into the workbook (agreed links to the map, revealed votes to priorities, ideas to
 * services, evidence or actions), each previewed as a list of before-and-after changes and applied as one
 * undoable edit; closing the session (not while parked items are undisposed); the printed kit and the report.
 */
import { useId, useState, type ReactNode } from 'react';
import { UNIVERSAL_OFFERS, type UniversalOffer } from '../../../../shared/model/vocabulary';
import type { Workbook, Workshop } from '../../../../shared/model/workbook-schema';
import type { WorkshopFile } from '../../../../shared/ipc/workshop-contract';
import { isoToday } from '../../../../shared/text/dates';
import { closeCheck } from '../../../../shared/workshop/session';
import {
  previewTransfer,
  transferAgreedLinks,
  transferIdeas,
  transferPriorities,
  type IdeaRequest,
  type TransferResult,
} from '../../../../shared/workshop/transfer';
import { agreedProposals } from '../../../../shared/workshop/walk-the-map';
import { WALL_POSTERS, type WallPoster } from '../../../../shared/workshop/kit/wall-poster';
import { ask, showError, showStatus } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { call } from '../../platform/api';
import { DateField } from '../../components/fields';
import { TextField } from '../../components/TextField';
import { useSessionStore } from './session-store';
import { editWorkshop } from './use-workshop';

function ChangeList({ result, heading }: { result: TransferResult; heading: string }) {
  return (
    <div className="ws-changes">
      <h5>{heading}</h5>
      {result.changes.length === 0 ? (
        <p className="muted">Nothing would change.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {result.changes.map((c, i) => (
              <tr key={i}>
                <th scope="row">{c.subject}</th>
                <td>{c.before ?? 'New'}</td>
                <td>{c.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.skipped.length > 0 && (
        <ul className="muted">
          {result.skipped.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Preview → apply (one undoable edit) → what changed, for one kind of transfer. */
function Transfer(props: {
  id: string;
  title: string;
  description: string;
  label: string;
  run: (wb: Workbook) => TransferResult;
  disabled?: string | null;
  children?: ReactNode;
}) {
  const wb = useWorkbookStore((s) => s.workbook);
  const [preview, setPreview] = useState<TransferResult | null>(null);
  // What was changed stays listed while the workshop is open, even after visiting another tab.
  const applied = useSessionStore((s) => s.transfers[props.id] ?? null);
  const setApplied = (r: TransferResult) => useSessionStore.getState().recordTransfer(props.id, r);
  if (!wb) return null;
  const apply = () => {
    let result: TransferResult = { changes: [], skipped: [] };
    useWorkbookStore.getState().edit(props.label, (draft) => {
      result = props.run(draft as Workbook);
    });
    setApplied(result);
    setPreview(null);
    showStatus(
      result.changes.length === 0
        ? 'Nothing needed changing.'
        : `${props.label}: ${result.changes.length} ${result.changes.length === 1 ? 'change' : 'changes'} made. Undo (Ctrl+Z) reverses them all.`,
    );
  };
  return (
    <section className="panel" aria-label={props.title}>
      <h4>{props.title}</h4>
      <p>{props.description}</p>
      {props.children}
      {props.disabled ? (
        <p className="muted">{props.disabled}</p>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setPreview(previewTransfer(wb, props.run))}
          >
            Preview the changes
          </button>
          {preview && preview.changes.length > 0 && (
            <button type="button" className="button button-primary" onClick={apply}>
              {props.label}
            </button>
          )}
        </div>
      )}
      {preview && <ChangeList result={preview} heading="What would change" />}
      {applied && <ChangeList result={applied} heading="Changes made" />}
    </section>
  );
}

function IdeaTransfer({ workshop: w }: { workshop: Workshop }) {
  const ideas = w.activities.flatMap((a) => (a.kind === 'ideas' ? a.ideas : [])).filter((i) => !i.becameId);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const prefix = useId();
  const requests: IdeaRequest[] = ideas.flatMap((i): IdeaRequest[] => {
    const c = choices[i.id] ?? '';
    if (c === 'evidence') return [{ ideaId: i.id, destination: { as: 'evidence' } }];
    if (c === 'action') return [{ ideaId: i.id, destination: { as: 'action' } }];
    if (c.startsWith('service:'))
      return [{ ideaId: i.id, destination: { as: 'service', offer: c.slice(8) as UniversalOffer } }];
    return [];
  });
  return (
    <Transfer
      id={`ideas:${w.id}`}
      title="Ideas into the workbook"
      description="Chosen ideas become new services, evidence items (attached to what they were raised about) or actions. Each idea is transferred once."
      label="Transfer the chosen ideas"
      disabled={
        ideas.length === 0
          ? 'There are no ideas left to transfer.'
          : requests.length === 0
            ? 'Choose what at least one idea becomes.'
            : null
      }
      run={(wb) => transferIdeas(wb, w.id, requests, isoToday())}
    >
      {ideas.length > 0 && (
        <table className="data-table ws-idea-choices">
          <caption>What each idea becomes</caption>
          <thead>
            <tr>
              <th scope="col">Idea</th>
              <th scope="col">Becomes</th>
            </tr>
          </thead>
          <tbody>
            {ideas.map((i) => (
              <tr key={i.id}>
                <th scope="row" id={`${prefix}-${i.id}`}>
                  {i.text}
                </th>
                <td>
                  <select
                    aria-labelledby={`${prefix}-${i.id}`}
                    value={choices[i.id] ?? ''}
                    onChange={(e) => setChoices((c) => ({ ...c, [i.id]: e.target.value }))}
                  >
                    <option value="">Stays an idea</option>
                    <option value="action">An action in this workshop</option>
                    <option value="evidence">Evidence (anecdotal)</option>
                    {UNIVERSAL_OFFERS.map((o) => (
                      <option key={o} value={`service:${o}`}>
                        A new service under {o}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Transfer>
  );
}

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

function KitAndReport({ workshop: w }: { workshop: Workshop }) {
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

/** What happens next, for the report's "What happens next" and the close check; or why there is nothing next. */
function NextSteps({ workshop: w }: { workshop: Workshop }) {
  return (
    <div className="ws-next-steps">
      <TextField
        label="What happens next"
        hint="Who does what with the room’s input, and when; what cannot be done, and why. It goes in the report."
        multiline
        maxLength={10_000}
        value={w.nextSteps}
        onCommit={(v) =>
          editWorkshop('Write the next steps', w.id, (d) => void (d.nextSteps = v), `next:${w.id}`)
        }
      />
      <DateField
        label="Participants will hear back by"
        value={w.feedbackBy}
        onCommit={(v) =>
          editWorkshop('Set when participants hear back', w.id, (d) => void (d.feedbackBy = v))
        }
      />
      {!w.nextSteps.trim() && (
        <TextField
          label="No next steps? Say why"
          hint="For example: a listening session, with the council’s reply in its consultation response."
          maxLength={500}
          value={w.noNextStepsReason}
          onCommit={(v) =>
            editWorkshop(
              'Say why there are no next steps',
              w.id,
              (d) => void (d.noNextStepsReason = v),
              `nonext:${w.id}`,
            )
          }
        />
      )}
    </div>
  );
}

export function ResultsPanel({ workshop: w }: { workshop: Workshop }) {
  const votes = w.activities.filter((a) => (a.kind === 'dot-vote' || a.kind === 'points') && a.revealed);
  const agreed = w.activities.reduce(
    (n, a) => n + (a.kind === 'walk-the-map' ? agreedProposals(a).length : 0),
    0,
  );
  const check = closeCheck(w);
  const today = isoToday();

  const close = async () => {
    if (check.warnings.length > 0) {
      const answer = await ask({
        title: 'Close the session?',
        body: ['Worth fixing first:', ...check.warnings],
        buttons: [
          { id: 'close', label: 'Close the session anyway', kind: 'primary' },
          { id: 'cancel', label: 'Go back and fix them' },
        ],
        cancelId: 'cancel',
      });
      if (answer !== 'close') return;
    }
    editWorkshop('Close the session', w.id, (d) => {
      d.status = 'closed';
      for (const a of d.activities) if (a.status === 'running') a.status = 'done';
    });
    showStatus('The session is closed. Write the report while it is fresh: aim to send it within a day.');
  };

  return (
    <div className="ws-results">
      <section aria-labelledby="ws-transfer-heading">
        <h3 id="ws-transfer-heading">Into the workbook</h3>
        <Transfer
          id={`links:${w.id}`}
          title="Agreed links to the map"
          description={`${agreed} ${agreed === 1 ? 'link was' : 'links were'} agreed. They go to the contribution map marked “agreed at ${w.title}”, keeping any evidence and KPIs already on them.`}
          label="Put the agreed links on the map"
          disabled={agreed === 0 ? 'No links have been agreed yet.' : null}
          run={(wb) => transferAgreedLinks(wb, w.id, today)}
        />
        {votes.length === 0 ? (
          <section className="panel" aria-label="Votes to priorities">
            <h4>Votes to priorities</h4>
            <p className="muted">No vote has been revealed yet.</p>
          </section>
        ) : (
          votes.map((v) => (
            <Transfer
              key={v.id}
              id={`priorities:${v.id}`}
              title={`Priorities from “${v.title}”`}
              description="The revealed totals become the priority of each objective or service voted on, with the method and the date."
              label={`Set priorities from “${v.title}”`}
              run={(wb) => transferPriorities(wb, w.id, v.id, today)}
            />
          ))
        )}
        <IdeaTransfer workshop={w} />
      </section>

      <section aria-labelledby="ws-close-heading" className="panel">
        <h3 id="ws-close-heading">Close the session</h3>
        {w.status === 'closed' ? (
          <p>
            <strong>The session is closed.</strong>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => editWorkshop('Reopen the session', w.id, (d) => void (d.status = 'running'))}
            >
              Reopen it
            </button>
          </p>
        ) : (
          <>
            <NextSteps workshop={w} />
            {check.blocking.length > 0 && (
              <div className="panel panel-warning">
                <p>
                  <strong>Before the session can close:</strong>
                </p>
                <ul>
                  {check.blocking.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              </div>
            )}
            {check.warnings.length > 0 && (
              <ul>
                {check.warnings.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            )}
            <button
              type="button"
              className="button button-primary"
              disabled={check.blocking.length > 0}
              onClick={() => void close()}
            >
              Close the session
            </button>
          </>
        )}
      </section>

      <section aria-labelledby="ws-outputs-heading">
        <h3 id="ws-outputs-heading">Kit and report</h3>
        <KitAndReport workshop={w} />
      </section>
    </div>
  );
}
