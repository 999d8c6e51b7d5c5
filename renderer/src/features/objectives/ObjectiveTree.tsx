import {
  closestCenter,
  DndContext,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { inTreeOrder } from '../../../../shared/analysis/hierarchy';
import { indentObjective, moveAmongSiblings, moveObjectiveTo, outdentObjective } from '../../../../shared/model/operations';
import type { Objective } from '../../../../shared/model/workbook-schema';
import { showStatus } from '../../state/ui-store';
import { NONE, useWorkbookStore } from '../../state/workbook-store';
import { restructure } from './commands';

export const LEVEL_LABEL = { theme: 'Theme', objective: 'Objective', outcome: 'Outcome' } as const;

interface Row {
  objective: Objective;
  depth: number;
  hasChildren: boolean;
  posInSet: number;
  setSize: number;
}

function visibleRows(objectives: readonly Objective[], collapsed: ReadonlySet<string>): Row[] {
  const ordered = inTreeOrder(objectives);
  const childCount = new Map<string | null, number>();
  for (const o of objectives) childCount.set(o.parentId, (childCount.get(o.parentId) ?? 0) + 1);
  const position = new Map<string | null, number>();
  const rows: Row[] = [];
  let hiddenBelow: number | null = null;
  for (const { objective, depth } of ordered) {
    const pos = (position.get(objective.parentId) ?? 0) + 1;
    position.set(objective.parentId, pos);
    if (hiddenBelow !== null) {
      if (depth > hiddenBelow) continue;
      hiddenBelow = null;
    }
    rows.push({
      objective,
      depth,
      hasChildren: (childCount.get(objective.id) ?? 0) > 0,
      posInSet: pos,
      setSize: childCount.get(objective.parentId) ?? 1,
    });
    if (collapsed.has(objective.id)) hiddenBelow = depth;
  }
  return rows;
}

function TreeRow(props: {
  row: Row;
  selected: boolean;
  focusable: boolean;
  collapsed: boolean;
  onSelect: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLLIElement>) => void;
  onToggle: () => void;
}) {
  const { objective: o, depth, hasChildren } = props.row;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: o.id });
  const style = { transform: CSS.Transform.toString(transform), transition };
  return (
    <li
      ref={setNodeRef}
      style={style}
      role="treeitem"
      id={`tree-${o.id}`}
      data-id={o.id}
      aria-level={depth + 1}
      aria-setsize={props.row.setSize}
      aria-posinset={props.row.posInSet}
      aria-selected={props.selected}
      aria-expanded={hasChildren ? !props.collapsed : undefined}
      tabIndex={props.focusable ? 0 : -1}
      className={`tree-row level-${o.level}${props.selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}`}
      onClick={props.onSelect}
      onKeyDown={props.onKeyDown}
    >
      <span className="tree-indent" style={{ width: `${depth * 1.5}rem` }} aria-hidden="true" />
      <span
        className="tree-toggle"
        aria-hidden="true"
        onClick={(e) => {
          e.stopPropagation();
          if (hasChildren) props.onToggle();
        }}
      >
        {hasChildren ? (props.collapsed ? '▸' : '▾') : ''}
      </span>
      <span className={`level-badge level-badge-${o.level}`}>{LEVEL_LABEL[o.level]}</span>
      <span className="tree-title">{o.title}</span>
      {o.kpis.length > 0 && (
        <span className="tag" aria-label={`${o.kpis.length} KPIs`}>
          {o.kpis.length} KPI{o.kpis.length === 1 ? '' : 's'}
        </span>
      )}
      <span className="drag-handle" aria-hidden="true" title="Drag to reorder" {...attributes} {...listeners} tabIndex={-1}>
        ⠿
      </span>
    </li>
  );
}

/**
 * The objective hierarchy as an ARIA tree: arrows move, Right/Left expand and collapse, Alt+arrows reorder,
 * indent and outdent (so nothing needs dragging), and rows can also be dragged by their handle.
 */
