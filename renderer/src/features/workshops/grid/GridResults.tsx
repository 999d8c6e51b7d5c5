/**
 * Where each item on the 2×2 grid sits, in words and by quadrant letter, with a way to take it off again or park
 * it for evidence when the room is unsure.
 */
import type { Placement, Workshop } from '../../../../../shared/model/workbook-schema';
import {
  describePlacement,
  quadrantOf,
  quadrants,
  type TwoByTwo,
} from '../../../../../shared/workshop/two-by-two';
import { park, takeOffGrid } from '../commands';
import { useOptionLabel } from '../use-workshop';

export function GridResults({
  workshop: w,
  activity: a,
  numbers,
  placed,
}: {
  workshop: Workshop;
  activity: TwoByTwo;
  numbers: ReadonlyMap<string, number>;
  placed: readonly Placement[];
}) {
  const label = useOptionLabel(w);
  const q = quadrants(a);
  return (
    <>
      <h4>Placed</h4>
      {placed.length === 0 && <p className="muted">Nothing placed yet.</p>}
      <ul className="plain-list">
        {placed.map((p) => (
          <li key={p.optionId} className="ws-grid-item">
            <span>
              <strong>{numbers.get(p.optionId)}.</strong> {label(p.optionId)}{' '}
              <span className="muted">
                ({q[quadrantOf(p)].letter}) {describePlacement(a, p)}
              </span>
            </span>
            <span className="button-row">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => takeOffGrid(w.id, a, p.optionId, `Take “${label(p.optionId)}” off the grid`)}
              >
                Take off<span className="visually-hidden"> {label(p.optionId)}</span>
              </button>
              <button
                type="button"
                className="button button-secondary"
                aria-label={`Park for evidence: ${label(p.optionId)}`}
                onClick={() =>
                  park(
                    'Park an item for evidence',
                    w.id,
                    `Find evidence for where “${label(p.optionId)}” sits on “${a.title}”`,
                  )
                }
              >
                Park for evidence
              </button>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
