/**
 * Choose objectives, services (and, for votes and grids, ideas) from the workbook: grouped checkboxes with a
 * filter, in a modal. Used to scope an activity and to pick a vote's options.
 */
import { useMemo, useState } from 'react';
import { Modal } from '../../components/Modal';

export interface ChecklistGroup {
  readonly heading: string;
  readonly items: ReadonlyArray<{ id: string; label: string; hint?: string }>;
}

export function ChecklistDialog(props: {
  title: string;
  hint: string;
  groups: readonly ChecklistGroup[];
  selected: readonly string[];
  onDone: (ids: string[] | null) => void;
}) {
  const [chosen, setChosen] = useState<string[]>([...props.selected]);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return props.groups
      .map((g) => ({ ...g, items: f ? g.items.filter((i) => i.label.toLowerCase().includes(f)) : g.items }))
      .filter((g) => g.items.length > 0);
  }, [filter, props.groups]);
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  return (
    <Modal
      title={props.title}
      wide
      onClose={() => props.onDone(null)}
      actions={
        <>
          <button type="button" className="button button-primary" onClick={() => props.onDone(chosen)}>
            Use {chosen.length} chosen
          </button>
          <button type="button" className="button button-secondary" onClick={() => setChosen([])}>
            Clear all
          </button>
          <button type="button" className="button button-secondary" onClick={() => props.onDone(null)}>
            Cancel
          </button>
        </>
      }
    >
      <p className="hint">{props.hint}</p>
      <div className="field">
        <label htmlFor="checklist-filter">Filter</label>
        <input
          id="checklist-filter"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          autoComplete="off"
        />
      </div>
      <div className="ws-checklist">
        {shown.map((g) => (
          <fieldset key={g.heading} className="field checkbox-group">
            <legend>{g.heading}</legend>
            {g.items.length > 1 && (
              <button
                type="button"
                className="button button-secondary ws-choose-all"
                onClick={() =>
                  setChosen((c) => [...c, ...g.items.map((i) => i.id).filter((id) => !c.includes(id))])
                }
              >
                Choose all {g.items.length}
                <span className="visually-hidden"> in {g.heading}</span>
              </button>
            )}
            {g.items.map((i) => (
              <label key={i.id} className="checkbox">
                <input type="checkbox" checked={chosen.includes(i.id)} onChange={() => toggle(i.id)} />
                <span>
                  {i.label}
                  {i.hint && <span className="muted"> ({i.hint})</span>}
                </span>
              </label>
            ))}
          </fieldset>
        ))}
        {shown.length === 0 && <p className="muted">Nothing matches the filter.</p>}
      </div>
    </Modal>
  );
}
