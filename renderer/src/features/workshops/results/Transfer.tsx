/**
 * What goes into the workbook after the session (agreed links to the map, revealed votes to priorities, ideas to
 * services, evidence or actions): each previewed as a list of before-and-after changes, applied as one undoable
 * edit, and listed as made while the workshop stays selected.
 */
import { useId, useState, type ReactNode } from 'react';
import { UNIVERSAL_OFFERS, type UniversalOffer } from '../../../../../shared/model/vocabulary';
import type { Workbook, Workshop } from '../../../../../shared/model/workbook-schema';
import { isoToday } from '../../../../../shared/text/dates';
import {
  previewTransfer,
  transferIdeas,
  type IdeaRequest,
  type TransferResult,
} from '../../../../../shared/workshop/transfer';
import { showStatus } from '../../../state/ui-store';
import { useWorkbookStore } from '../../../state/workbook-store';
import { applyTransfer } from '../commands';
import { useSessionStore } from '../session-store';

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
export function Transfer(props: {
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
    const result = applyTransfer(props.label, props.run);
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

export function IdeaTransfer({ workshop: w }: { workshop: Workshop }) {
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
