/**
 * Placing items on the 2×2 grid, one at a time from the centre: by dragging, by clicking an item and then a spot
 * (no drag needed), or with the arrow keys (Shift for bigger steps, Home/End and Page Up/Down for the edges).
 * Every position is also said in words, and the quadrants carry a letter and a shape as well as a colour.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Placement, Workshop } from '../../../../../shared/model/workbook-schema';
import {
  CENTRE,
  describePlacement,
  nudge,
  quadrants,
  type TwoByTwo,
} from '../../../../../shared/workshop/two-by-two';
import { showStatus } from '../../../state/ui-store';
import { placeOnGrid } from '../commands';
import { useOptionLabel } from '../use-workshop';

const SHAPES: Record<string, string> = { circle: '●', square: '■', triangle: '▲', diamond: '◆' };

interface GridPartProps {
  workshop: Workshop;
  activity: TwoByTwo;
  /** Each chosen item's number, in the order chosen. */
  numbers: ReadonlyMap<string, number>;
  placed: readonly Placement[];
}

export function GridBoard({ workshop: w, activity: a, numbers, placed }: GridPartProps) {
  const label = useOptionLabel(w);
  const [picked, setPicked] = useState<string | null>(null);
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  const area = useRef<HTMLDivElement>(null);
  const q = quadrants(a);

  const at = (clientX: number, clientY: number) => {
    const r = area.current!.getBoundingClientRect();
    return {
      x: Math.min(1, Math.max(0, (clientX - r.left) / r.width)),
      y: Math.min(1, Math.max(0, 1 - (clientY - r.top) / r.height)),
    };
  };
  const move = (id: string, pos: { x: number; y: number }, how: string) =>
    placeOnGrid(w.id, a, id, pos, `Move “${label(id)}” on the grid`, how);

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
  );
}

export function StillToPlace({
  workshop: w,
  activity: a,
  numbers,
  placed,
  ready,
}: GridPartProps & { ready: boolean }) {
  const label = useOptionLabel(w);
  const waiting = a.optionIds.filter((id) => !placed.some((p) => p.optionId === id));
  return (
    <>
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
              onClick={() => placeOnGrid(w.id, a, id, CENTRE, `Place “${label(id)}” on the grid`)}
            >
              Place at the centre
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
