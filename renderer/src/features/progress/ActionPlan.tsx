/**
 * The action plan: add actions, carry across a workshop's agreed actions and a business case's milestones (with
 * where they came from), and record dated updates that move an action's status. Late means due before the
 * period's end (or today, while the period runs) and not done.
 */
import { useId, useState } from 'react';
import { actionGroup } from '../../../../shared/analysis/progress';
import { carryAcrossSources, describeOrigin } from '../../../../shared/model/progress-operations';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, RAG_LABELS, RAG_RATINGS, type ActionStatus, type PlanAction, type RagRating } from '../../../../shared/model/progress-schema';
import type { Workbook } from '../../../../shared/model/workbook-schema';
import { isoToday } from '../../../../shared/text/dates';
import { DateInput } from '../../components/DateInput';
import { showStatus } from '../../state/ui-store';
import { carryAcross, changeAction, deleteAction, newAction, recordUpdate } from './commands';

const ukDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function UpdateForm(props: { action: PlanAction }) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<ActionStatus | ''>('');
  const [date, setDate] = useState(isoToday());
  const ids = { text: useId(), status: useId(), date: useId() };
  const valid = text.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(date);
  return (
    <form
      className="update-form"
      aria-label={`Add an update to ${props.action.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        recordUpdate(props.action, { date, text: text.trim(), status: status || null, by: '' });
        setText('');
        setStatus('');
        showStatus(`Added an update to “${props.action.title}”.`);
      }}
    >
      <div className="field">
        <label htmlFor={ids.text}>Update</label>
        <input id={ids.text} type="text" value={text} maxLength={2_000} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.date}>Date</label>
        <DateInput id={ids.date} value={date || null} onCommit={(iso) => setDate(iso ?? '')} />
      </div>
      <div className="field">
        <label htmlFor={ids.status}>Status after the update</label>
        <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as ActionStatus | '')}>
          <option value="">No change</option>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-secondary" disabled={!valid}>
        Add update
      </button>
    </form>
  );
}

function ActionRow(props: { action: PlanAction; wb: Workbook; asAt: string }) {
  const a = props.action;
  const late = actionGroup(a, props.asAt) === 'late' && a.status !== 'done';
  return (
    <li className="action-item" aria-label={a.title}>
      <div className="action-head">
        <input
          type="text"
          className="action-title"
          aria-label="Action"
          value={a.title}
          maxLength={500}
          onChange={(e) => e.target.value.trim() && changeAction(a, { title: e.target.value }, 'Rename an action', 'title')}
        />
        {late && <strong className="status-tag status-off-track">Late</strong>}
      </div>
      <div className="action-fields">
        <label>
          Owner
          <input type="text" value={a.owner} maxLength={500} onChange={(e) => changeAction(a, { owner: e.target.value }, `Change the owner of “${a.title}”`, 'owner')} />
        </label>
        <label>
          Due
          <DateInput value={a.due} onCommit={(iso) => changeAction(a, { due: iso }, `Change the due date of “${a.title}”`)} />
        </label>
        <label>
          Status
          <select value={a.status} onChange={(e) => changeAction(a, { status: e.target.value as ActionStatus }, `Mark “${a.title}” ${ACTION_STATUS_LABELS[e.target.value as ActionStatus].toLowerCase()}`)}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ACTION_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          RAG
          <select value={a.rag ?? ''} onChange={(e) => changeAction(a, { rag: (e.target.value || null) as RagRating | null }, `Rate “${a.title}”`)}>
            <option value="">Not rated</option>
            {RAG_RATINGS.map((r) => (
              <option key={r} value={r}>
                {RAG_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason if late, blocked or dropped
          <input type="text" value={a.reason} maxLength={500} onChange={(e) => changeAction(a, { reason: e.target.value }, `Change the reason for “${a.title}”`, 'reason')} />
        </label>
      </div>
      <p className="hint">{describeOrigin(props.wb, a.origin)}.</p>
      {a.updates.length > 0 && (
        <ul className="action-updates" aria-label={`Updates to ${a.title}`}>
          {a.updates.map((u) => (
            <li key={u.id}>
              {ukDate(u.date)}: {u.text}
              {u.status ? ` (${ACTION_STATUS_LABELS[u.status].toLowerCase()})` : ''}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Add an update</summary>
        <UpdateForm action={a} />
      </details>
      <button type="button" className="button button-secondary button-small" onClick={() => deleteAction(a)}>
        Remove<span className="visually-hidden"> the action {a.title}</span>
      </button>
    </li>
  );
}

export function ActionPlan(props: { wb: Workbook; asAt: string }) {
  const [title, setTitle] = useState('');
  const titleId = useId();
  const sources = carryAcrossSources(props.wb);
  return (
    <section className="panel" aria-labelledby="action-plan-heading">
      <h2 id="action-plan-heading">Action plan</h2>
      {sources.length > 0 && (
        <div className="toolbar" role="group" aria-label="Carry actions across">
          {sources.map((s) => (
            <button
              key={`${s.kind}:${s.id}`}
              type="button"
              className="button button-secondary"
              onClick={() => {
                carryAcross(s.kind, s.id, s.title);
                showStatus(`Carried ${s.waiting} ${s.waiting === 1 ? 'action' : 'actions'} across from “${s.title}”. Undo (Ctrl+Z) removes them.`);
              }}
            >
              Carry across {s.waiting} {s.kind === 'workshop' ? (s.waiting === 1 ? 'agreed action' : 'agreed actions') : s.waiting === 1 ? 'milestone' : 'milestones'} from “{s.title}”
            </button>
          ))}
        </div>
      )}
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (!title.trim()) return;
          newAction({ title: title.trim() });
          setTitle('');
        }}
      >
        <label htmlFor={titleId}>New action</label>
        <input id={titleId} type="text" value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} />
        <button type="submit" className="button button-primary" disabled={!title.trim()}>
          Add action
        </button>
      </form>
      {props.wb.actionPlan.length === 0 ? (
        <p>No actions yet. Add one, or carry across a workshop’s agreed actions or a business case’s milestones.</p>
      ) : (
        <ul className="action-list">
          {props.wb.actionPlan.map((a) => (
            <ActionRow key={a.id} action={a} wb={props.wb} asAt={props.asAt} />
          ))}
        </ul>
      )}
    </section>
  );
}
