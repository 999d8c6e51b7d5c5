/**
 * Setting up the 2×2 grid: the axes are named and defined before anything is placed, and the items chosen (ideas
 * from this workshop, objectives or services). What stops placing, and what is worth fixing, is said here.
 */
import { useState } from 'react';
import type { Workshop } from '../../../../../shared/model/workbook-schema';
import { axesProblems, gridWarnings, type TwoByTwo } from '../../../../../shared/workshop/two-by-two';
import { TextField } from '../../../components/TextField';
import { useWorkbookStore } from '../../../state/workbook-store';
import { ChecklistDialog } from '../ChecklistDialog';
import { changeGridText, chooseGridItems } from '../commands';
import { ideaGroups, objectiveGroups, serviceGroups } from '../option-groups';

export function GridSetup({ workshop: w, activity: a }: { workshop: Workshop; activity: TwoByTwo }) {
  const wb = useWorkbookStore((s) => s.workbook);
  const [choosing, setChoosing] = useState(false);
  const problems = axesProblems(a);
  const ready = problems.length === 0;
  return (
    <>
      <section className="panel" aria-label="Axes">
        <p>
          Agree what each axis means before placing anything, then place one item at a time, starting at the
          centre.
        </p>
        <div className="ws-axes">
          <TextField
            label="Vertical axis"
            value={a.yAxis}
            onCommit={(v) => changeGridText(w.id, a, 'yAxis', v)}
          />
          <TextField
            label="What the vertical axis means"
            value={a.yDefinition}
            hint="For example: contribution to the objectives voted first"
            onCommit={(v) => changeGridText(w.id, a, 'yDefinition', v)}
          />
          <TextField
            label="Horizontal axis"
            value={a.xAxis}
            onCommit={(v) => changeGridText(w.id, a, 'xAxis', v)}
          />
          <TextField
            label="What the horizontal axis means"
            value={a.xDefinition}
            hint="For example: money, staff time and lead time"
            onCommit={(v) => changeGridText(w.id, a, 'xDefinition', v)}
          />
        </div>
        <button type="button" className="button button-secondary" onClick={() => setChoosing(true)}>
          Choose the items ({a.optionIds.length})…
        </button>
      </section>

      {!ready && (
        <ul className="panel panel-warning">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {gridWarnings(a).map((warning) => (
        <p key={warning} className="panel panel-warning">
          {warning}
        </p>
      ))}

      {choosing && wb && (
        <ChecklistDialog
          title={`Items for “${a.title}”`}
          hint="Choose what to place on the grid: ideas from this workshop, objectives or services."
          groups={[...ideaGroups(w), ...serviceGroups(wb), ...objectiveGroups(wb)]}
          selected={a.optionIds}
          onDone={(chosen) => {
            setChoosing(false);
            if (chosen) chooseGridItems(w.id, a, chosen);
          }}
        />
      )}
    </>
  );
}