export function ObjectiveTree(props: { selectedId: string | null; onSelect: (id: string) => void }) {
  const objectives = useWorkbookStore((s) => s.workbook?.objectives ?? NONE);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => visibleRows(objectives, collapsed), [objectives, collapsed]);
  const listRef = useRef<HTMLUListElement>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const focusId = props.selectedId && rows.some((r) => r.objective.id === props.selectedId) ? props.selectedId : (rows[0]?.objective.id ?? null);
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (pendingFocus.current) {
      listRef.current?.querySelector<HTMLElement>(`[data-id="${pendingFocus.current}"]`)?.focus();
      pendingFocus.current = null;
    }
  });

  const select = (id: string, focus = true) => {
    props.onSelect(id);
    if (focus) pendingFocus.current = id;
  };

  const toggle = (id: string) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const structural = (label: string, id: string, op: (wb: Parameters<typeof moveAmongSiblings>[0]) => boolean, refused: string) => {
    if (restructure(label, op)) {
      pendingFocus.current = id;
      showStatus(`${label}.`);
    } else showStatus(refused);
  };

  const onKeyDown = (index: number) => (e: KeyboardEvent<HTMLLIElement>) => {
    const row = rows[index]!;
    const id = row.objective.id;
    if (e.altKey) {
      const actions: Record<string, () => void> = {
        ArrowUp: () => structural('Move up', id, (wb) => moveAmongSiblings(wb, id, -1), 'Already first in its group.'),
        ArrowDown: () => structural('Move down', id, (wb) => moveAmongSiblings(wb, id, 1), 'Already last in its group.'),
        ArrowRight: () => structural('Indent', id, (wb) => indentObjective(wb, id), 'Cannot indent: there is nothing above it at this level that can hold it.'),
        ArrowLeft: () => structural('Outdent', id, (wb) => outdentObjective(wb, id), 'Already at the top level.'),
      };
      const action = actions[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
      return;
    }
    const go = (i: number) => {
      const target = rows[Math.max(0, Math.min(rows.length - 1, i))];
      if (target) select(target.objective.id);
    };
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        go(index + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        go(index - 1);
        break;
      case 'Home':
        e.preventDefault();
        go(0);
        break;
      case 'End':
        e.preventDefault();
        go(rows.length - 1);
        break;
      case 'ArrowRight':
        e.preventDefault();
        if (row.hasChildren && collapsed.has(id)) toggle(id);
        else if (row.hasChildren) go(index + 1);
        break;
      case 'ArrowLeft': {
        e.preventDefault();
        if (row.hasChildren && !collapsed.has(id)) toggle(id);
        else if (row.objective.parentId) select(row.objective.parentId);
        break;
      }
      case 'Enter':
      case ' ':
        e.preventDefault();
        select(id, false);
        document.getElementById('objective-details')?.querySelector<HTMLElement>('input, textarea, select')?.focus();
        break;
    }
  };

  const titleOf = (id: string | number) => objectives.find((o) => o.id === String(id))?.title ?? 'the item';

  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over || e.active.id === e.over.id) return;
    const id = String(e.active.id);
    structural('Move objective', id, (wb) => moveObjectiveTo(wb, id, String(e.over!.id)), 'It cannot be moved inside itself.');
  };

  if (rows.length === 0) return <p className="muted">No objectives yet. Add them with the buttons above.</p>;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: 'Drag with a mouse, or select the item and use Alt with the arrow keys to move it.' },
        announcements: {
          onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}.`,
          onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is over ${titleOf(over.id)}.` : `${titleOf(active.id)} is no longer over an item.`),
          onDragEnd: ({ active, over }) => (over ? `${titleOf(active.id)} was dropped at ${titleOf(over.id)}.` : `${titleOf(active.id)} was dropped.`),
          onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
        },
      }}
    >
      <SortableContext items={rows.map((r) => r.objective.id)} strategy={verticalListSortingStrategy}>
        <ul
          ref={listRef}
          role="tree"
          aria-label="Council objectives"
          aria-describedby="tree-keys"
          className="objective-tree"
        >
          {rows.map((row, i) => (
            <TreeRow
              key={row.objective.id}
              row={row}
              selected={row.objective.id === props.selectedId}
              focusable={row.objective.id === focusId}
              collapsed={collapsed.has(row.objective.id)}
              onSelect={() => select(row.objective.id)}
              onKeyDown={onKeyDown(i)}
              onToggle={() => toggle(row.objective.id)}
            />
          ))}
        </ul>
      </SortableContext>
      <p id="tree-keys" className="hint">
        Keys: arrows to move through the list, Right and Left to open and close, Alt+Up and Alt+Down to reorder, Alt+Right
        to indent and Alt+Left to outdent. Enter edits the selected item.
      </p>
    </DndContext>
  );
}
