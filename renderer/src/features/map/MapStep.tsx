import { useMemo, useState, type KeyboardEvent } from 'react';
import { pairKey } from '../../../../shared/analysis/suggestions';
import { AMBITION_OUTCOMES, STRENGTHS, UNIVERSAL_OFFERS, type AmbitionOutcomeId, type Strength, type UniversalOffer } from '../../../../shared/model/vocabulary';
import { showError, showStatus, useUiStore } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { applyStrengths } from './commands';
import { LinkDetails } from './LinkDetails';
import { MapLegend } from './MapLegend';
import { buildMapModel, NO_FILTERS, parseStrength, recordedWork, type MapFilters, type MapModel } from './map-model';
import { cellAt, MapGrid, selectionBounds, type CellPosition, type Selection } from './MapGrid';

/** The selection as tab-separated text with headers, for a spreadsheet. */
function selectionToTsv(model: MapModel, sel: Selection): string {
  const { r0, r1, c0, c1 } = selectionBounds(sel);
  const header = ['Service', ...model.columns.slice(c0, c1 + 1).map((c) => `${c.code} ${c.objective.title}`)];
  const lines = [header.join('\t')];
  for (let r = r0; r <= r1; r++) {
    const s = model.rows[r]!;
    const cells = model.columns.slice(c0, c1 + 1).map((c) => {
      const link = model.links.get(pairKey(s.id, c.objective.id));
      return link ? String(link.strength) : '';
    });
    lines.push([s.name, ...cells].join('\t'));
  }
  return lines.join('\n');
}

/**
 * Pasted text onto the grid from the active cell: a block of strengths (0–3, or none/weak/medium/strong).
 * A header row and a first column of service names, as copied from this grid, are recognised and skipped.
 */
function pasteChanges(model: MapModel, at: CellPosition, text: string): { changes: Array<{ serviceId: string; objectiveId: string; strength: Strength | 'clear' }>; error: string | null } {
  let rows = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
  if (rows.length > 0 && rows[0]![0]?.trim().toLowerCase() === 'service') rows = rows.slice(1);
  const names = new Set(model.rows.map((r) => r.name));
  if (rows.length > 0 && rows.every((r) => names.has(r[0]?.trim() ?? ''))) rows = rows.map((r) => r.slice(1));
  const changes: Array<{ serviceId: string; objectiveId: string; strength: Strength | 'clear' }> = [];
  for (let i = 0; i < rows.length; i++) {
    const service = model.rows[at.row + i];
    if (!service) return { changes: [], error: `The pasted block has ${rows.length} rows, but only ${model.rows.length - at.row} fit below the selected cell.` };
    for (let j = 0; j < rows[i]!.length; j++) {
      const column = model.columns[at.col + j];
      if (!column) return { changes: [], error: `The pasted block is ${rows[i]!.length} columns wide, but only ${model.columns.length - at.col} fit to the right of the selected cell.` };
      const value = parseStrength(rows[i]![j]!);
      if (value === null) return { changes: [], error: `Row ${i + 1}, column ${j + 1} of the pasted text (“${rows[i]![j]!.slice(0, 30)}”) is not a strength: use 0 to 3, or none, weak, medium or strong.` };
      changes.push({ serviceId: service.id, objectiveId: column.objective.id, strength: value });
    }
  }
  return { changes, error: null };
}

/**
 * Details open on the link's current strength, so an arrow key there moves from what is set (never from
 * "Not assessed", where one ArrowDown would overwrite a strong link); an unassessed cell opens on the heading.
 */
export function focusLinkDetails(): void {
  const details = document.getElementById('link-details');
  if (!details) return;
  const checked = details.querySelector<HTMLInputElement>('input[type="radio"]:checked:not([value="clear"])');
  (checked ?? details.querySelector<HTMLElement>('h2'))?.focus();
}

