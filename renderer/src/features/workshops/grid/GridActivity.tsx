/**
 * The 2×2 grid in the console: its axes and items (GridSetup), the grid the room places items on with the items
 * still to place (GridLive), and where each placed item sits (GridResults).
 */
import type { Workshop } from '../../../../../shared/model/workbook-schema';
import { axesProblems, type TwoByTwo } from '../../../../../shared/workshop/two-by-two';
import { GridBoard, StillToPlace } from './GridLive';
import { GridResults } from './GridResults';
import { GridSetup } from './GridSetup';

export function GridActivity({ workshop: w, activity: a }: { workshop: Workshop; activity: TwoByTwo }) {
  const numbers = new Map(a.optionIds.map((id, i) => [id, i + 1]));
  const placed = a.placements.filter((p) => numbers.has(p.optionId));
  const ready = axesProblems(a).length === 0;
  const parts = { workshop: w, activity: a, numbers, placed };
  return (
    <div className="ws-grid-activity">
      <GridSetup workshop={w} activity={a} />
      <div className="ws-grid-layout">
        <GridBoard {...parts} />
        <div className="ws-grid-list">
          <GridResults {...parts} />
          <StillToPlace {...parts} ready={ready} />
        </div>
      </div>
    </div>
  );
}
