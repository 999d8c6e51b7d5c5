import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { pairKey } from '../../../../shared/analysis/suggestions';
import { STRENGTHS, type Strength } from '../../../../shared/model/vocabulary';
import { cellLabel, type MapModel } from './map-model';

const ROW_HEIGHT = 44;
const ROW_HEADER_WIDTH = 260;
/** Column and summary widths in rem, so a column widens with the text size (WCAG 1.4.4: 200% text). */
const COL_REM = 6;
const SUMMARY_REM = 6.5;
/** The column headings are at least this tall, and grow to show the longest objective title in full. */
const HEADER_MIN_REM = 7;

/** The root font size in pixels, followed as the officer changes the text size. */
function useRem(): number {
  const [rem, setRem] = useState(() => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
  useEffect(() => {
    // An element 1rem wide resizes when the root font size changes; no event says so otherwise.
    const probe = document.createElement('div');
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText = 'position:absolute;visibility:hidden;pointer-events:none;width:1rem;height:0;top:0;left:0';
    document.body.append(probe);
    const observer = new ResizeObserver(() => setRem(probe.getBoundingClientRect().width || 16));
    observer.observe(probe);
    return () => {
      observer.disconnect();
      probe.remove();
    };
  }, []);
  return rem;
}

/**
 * The height that shows every column's code and full title at this width: each heading is laid out once, off
 * screen, with the same classes as the real ones (virtualised columns are not all drawn, so the drawn ones cannot
 * be measured). Half the window bounds it, so rows stay in view: a title longer than that is cut at its
 * end, and the line above the grid names the focused cell's objective in full.
 */
function headerHeight(columns: MapModel['columns'], width: number, rem: number): number {
  const host = document.createElement('div');
  host.className = 'map-col-header map-col-measure';
  host.setAttribute('aria-hidden', 'true');
  host.style.width = `${width}px`;
  const code = document.createElement('span');
  code.className = 'col-code';
  const title = document.createElement('span');
  title.className = 'col-title';
  host.append(code, title);
  document.body.append(host);
  let tallest = 0;
  for (const c of columns) {
    code.textContent = c.code;
    title.textContent = c.objective.title;
    tallest = Math.max(tallest, host.scrollHeight);
  }
  host.remove();
  const most = Math.max(HEADER_MIN_REM * rem, window.innerHeight * 0.5);
  return Math.ceil(Math.max(HEADER_MIN_REM * rem, Math.min(tallest + 2, most)));
}

export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

export interface Selection {
  readonly anchor: CellPosition;
  readonly focus: CellPosition;
}

const STATUS_TEXT = { gap: 'No link', weak: 'Weak', moderate: 'Medium', strong: 'Strong' } as const;

interface CellView {
  readonly strength: Strength | null;
  readonly evidence: number;
  readonly suggested: 1 | 2 | null;
  readonly label: string;
}

/** What one cell shows, as plain values, so a memoised cell re-renders only when its own link changes. */
function cellView(model: MapModel, row: number, col: number): CellView {
  const key = pairKey(model.rows[row]!.id, model.columns[col]!.objective.id);
  const link = model.links.get(key);
  const suggestion = link ? undefined : model.suggestions.get(key);
  return {
    strength: link ? link.strength : null,
    evidence: link ? link.evidenceIds.length : 0,
    suggested: suggestion ? suggestion.strength : null,
    label: cellLabel(model, row, col),
  };
}

const Cell = memo(function Cell(props: CellView & { row: number; col: number; left: number; width: number; active: boolean; selected: boolean; focusToken: number }) {
  const { strength } = props;
  const ref = useRef<HTMLDivElement>(null);
  // The active cell takes focus when asked, including when it is drawn only after the grid scrolls to it
  // (End, Ctrl+End, Page Down), so focus follows the cursor and never falls to the page.
  useEffect(() => {
    const el = ref.current;
    if (!props.active || props.focusToken === 0 || !el) return;
    // A cell drawn again after the officer scrolled the grid by mouse must not take focus from the details.
    const current = document.activeElement;
    if (current && current !== document.body && !current.closest('[role="grid"]')) return;
    if (current !== el) el.focus({ preventScroll: true });
    // The grid has scrolled itself; this brings the cell into the window too (at 768 px high the grid's
    // lower rows are below the fold). Scroll margins keep it clear of the sticky headers.
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [props.active, props.focusToken]);
  const cls = [
    'map-cell',
    strength !== null ? `strength-${strength}` : 'unassessed',
    props.suggested !== null ? 'suggested' : '',
    props.active ? 'active' : '',
    props.selected ? 'in-selection' : '',
    strength !== null && strength >= 2 && props.evidence === 0 ? 'unevidenced' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      ref={ref}
      role="gridcell"
      aria-colindex={props.col + 2}
      aria-selected={props.selected}
      data-row={props.row}
      data-col={props.col}
      tabIndex={props.active ? 0 : -1}
      className={cls}
      style={{ left: props.left, width: props.width, height: ROW_HEIGHT }}
    >
      <span className="visually-hidden">{props.label}</span>
      {strength !== null ? (
        <span aria-hidden="true">
          <span className="cell-symbol">{strength === 0 ? '–' : STRENGTHS[strength].symbol}</span>
          <span className="cell-number">{strength}</span>
          {props.evidence > 0 && <span className="cell-evidence">E</span>}
        </span>
      ) : props.suggested !== null ? (
        <span aria-hidden="true" className="cell-suggestion">
          {STRENGTHS[props.suggested].symbol}?
        </span>
      ) : null}
    </div>
  );
});

export function cellAt(target: EventTarget): CellPosition | null {
  const el = target instanceof Element ? target.closest<HTMLElement>('[data-row][data-col]') : null;
  return el ? { row: Number(el.dataset.row), col: Number(el.dataset.col) } : null;
}

/** The first and last row and column a selection covers, whichever way it was dragged. */
export function selectionBounds(sel: Selection) {
  return {
    r0: Math.min(sel.anchor.row, sel.focus.row),
    r1: Math.max(sel.anchor.row, sel.focus.row),
    c0: Math.min(sel.anchor.col, sel.focus.col),
    c1: Math.max(sel.anchor.col, sel.focus.col),
  };
}

function inRange(sel: Selection | null, row: number, col: number): boolean {
  if (!sel) return false;
  const { r0, r1, c0, c1 } = selectionBounds(sel);
  return row >= r0 && row <= r1 && col >= c0 && col <= c1;
}

/**
 * The services × objectives grid (WAI-ARIA grid pattern): one tab stop, arrows and Home/End/PageUp/PageDown
 * move, both axes virtualised so 150 × 60 stays quick. Keys that edit are handled by the parent.
 */
export function MapGrid(props: {
  model: MapModel;
  active: CellPosition;
  selection: Selection | null;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
  onCellClick: (pos: CellPosition, extend: boolean) => void;
  onCellDoubleClick: (pos: CellPosition) => void;
  /** Set when focus should move into the grid (after a key, or on request). */
  focusToken: number;
}) {
  const { model, active } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const rem = useRem();
  const COL_WIDTH = Math.round(COL_REM * rem);
  const SUMMARY_WIDTH = Math.round(SUMMARY_REM * rem);
  const HEADER_HEIGHT = useMemo(() => headerHeight(model.columns, COL_WIDTH, rem), [model.columns, COL_WIDTH, rem]);
  // TanStack Virtual returns fresh functions each render by design; we do not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: model.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    paddingStart: HEADER_HEIGHT,
    paddingEnd: ROW_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    scrollPaddingEnd: ROW_HEIGHT,
  });
  const cols = useVirtualizer({
    horizontal: true,
    count: model.columns.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => COL_WIDTH,
    overscan: 3,
    paddingStart: ROW_HEADER_WIDTH,
    scrollPaddingStart: ROW_HEADER_WIDTH,
    scrollPaddingEnd: SUMMARY_WIDTH,
  });
  const totalWidth = ROW_HEADER_WIDTH + model.columns.length * COL_WIDTH + SUMMARY_WIDTH;
  // Sizes cached at the old text size are thrown away when it changes.
  useLayoutEffect(() => {
    rows.measure();
    cols.measure();
  }, [COL_WIDTH, HEADER_HEIGHT, rows, cols]);
  const virtualCols = cols.getVirtualItems();

  // Keep the active cell in view (it may not be rendered until scrolled to).
  useLayoutEffect(() => {
    if (model.rows.length === 0 || model.columns.length === 0) return;
    rows.scrollToIndex(active.row, { align: 'auto' });
    cols.scrollToIndex(active.col, { align: 'auto' });
  }, [active.row, active.col, model.rows.length, model.columns.length, rows, cols]);

  if (model.rows.length === 0 || model.columns.length === 0) {
    return (
      <p className="panel">
        {model.rows.length === 0 ? 'No services to show. Add services, or clear the filters.' : 'No objectives to show. Add objectives, or clear the filters.'}
      </p>
    );
  }

  return (
    <div
      ref={scroller}
      className="map-scroller"
      style={{ '--map-header-height': `${HEADER_HEIGHT}px` } as CSSProperties}
      data-focus-owner
      role="grid"
      aria-label="Contribution map: services by council objectives"
      aria-describedby="map-keys"
      aria-rowcount={model.rows.length + 2}
      aria-colcount={model.columns.length + 2}
      aria-multiselectable="true"
      onKeyDown={props.onKeyDown}
      onClick={(e) => {
        const pos = cellAt(e.target);
        if (pos) props.onCellClick(pos, e.shiftKey);
      }}
      onDoubleClick={(e) => {
        const pos = cellAt(e.target);
        if (pos) props.onCellDoubleClick(pos);
      }}
    >
      <div className="map-canvas" style={{ width: totalWidth, height: rows.getTotalSize() }}>
        <div role="row" aria-rowindex={1} className="map-header-row" style={{ width: totalWidth, height: HEADER_HEIGHT }}>
          <div role="columnheader" aria-colindex={1} className="map-corner" style={{ width: ROW_HEADER_WIDTH, height: HEADER_HEIGHT }}>
            Service ↓ / Objective →
          </div>
          {virtualCols.map((vc) => {
            const c = model.columns[vc.index]!;
            return (
              <div
                key={c.objective.id}
                role="columnheader"
                aria-colindex={vc.index + 2}
                className={`map-col-header${vc.index === active.col ? ' active-col' : ''}`}
                style={{ left: vc.start, width: COL_WIDTH, height: HEADER_HEIGHT }}
                title={`${c.code} ${c.objective.title}${c.themeTitle ? ` (${c.themeTitle})` : ''}`}
              >
                <span className="col-code">{c.code}</span>
                <span className="col-title">{c.objective.title}</span>
              </div>
            );
          })}
          <div role="columnheader" aria-colindex={model.columns.length + 2} className="map-summary-header" style={{ left: totalWidth - SUMMARY_WIDTH, width: SUMMARY_WIDTH, height: HEADER_HEIGHT }}>
            Links (score)
          </div>
        </div>
        {rows.getVirtualItems().map((vr) => {
          const s = model.rows[vr.index]!;
          const summary = model.rowSummary.get(s.id);
          return (
            <div key={s.id} role="row" aria-rowindex={vr.index + 2} className="map-row" style={{ top: vr.start, width: totalWidth, height: ROW_HEIGHT }}>
              <div role="rowheader" aria-colindex={1} className={`map-row-header${vr.index === active.row ? ' active-row' : ''}`} style={{ width: ROW_HEADER_WIDTH, height: ROW_HEIGHT }} title={`${s.name} (${s.offer})`}>
                <span className="row-name">{s.name}</span>
              </div>
              {virtualCols.map((vc) => (
                <Cell
                  key={vc.index}
                  {...cellView(model, vr.index, vc.index)}
                  row={vr.index}
                  col={vc.index}
                  left={vc.start}
                  width={COL_WIDTH}
                  active={vr.index === active.row && vc.index === active.col}
                  focusToken={vr.index === active.row && vc.index === active.col ? props.focusToken : 0}
                  selected={inRange(props.selection, vr.index, vc.index)}
                />
              ))}
              <div role="gridcell" aria-colindex={model.columns.length + 2} aria-readonly="true" className="map-summary" style={{ left: totalWidth - SUMMARY_WIDTH, width: SUMMARY_WIDTH, height: ROW_HEIGHT }}>
                {summary ? `${summary.links} (${summary.score})` : 'None'}
              </div>
            </div>
          );
        })}
        <div role="row" aria-rowindex={model.rows.length + 2} className="map-row map-summary-row" style={{ top: rows.getTotalSize() - ROW_HEIGHT, width: totalWidth, height: ROW_HEIGHT }}>
          <div role="rowheader" aria-colindex={1} className="map-row-header" style={{ width: ROW_HEADER_WIDTH, height: ROW_HEIGHT }}>
            Services (coverage)
          </div>
          {virtualCols.map((vc) => {
            const c = model.columns[vc.index]!;
            const sum = model.columnSummary.get(c.objective.id);
            return (
              <div key={vc.index} role="gridcell" aria-colindex={vc.index + 2} aria-readonly="true" className={`map-summary status-${sum?.status ?? 'gap'}`} style={{ left: vc.start, width: COL_WIDTH, height: ROW_HEIGHT }}>
                {sum ? `${sum.services} · ${STATUS_TEXT[sum.status]}` : STATUS_TEXT.gap}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
