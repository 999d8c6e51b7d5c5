/**
 * The parking lot, the decisions log and the actions, always to hand during the session. Parked items need a
 * disposition before the session can close; actions without an owner or a due date are flagged.
 */
import { useId, useState } from 'react';
import type { Action, Decision, ParkedItem, Workshop } from '../../../../shared/model/workbook-schema';
import { actionWarnings, DISPOSITIONS, dispositionProblem } from '../../../../shared/workshop/session';
import { showError } from '../../state/ui-store';
import { NONE, useWorkbookStore } from '../../state/workbook-store';
import { DateInput } from '../../components/DateInput';
import { InlineText } from './InlineText';
import { Tabs } from './Tabs';
import {
  addAction,
  addDecision,
  changeAction,
  changeDecision,
  changeParkedItem,
  park,
  removeAction,
  removeDecision,
  removeParkedItem,
} from './commands';

type LogTab = 'parking' | 'decisions' | 'actions';

function AddForm({ label, onAdd }: { label: string; onAdd: (text: string) => void }) {
  const [text, setText] = useState('');
  const id = useId();
  return (
    <form
      className="ws-add-activity"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        onAdd(text.trim().slice(0, 500));
        setText('');
      }}
    >
      <div className="field field-wide">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="text"
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
      </div>
      <button type="submit" className="button button-primary" disabled={!text.trim()}>
        Add
      </button>
    </form>
  );
}

export function LogsPanel({ workshop: w }: { workshop: Workshop }) {
  const [tab, setTab] = useState<LogTab>('parking');
  const open = w.parkingLot.filter((p) => dispositionProblem(p) !== null).length;
  const unowned = w.actions.filter((a) => a.status === 'open' && actionWarnings(a).length > 0).length;
  return (
    <section className="ws-logs" aria-label="Parking lot, decisions and actions">
      <Tabs
        label="Logs"
        idPrefix={`logs-${w.id}`}
        selected={tab}
        onSelect={setTab}
        tabs={[
          {
            id: 'parking',
            label: `Parking lot (${w.parkingLot.length}${open ? `, ${open} to deal with` : ''})`,
          },
          { id: 'decisions', label: `Decisions (${w.decisions.length})` },
          {
            id: 'actions',
            label: `Actions (${w.actions.length}${unowned ? `, ${unowned} need an owner or date` : ''})`,
          },
        ]}
      />
      <div
        role="tabpanel"
        id={`logs-${w.id}-panel`}
        aria-labelledby={`logs-${w.id}-tab-${tab}`}
        className="ws-tabpanel"
      >
        {tab === 'parking' && <ParkingLot workshop={w} />}
        {tab === 'decisions' && <Decisions workshop={w} />}
        {tab === 'actions' && <Actions workshop={w} />}
      </div>
    </section>
  );
}

