/** The agenda: timed activities in order, each scoped to chosen objectives or services, from ready-made blocks. */
import { useId, useState } from 'react';
import type { Activity, Workshop } from '../../../../shared/model/workbook-schema';
import {
  ACTIVITY_KINDS,
  AGENDA_PRESETS,
  agendaOverrun,
  KIND_ORDER,
  PHASE_TEXT,
} from '../../../../shared/workshop/kinds';
import { activityHasContent, agendaActivity } from '../../../../shared/workshop/plan-edits';
import { NumberField } from '../../components/fields';
import { TextField } from '../../components/TextField';
import { ask } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { ChecklistDialog } from './ChecklistDialog';
import { objectiveGroups, serviceGroups } from './option-groups';
import {
  addActivity,
  changeActivityMinutes,
  changeActivityNotes,
  changeActivityScope,
  changePlannedMinutes,
  moveActivity,
  removeActivity,
  renameActivity,
} from './commands';

export function AgendaEditor({ workshop: w }: { workshop: Workshop }) {
  const wb = useWorkbookStore((s) => s.workbook);
  const [choice, setChoice] = useState(AGENDA_PRESETS[0]!.id);
  const [scoping, setScoping] = useState<string | null>(null);
  const selectId = useId();
  const total = w.activities.reduce((n, a) => n + a.minutes, 0);
  const overrun = agendaOverrun(w);

  const add = () => {
    if (wb) addActivity(w.id, agendaActivity(wb, choice));
  };

  const remove = async (a: Activity) => {
    if (activityHasContent(a)) {
      const answer = await ask({
        title: `Remove “${a.title}”?`,
        body: [
          'It has ideas, votes or placements recorded. Removing it takes them out of the workshop (you can undo this).',
        ],
        buttons: [
          { id: 'remove', label: 'Remove the activity', kind: 'danger' },
          { id: 'cancel', label: 'Keep it' },
        ],
        cancelId: 'cancel',
      });
      if (answer !== 'remove') return;
    }
    removeActivity(w.id, a);
  };

  const scoped = scoping ? w.activities.find((a) => a.id === scoping) : undefined;
  return (
    <div>
      {w.activities.length === 0 ? (
        <p className="muted">
          No activities yet. Add blocks from the list below; each has a standard timebox you can change.
        </p>
      ) : (
        <ol className="ws-agenda">
          {w.activities.map((a, i) => {
            const scopeCount = a.scope.objectiveIds.length + a.scope.serviceIds.length;
            return (
              <li key={a.id} className="ws-agenda-item">
                <div className="ws-agenda-head">
                  <span className="tag">{ACTIVITY_KINDS[a.kind].label}</span>{' '}
                  <span className="tag">{PHASE_TEXT[ACTIVITY_KINDS[a.kind].phase]}</span>
                  {a.status !== 'planned' && (
                    <span className="tag">{a.status === 'running' ? 'Running' : 'Done'}</span>
                  )}
                </div>
                <div className="ws-agenda-fields">
                  <TextField
                    label={`Activity ${i + 1}`}
                    value={a.title}
                    validate={(v) => (v.trim() ? null : 'Give the activity a title')}
                    onCommit={(v) => renameActivity(w.id, a.id, v)}
                  />
                  <NumberField
                    label="Minutes"
                    value={a.minutes}
                    min={0}
                    onCommit={(v) => changeActivityMinutes(w.id, a.id, v)}
                  />
                </div>
                <TextField
                  label="Facilitator’s notes (never shown on the projector)"
                  multiline
                  value={a.notes}
                  onCommit={(v) => changeActivityNotes(w.id, a.id, v)}
                />
                <p className="muted">
                  {scopeCount === 0
                    ? 'For all objectives and services.'
                    : `For ${scopeCount} chosen ${scopeCount === 1 ? 'objective or service' : 'objectives and services'}.`}
                </p>
                <div className="button-row">
                  <button type="button" className="button button-secondary" onClick={() => setScoping(a.id)}>
                    Choose objectives and services<span className="visually-hidden"> for {a.title}</span>…
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={i === 0}
                    onClick={() => moveActivity(w.id, a.id, -1)}
                  >
                    Move up<span className="visually-hidden"> {a.title}</span>
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={i === w.activities.length - 1}
                    onClick={() => moveActivity(w.id, a.id, 1)}
                  >
                    Move down<span className="visually-hidden"> {a.title}</span>
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => void remove(a)}>
                    Remove<span className="visually-hidden"> {a.title}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div className="ws-agenda-length">
        <p>
          <strong>Total:</strong> {total} minutes ({Math.floor(total / 60)} h {total % 60} min).
        </p>
        <NumberField
          label="Planned length of the session (minutes)"
          value={w.plannedMinutes || null}
          allowEmpty
          min={0}
          onCommit={(v) => changePlannedMinutes(w.id, v)}
        />
      </div>
      {overrun && (
        <p className="panel panel-warning" role="status">
          {overrun}
        </p>
      )}
      <div className="ws-add-activity">
        <div className="field">
          <label htmlFor={selectId}>Add to the agenda</label>
          <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <optgroup label="Ready-made blocks with standard timings">
              {AGENDA_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title} ({ACTIVITY_KINDS[p.kind].label}, {p.minutes} min)
                </option>
              ))}
            </optgroup>
            <optgroup label="Blank activities">
              {KIND_ORDER.map((k) => (
                <option key={k} value={`kind:${k}`}>
                  {ACTIVITY_KINDS[k].label} ({ACTIVITY_KINDS[k].minutes} min)
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <button type="button" className="button button-primary" onClick={add}>
          Add activity
        </button>
      </div>
      {scoped && wb && (
        <ChecklistDialog
          title={`Scope of “${scoped.title}”`}
          hint="Choose the objectives and services this activity is about. Choose none to cover them all."
          groups={[...objectiveGroups(wb), ...serviceGroups(wb)]}
          selected={[...scoped.scope.objectiveIds, ...scoped.scope.serviceIds]}
          onDone={(ids) => {
            setScoping(null);
            if (!ids) return;
            changeActivityScope(w.id, scoped, ids);
          }}
        />
      )}
    </div>
  );
}
