/**
 * Walking one objective of the map with the room: the services already linked or proposed for it, each discussed
 * and agreed in turn (LinkProposal), and any other service the room wants to discuss.
 */
import { useId, useState } from 'react';
import type { Objective, Workbook, Workshop } from '../../../../../shared/model/workbook-schema';
import {
  existingLink,
  findProposal,
  walkServices,
  type WalkTheMap,
} from '../../../../../shared/workshop/walk-the-map';
import { proposeLink } from '../commands';
import { LinkProposal } from './LinkProposal';

export function WalkLive({
  workshop: w,
  activity: a,
  workbook: wb,
  objective,
}: {
  workshop: Workshop;
  activity: WalkTheMap;
  workbook: Workbook;
  objective: Objective;
}) {
  const [adding, setAdding] = useState('');
  const ids = { add: useId() };
  const services = walkServices(wb, a);
  const discussed = services.filter(
    (s) => existingLink(wb, s.id, objective.id) || findProposal(a, s.id, objective.id),
  );
  const others = services.filter((s) => !discussed.includes(s));
  return (
    <>
      {discussed.length === 0 && (
        <p className="muted">
          No service is linked to this objective yet. Add one the room wants to discuss.
        </p>
      )}
      <ul className="plain-list">
        {discussed.map((s) => (
          <LinkProposal
            key={s.id}
            workshop={w}
            activity={a}
            workbook={wb}
            objective={objective}
            service={s}
          />
        ))}
      </ul>
      {others.length > 0 && (
        <div className="ws-add-activity">
          <div className="field">
            <label htmlFor={ids.add}>Discuss another service for this objective</label>
            <select id={ids.add} value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">Choose a service</option>
              {others.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button button-secondary"
            disabled={!adding}
            onClick={() => {
              proposeLink(w.id, a, adding, objective.id, { strength: 1 }, 'Propose a new link');
              setAdding('');
            }}
          >
            Add to the discussion
          </button>
        </div>
      )}
    </>
  );
}