function ParkingLot({ workshop: w }: { workshop: Workshop }) {
  const change = (id: string, patch: Partial<ParkedItem>, key?: string) =>
    changeParkedItem(w.id, id, patch, key);
  return (
    <div>
      <AddForm
        label="Park something for later"
        onAdd={(text) => park('Add to the parking lot', w.id, text)}
      />
      {w.parkingLot.length === 0 && <p className="muted">Nothing parked.</p>}
      <ul className="plain-list">
        {w.parkingLot.map((p, i) => {
          const problem = dispositionProblem(p);
          return (
            <li key={p.id} className="ws-log-item">
              <InlineText
                label={`Parked item ${i + 1}`}
                required
                value={p.text}
                onCommit={(v) => change(p.id, { text: v }, 'text')}
              />
              <div className="ws-log-fields">
                <label className="ws-inline-label">
                  <span>What happens to it</span>
                  <select
                    value={p.disposition}
                    onChange={(e) =>
                      change(p.id, { disposition: e.target.value as ParkedItem['disposition'] })
                    }
                  >
                    {Object.entries(DISPOSITIONS).map(([k, v]) => (
                      <option key={k} value={k}>
                        {v.label}
                      </option>
                    ))}
                  </select>
                </label>
                {p.disposition === 'owner' && (
                  <label className="ws-inline-label">
                    <span>Owner</span>
                    <InlineText
                      label={`Owner of parked item ${i + 1}`}
                      value={p.owner}
                      onCommit={(v) => change(p.id, { owner: v }, 'owner')}
                    />
                  </label>
                )}
                {p.disposition !== 'open' && (
                  <label className="ws-inline-label">
                    <span>{DISPOSITIONS[p.disposition].detailLabel}</span>
                    <InlineText
                      label={`${DISPOSITIONS[p.disposition].detailLabel} for parked item ${i + 1}`}
                      value={p.detail}
                      onCommit={(v) => change(p.id, { detail: v }, 'detail')}
                    />
                  </label>
                )}
              </div>
              {problem && <p className="ws-flag">Still needed: {problem}</p>}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => removeParkedItem(w.id, p.id)}
              >
                Remove<span className="visually-hidden"> parked item {i + 1}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Decisions({ workshop: w }: { workshop: Workshop }) {
  const change = (id: string, patch: Partial<Decision>, key: string) => changeDecision(w.id, id, patch, key);
  return (
    <div>
      <AddForm label="Record a decision" onAdd={(text) => addDecision(w.id, text)} />
      {w.decisions.length === 0 && <p className="muted">No decisions yet.</p>}
      <ul className="plain-list">
        {w.decisions.map((d, i) => (
          <li key={d.id} className="ws-log-item">
            <InlineText
              label={`Decision ${i + 1}`}
              required
              value={d.text}
              onCommit={(v) => change(d.id, { text: v }, 'text')}
            />
            <div className="ws-log-fields">
              {(
                [
                  ['rationale', 'Why'],
                  ['method', 'How agreement was tested'],
                  ['result', 'Result'],
                  ['decidedBy', 'Decided by'],
                  ['dissent', 'Minority views'],
                ] as const
              ).map(([field, label]) => (
                <label key={field} className="ws-inline-label">
                  <span>{label}</span>
                  <InlineText
                    label={`${label}: decision ${i + 1}`}
                    multiline={field === 'rationale' || field === 'dissent'}
                    maxLength={field === 'rationale' || field === 'dissent' ? 20_000 : 500}
                    value={d[field]}
                    onCommit={(v) => change(d.id, { [field]: v }, field)}
                  />
                </label>
              ))}
            </div>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => removeDecision(w.id, d.id)}
            >
              Remove<span className="visually-hidden"> decision {i + 1}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Actions({ workshop: w }: { workshop: Workshop }) {
  const objectives = useWorkbookStore((s) => s.workbook?.objectives ?? NONE);
  const change = (id: string, patch: Partial<Action>, key?: string) => changeAction(w.id, id, patch, key);
  return (
    <div>
      <AddForm label="Add an action" onAdd={(text) => addAction(w.id, text)} />
      {w.actions.length === 0 && <p className="muted">No actions yet.</p>}
      <ul className="plain-list">
        {w.actions.map((a, i) => {
          const warnings = a.status === 'open' ? actionWarnings(a) : [];
          return (
            <li key={a.id} className="ws-log-item">
              <InlineText
                label={`Action ${i + 1}`}
                required
                value={a.text}
                onCommit={(v) => change(a.id, { text: v }, 'text')}
              />
              <div className="ws-log-fields">
                <label className="ws-inline-label">
                  <span>Owner</span>
                  <InlineText
                    label={`Owner of action ${i + 1}`}
                    value={a.owner}
                    onCommit={(v) => change(a.id, { owner: v }, 'owner')}
                  />
                </label>
                <label className="ws-inline-label">
                  <span>Due (dd/mm/yyyy)</span>
                  <DateInput
                    aria-label={`Due date of action ${i + 1}, day, month and year`}
                    value={a.due}
                    onCommit={(due) => change(a.id, { due })}
                    onError={(message) => message && showError(`Due date of action ${i + 1}: ${message}.`)}
                  />
                </label>
                <label className="ws-inline-label">
                  <span>Status</span>
                  <select
                    value={a.status}
                    onChange={(e) => change(a.id, { status: e.target.value as Action['status'] })}
                  >
                    <option value="open">Open</option>
                    <option value="done">Done</option>
                    <option value="dropped">Dropped</option>
                  </select>
                </label>
                <label className="ws-inline-label">
                  <span>Objective</span>
                  <select
                    value={a.objectiveId ?? ''}
                    onChange={(e) => change(a.id, { objectiveId: e.target.value || null })}
                  >
                    <option value="">None</option>
                    {objectives
                      .filter((o) => o.level !== 'theme')
                      .map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.title}
                        </option>
                      ))}
                  </select>
                </label>
                <label className="ws-inline-label">
                  <span>Done when</span>
                  <InlineText
                    label={`Definition of done for action ${i + 1}`}
                    value={a.doneWhen}
                    onCommit={(v) => change(a.id, { doneWhen: v }, 'done')}
                  />
                </label>
              </div>
              {warnings.length > 0 && <p className="ws-flag">{warnings.join(' ')}</p>}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => removeAction(w.id, a.id)}
              >
                Remove<span className="visually-hidden"> action {i + 1}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