export function MapStep() {
  const wb = useWorkbookStore((s) => s.workbook)!;
  const [filters, setFilters] = useState<MapFilters>(NO_FILTERS);
  const model = useMemo(() => buildMapModel(wb, filters), [wb, filters]);
  const focusRequest = useUiStore((s) => s.focusRequest);
  // Opened from the Review step on a particular link: start on that cell with its details open.
  const requested = useMemo(() => {
    if (focusRequest?.kind !== 'link') return null;
    const link = wb.alignments.find((a) => a.id === focusRequest.id);
    if (!link) return null;
    const row = model.rows.findIndex((r) => r.id === link.serviceId);
    const col = model.columns.findIndex((c) => c.objective.id === link.objectiveId);
    return row >= 0 && col >= 0 ? { row, col } : null;
    // Only on opening: later edits must not move the cursor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);
  const [activeRaw, setActive] = useState<CellPosition>(requested ?? { row: 0, col: 0 });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [focusToken, setFocusToken] = useState(requested ? 1 : 0);
  const [detailsOpen, setDetailsOpen] = useState(requested !== null);
  const active = {
    row: Math.max(0, Math.min(activeRaw.row, model.rows.length - 1)),
    col: Math.max(0, Math.min(activeRaw.col, model.columns.length - 1)),
  };
  const service = model.rows[active.row];
  const column = model.columns[active.col];

  const move = (pos: CellPosition, extend: boolean) => {
    // Shift+arrow grows a block from where the cursor was.
    setSelection((sel) => (extend ? { anchor: sel?.anchor ?? active, focus: pos } : null));
    setActive(pos);
    setFocusToken((t) => t + 1);
  };

  const setStrength = (strength: Strength | 'clear', at: CellPosition) => {
    const service = model.rows[at.row];
    const column = model.columns[at.col];
    if (!service || !column) return;
    const targets = selection
      ? (() => {
          const { r0, r1, c0, c1 } = selectionBounds(selection);
          const out: Array<{ serviceId: string; objectiveId: string; strength: Strength | 'clear' }> = [];
          for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push({ serviceId: model.rows[r]!.id, objectiveId: model.columns[c]!.objective.id, strength });
          return out;
        })()
      : [{ serviceId: service.id, objectiveId: column.objective.id, strength }];
    const what = strength === 'clear' ? 'Clear' : `Set ${STRENGTHS[strength].label.toLowerCase()}`;
    const lost = strength === 'clear' ? recordedWork(wb, targets) : null;
    applyStrengths(targets, `${what}: ${targets.length === 1 ? `${service.name} → ${column.objective.title}` : `${targets.length} cells`}`);
    if (lost) return showStatus(`${targets.length === 1 ? `Removed the link ${service.name} → ${column.code} ${column.objective.title}` : `Cleared ${targets.length} cells`}, with ${lost}.`, { undoable: true });
    showStatus(
      targets.length === 1
        ? `${service.name} → ${column.code} ${column.objective.title}: ${strength === 'clear' ? 'not assessed' : STRENGTHS[strength].label.toLowerCase()}.`
        : `${targets.length} cells set to ${strength === 'clear' ? 'not assessed' : STRENGTHS[strength].label.toLowerCase()}.`,
    );
  };

  const acceptSuggestion = (at: CellPosition) => {
    const service = model.rows[at.row];
    const column = model.columns[at.col];
    if (!service || !column) return;
    const suggestion = model.suggestions.get(pairKey(service.id, column.objective.id));
    if (!suggestion) return showStatus('There is no suggestion for this cell.');
    applyStrengths([{ serviceId: service.id, objectiveId: column.objective.id, strength: suggestion.strength }], `Accept suggestion: ${service.name} → ${column.objective.title}`);
    showStatus(`Accepted the suggestion: ${STRENGTHS[suggestion.strength].label.toLowerCase()}. Add a rationale and evidence in the details.`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target instanceof HTMLElement) || !e.target.matches('[role="gridcell"][data-row]')) return;
    // Keys act on the cell that has focus; it is the active cell, but the DOM is the truth the officer sees.
    const here = cellAt(e.target) ?? active;
    const last = { row: model.rows.length - 1, col: model.columns.length - 1 };
    const to = (row: number, col: number) => {
      e.preventDefault();
      move({ row: Math.max(0, Math.min(last.row, row)), col: Math.max(0, Math.min(last.col, col)) }, e.shiftKey);
    };
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      const sel = selection ?? { anchor: active, focus: active };
      void navigator.clipboard.writeText(selectionToTsv(model, sel)).then(
        () => showStatus('Copied. Paste into a spreadsheet, or back into the map.'),
        () => showError('The clipboard could not be written.'),
      );
      return;
    }
    if (mod && e.key.toLowerCase() === 'v') {
      e.preventDefault();
      void navigator.clipboard.readText().then(
        (text) => {
          const { changes, error } = pasteChanges(model, active, text);
          if (error) return showError(`Nothing was pasted. ${error}`);
          applyStrengths(changes, `Paste ${changes.length} cells`);
          showStatus(`Pasted ${changes.length} cell${changes.length === 1 ? '' : 's'}. Undo with Ctrl+Z.`);
        },
        () => showError('The clipboard could not be read.'),
      );
      return;
    }
    if (mod && e.key === 'Home') return to(0, 0);
    if (mod && e.key === 'End') return to(last.row, last.col);
    if (mod || e.altKey) return;
    switch (e.key) {
      case 'ArrowUp':
        return to(here.row - 1, here.col);
      case 'ArrowDown':
        return to(here.row + 1, here.col);
      case 'ArrowLeft':
        return to(here.row, here.col - 1);
      case 'ArrowRight':
        return to(here.row, here.col + 1);
      case 'Home':
        return to(here.row, 0);
      case 'End':
        return to(here.row, last.col);
      case 'PageUp':
        return to(here.row - 10, here.col);
      case 'PageDown':
        return to(here.row + 10, here.col);
      case '0':
      case '1':
      case '2':
      case '3':
        e.preventDefault();
        return setStrength(Number(e.key) as Strength, here);
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        return setStrength('clear', here);
      case 'a':
      case 'A':
        e.preventDefault();
        return acceptSuggestion(here);
      case 'Enter':
      case 'F2':
        e.preventDefault();
        setDetailsOpen(true);
        requestAnimationFrame(() => focusLinkDetails());
        return;
      case 'Escape':
        if (selection) {
          e.preventDefault();
          setSelection(null);
        }
        return;
    }
  };

  const filterLabel = (text: string, control: React.ReactNode) => (
    <label className="filter">
      <span>{text}</span>
      {control}
    </label>
  );

  return (
    <div className="step step-wide">
      <h1>Contribution map</h1>
      <p className="lead">
        How strongly each service contributes to each objective: 3 strong (●), 2 medium (○), 1 weak (△), 0 none (–). Suggestions (shown with
        “?”) come from the service’s Ambition outcomes and the objective’s theme; nothing counts until you accept it.
      </p>
      <div className="map-filters" role="group" aria-label="Filters">
        {filterLabel(
          'Offer',
          <select value={filters.offer} onChange={(e) => setFilters((f) => ({ ...f, offer: e.target.value as UniversalOffer | '' }))}>
            <option value="">All offers</option>
            {UNIVERSAL_OFFERS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>,
        )}
        {filterLabel(
          'Ambition outcome',
          <select value={filters.outcome} onChange={(e) => setFilters((f) => ({ ...f, outcome: Number(e.target.value) as AmbitionOutcomeId | 0 }))}>
            <option value={0}>All outcomes</option>
            {AMBITION_OUTCOMES.map((o) => (
              <option key={o.id} value={o.id}>
                {o.id}. {o.name}
              </option>
            ))}
          </select>,
        )}
        {filterLabel(
          'Council theme',
          <select value={filters.themeId} onChange={(e) => setFilters((f) => ({ ...f, themeId: e.target.value }))}>
            <option value="">All themes</option>
            {model.councilThemes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>,
        )}
        <label className="checkbox">
          <input type="checkbox" checked={filters.showSuggestions} onChange={(e) => setFilters((f) => ({ ...f, showSuggestions: e.target.checked }))} />
          <span>Show suggestions</span>
        </label>
        <span className="muted" aria-live="polite">
          {model.rows.length} services × {model.columns.length} objectives
        </span>
      </div>
      <MapLegend />
      {service && column && (
        // The full names of the cell under the cursor, so nothing depends on a hover tooltip, nor on the column
        // headings for a title too long for them.
        <p className="map-current">
          <strong>Cell:</strong> {service.name} → {column.code} {column.objective.title}
          {column.themeTitle ? ` (${column.themeTitle})` : ''}
        </p>
      )}
      <div className={`map-layout${detailsOpen ? ' with-details' : ''}`}>
        <MapGrid
          model={model}
          active={active}
          selection={selection}
          focusToken={focusToken}
          onKeyDown={onKeyDown}
          onCellClick={(pos, extend) => move(pos, extend)}
          onCellDoubleClick={(pos) => {
            move(pos, false);
            setDetailsOpen(true);
            requestAnimationFrame(() => focusLinkDetails());
          }}
        />
        {detailsOpen && service && column && (
          <LinkDetails
            key={`${service.id}:${column.objective.id}`}
            service={service}
            column={column}
            suggestion={model.suggestions.get(pairKey(service.id, column.objective.id)) ?? null}
            onClose={() => {
              setDetailsOpen(false);
              setFocusToken((t) => t + 1);
            }}
          />
        )}
      </div>
      <p id="map-keys" className="hint">
        Keys in the map: arrows, Home, End, Page Up and Page Down move; 0 to 3 set the strength; Delete clears it; A accepts a suggestion;
        Enter opens the details; Shift with arrows selects a block; Ctrl+C and Ctrl+V copy and paste with a spreadsheet.
      </p>
    </div>
  );
}
