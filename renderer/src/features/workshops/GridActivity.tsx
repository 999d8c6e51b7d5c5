/**
 * The 2×2 grid in the console. Axes are named and defined before anything is placed; items start at the centre
 * and are moved one at a time, by dragging, by clicking an item and then a spot (no drag needed), or with the
 * arrow keys (Shift for bigger steps, Home/End and Page Up/Down for the edges). Every position is also said in
 * words, and the quadrants carry a letter and a shape as well as a colour.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Activity, Workshop } from '../../../../shared/model/workbook-schema';
import {
  axesProblems,
  CENTRE,
  describePlacement,
  gridWarnings,
  nudge,
  place,
  quadrantOf,
  quadrants,
  unplace,
} from '../../../../shared/workshop/two-by-two';
import { TextField } from '../../components/TextField';
import { showStatus } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { ChecklistDialog } from './ChecklistDialog';
import { ideaGroups, objectiveGroups, serviceGroups } from './option-groups';
import { editActivity, park, useOptionLabel } from './use-workshop';

type Grid = Extract<Activity, { kind: 'two-by-two' }>;

const SHAPES: Record<string, string> = { circle: '●', square: '■', triangle: '▲', diamond: '◆' };

export function GridActivity({ workshop: w, activity: a }: { workshop: Workshop; activity: Grid }) {
  const wb = useWorkbookStore((s) => s.workbook);
  const label = useOptionLabel(w);
  const [choosing, setChoosing] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  const area = useRef<HTMLDivElement>(null);
  const problems = axesProblems(a);
  const ready = problems.length === 0;
  const q = quadrants(a);
  const numbers = new Map(a.optionIds.map((id, i) => [id, i + 1]));
  const placed = a.placements.filter((p) => numbers.has(p.optionId));
  const waiting = a.optionIds.filter((id) => !placed.some((p) => p.optionId === id));

  const at = (clientX: number, clientY: number) => {
    const r = area.current!.getBoundingClientRect();
    return {
      x: Math.min(1, Math.max(0, (clientX - r.left) / r.width)),
      y: Math.min(1, Math.max(0, 1 - (clientY - r.top) / r.height)),
    };
  };
  const move = (id: string, pos: { x: number; y: number }, how: string) =>
    editActivity(
      `Move “${label(id)}” on the grid`,
      w.id,
      a,
      (g) => place(g, id, pos),
      `grid:${a.id}:${id}:${how}`,
    );

  const onKey = (e: KeyboardEvent, id: string, pos: { x: number; y: number }) => {
    const next = nudge(pos, e.key, e.shiftKey ? 0.2 : 0.05);
    if (!next) return;
    e.preventDefault();
    move(id, next, 'keys');
  };
  const onPointerDown = (e: PointerEvent, id: string) => {
    if (e.button !== 0) return;
    (e.target as HTMLElement).setPointerCapture(e.pointerId);
    setDrag({ id, ...at(e.clientX, e.clientY) });
  };
  const onPointerMove = (e: PointerEvent) => {
    if (drag) setDrag({ ...drag, ...at(e.clientX, e.clientY) });
  };
  const onPointerUp = (e: PointerEvent, id: string) => {
    if (!drag) return;
    const pos = at(e.clientX, e.clientY);
    const p = placed.find((x) => x.optionId === id);
    setDrag(null);
    // A press without movement is a click: pick the item so the next click on the grid puts it there.
    if (p && Math.abs(p.x - pos.x) < 0.01 && Math.abs(p.y - pos.y) < 0.01)
      setPicked(picked === id ? null : id);
    else move(id, pos, 'drag');
  };

  return (
    <div className="ws-grid-activity">
      <section className="panel" aria-label="Axes">
        <p>
          Agree what each axis means before placing anything, then place one item at a time, starting at the
          centre.
        </p>
        <div className="ws-axes">
          <TextField
            label="Vertical axis"
            value={a.yAxis}
            onCommit={(v) =>
              editActivity('Rename the vertical axis', w.id, a, (g) => void (g.yAxis = v), `grid:${a.id}:y`)
            }
          />
          <TextField
            label="What the vertical axis means"
            value={a.yDefinition}
            hint="For example: contribution to the objectives voted first"
            onCommit={(v) =>
              editActivity(
                'Define the vertical axis',
                w.id,
                a,
                (g) => void (g.yDefinition = v),
                `grid:${a.id}:yd`,
              )
            }
          />
          <TextField
            label="Horizontal axis"
            value={a.xAxis}
            onCommit={(v) =>
              editActivity('Rename the horizontal axis', w.id, a, (g) => void (g.xAxis = v), `grid:${a.id}:x`)
            }
          />
          <TextField
            label="What the horizontal axis means"
            value={a.xDefinition}
            hint="For example: money, staff time and lead time"
            onCommit={(v) =>
              editActivity(
                'Define the horizontal axis',
                w.id,
                a,
                (g) => void (g.xDefinition = v),
                `grid:${a.id}:xd`,
              )
            }
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

      <div className="ws-grid-layout">
        <div className="ws-grid-frame">
          {/* The label runs bottom to top, so this arrow points up. */}
          <span className="ws-grid-axis-y">{a.yAxis} →</span>
          <div
            ref={area}
            className={`ws-grid${picked ? ' ws-grid-picking' : ''}`}
            role="group"
            aria-label={`2×2 grid: ${a.yAxis} against ${a.xAxis}`}
            onClick={(e) => {
              if (!picked || e.target !== e.currentTarget) return;
              move(picked, at(e.clientX, e.clientY), 'click');
              showStatus(`Moved “${label(picked)}”.`);
              setPicked(null);
            }}
          >
            {(['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const).map((id) => (
              <span
                key={id}
                className={`ws-quadrant ws-${id}`}
                style={{ ['--q' as string]: `#${q[id].colour.hex}` }}
                aria-hidden="true"
              >
                <span className="ws-quadrant-mark">{SHAPES[q[id].shape]}</span> {q[id].letter}: {q[id].name}
              </span>
            ))}
            {placed.map((p) => {
              const pos = drag?.id === p.optionId ? drag : p;
              const n = numbers.get(p.optionId)!;
              return (
                <button
                  key={p.optionId}
                  type="button"
                  className={`ws-marker${picked === p.optionId ? ' ws-marker-picked' : ''}`}
                  style={{ left: `${pos.x * 100}%`, bottom: `${pos.y * 100}%` }}
                  aria-pressed={picked === p.optionId}
                  aria-label={`${n}: ${label(p.optionId)}. ${describePlacement(a, pos)}. Arrow keys move it; or press to pick it, then click a spot on the grid.`}
                  onKeyDown={(e) => onKey(e, p.optionId, p)}
                  onPointerDown={(e) => onPointerDown(e, p.optionId)}
                  onPointerMove={onPointerMove}
                  onPointerUp={(e) => onPointerUp(e, p.optionId)}
                  onClick={(e) => {
                    // Keyboard activation (Enter/Space) arrives as a click with no pointer: pick it.
                    if (e.detail === 0) setPicked(picked === p.optionId ? null : p.optionId);
                  }}
                >
                  {n}
                </button>
              );
            })}
          </div>
          <span className="ws-grid-axis-x">{a.xAxis} →</span>
        </div>
        <div className="ws-grid-list">
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
                    onClick={() =>
                      editActivity(`Take “${label(p.optionId)}” off the grid`, w.id, a, (g) =>
                        unplace(g, p.optionId),
                      )
                    }
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
          <h4>Still to place</h4>
          {waiting.length === 0 && (
            <p className="muted">
              {a.optionIds.length === 0 ? 'Choose the items first.' : 'Everything is placed.'}
            </p>
          )}
          <ul className="plain-list">
            {waiting.map((id) => (
              <li key={id} className="ws-grid-item">
                <span>
                  <strong>{numbers.get(id)}.</strong> {label(id)}
                </span>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={!ready}
                  aria-label={`Place at the centre: ${label(id)}`}
                  onClick={() =>
                    editActivity(`Place “${label(id)}” on the grid`, w.id, a, (g) => place(g, id, CENTRE))
                  }
                >
                  Place at the centre
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {choosing && wb && (
        <ChecklistDialog
          title={`Items for “${a.title}”`}
          hint="Choose what to place on the grid: ideas from this workshop, objectives or services."
          groups={[...ideaGroups(w), ...serviceGroups(wb), ...objectiveGroups(wb)]}
          selected={a.optionIds}
          onDone={(chosen) => {
            setChoosing(false);
            if (chosen)
              editActivity(`Choose the items for “${a.title}”`, w.id, a, (g) => {
                g.optionIds = chosen;
                g.placements = g.placements.filter((p) => chosen.includes(p.optionId));
              });
          }}
        />
      )}
    </div>
  );
}
