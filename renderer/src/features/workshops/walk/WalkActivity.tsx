/**
 * Walking the map: one objective at a time (chosen here, and shown on the room's screen), the room proposes how
 * strongly each service contributes and why, the facilitator asks "can anyone not live with this?", records
 * reasoned objections, and marks the link agreed (WalkLive). There is nothing to set up beyond the activity's
 * scope on the agenda; only agreed links go to the map, from the Results tab.
 */
import { useId, useState } from 'react';
import type { Workshop } from '../../../../../shared/model/workbook-schema';
import { walkObjectives, walkProgress, type WalkTheMap } from '../../../../../shared/workshop/walk-the-map';
import { useWorkbookStore } from '../../../state/workbook-store';
import { useSessionStore } from '../session-store';
import { WalkLive } from './WalkLive';

export function WalkActivity({ workshop: w, activity: a }: { workshop: Workshop; activity: WalkTheMap }) {
  const wb = useWorkbookStore((s) => s.workbook);
  const view = useSessionStore((s) => s.view);
  const [index, setIndex] = useState(() =>
    view.screen === 'activity' && view.activityId === a.id ? (view.objectiveIndex ?? 0) : 0,
  );
  const ids = { objective: useId() };
  if (!wb) return null;
  const objectives = walkObjectives(wb, a);
  const progress = walkProgress(wb, a);
  const i = Math.min(index, Math.max(0, objectives.length - 1));
  const objective = objectives[i];
  if (!objective)
    return (
      <p className="muted">
        There are no objectives to walk through. Add objectives, or widen this activity’s scope.
      </p>
    );
  const go = (next: number) => {
    setIndex(next);
    useSessionStore.getState().show({ screen: 'activity', activityId: a.id, objectiveIndex: next });
  };

  return (
    <div className="ws-walk ws-fill">
      <p className="panel">
        For each service: propose a strength and say why, then ask{' '}
        <strong>“can anyone not live with this?”</strong> Record any reasoned objection; adjust the strength,
        or park it with an owner.
      </p>
      <div className="ws-walk-nav">
        <div className="field">
          <label htmlFor={ids.objective}>Objective</label>
          <select id={ids.objective} value={i} onChange={(e) => go(Number(e.target.value))}>
            {objectives.map((o, n) => {
              const pr = progress[n]!;
              return (
                <option key={o.id} value={n}>
                  {n + 1}. {o.title} ({pr.agreed} agreed)
                </option>
              );
            })}
          </select>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            disabled={i === 0}
            onClick={() => go(i - 1)}
          >
            Previous objective
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={i >= objectives.length - 1}
            onClick={() => go(i + 1)}
          >
            Next objective
          </button>
          <button type="button" className="button button-secondary" onClick={() => go(i)}>
            Show this objective on the screen
          </button>
        </div>
      </div>
      <h4>
        Objective {i + 1} of {objectives.length}: {objective.title}
      </h4>
      {/* Choosing the objective stays put while its services scroll. */}
      <div className="ws-activity-scroll">
        <WalkLive workshop={w} activity={a} workbook={wb} objective={objective} />
      </div>
    </div>
  );
}
