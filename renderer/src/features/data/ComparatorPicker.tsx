/** The comparator group: one of the ready-made groups or the officer's own list, saved in the workbook. */
import { useId, useState } from 'react';
import {
  COMPARATOR_KINDS,
  COMPARATOR_LABELS,
  type ComparatorGroup,
} from '../../../../shared/analysis/benchmark';
import type { ComparatorKind } from '../../../../shared/model/workbook-schema';
import { AUTHORITIES } from '../../../../shared/reference/authorities';
import { MAX_CHOSEN_COMPARATORS } from '../../../../shared/model/workbook-edits';
import { addToComparators, compareWith, removeFromComparators } from './commands';


export function ComparatorPicker(props: {
  gss: string;
  kind: ComparatorKind;
  chosen: readonly string[];
  group: ComparatorGroup;
}) {
  const ids = { legend: useId(), add: useId(), list: useId() };
  const [adding, setAdding] = useState('');
  const names = new Map(AUTHORITIES.map((a) => [a.gss, a.name]));
  const setKind = (kind: ComparatorKind) =>
    compareWith(kind, COMPARATOR_LABELS[kind].toLowerCase());
  const add = () => {
    if (!adding || props.chosen.includes(adding) || props.chosen.length >= MAX_CHOSEN_COMPARATORS) return;
    addToComparators(adding, names.get(adding) ?? adding);
    setAdding('');
  };
  const remove = (gss: string) =>
    removeFromComparators(gss, names.get(gss) ?? gss);

  return (
    <div className="comparator-picker">
      <fieldset className="field field-wide">
        <legend id={ids.legend}>Compare with</legend>
        {COMPARATOR_KINDS.map((kind) => (
          <label key={kind} className="radio">
            <input
              type="radio"
              name="comparator-kind"
              checked={props.kind === kind}
              onChange={() => setKind(kind)}
            />{' '}
            {COMPARATOR_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <p className="hint">{props.group.description}</p>
      {props.kind === 'chosen' && (
        <div className="field field-wide">
          <label htmlFor={ids.add}>Add an authority to your list</label>
          <div className="inline-add">
            <select id={ids.add} value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">Choose an authority</option>
              {AUTHORITIES.filter((a) => a.gss !== props.gss && !props.chosen.includes(a.gss)).map((a) => (
                <option key={a.gss} value={a.gss}>
                  {a.name} ({a.gss})
                </option>
              ))}
            </select>
            <button type="button" className="button button-secondary" disabled={!adding} onClick={add}>
              Add
            </button>
          </div>
          {props.chosen.length === 0 ? (
            <p>No authorities chosen yet.</p>
          ) : (
            <ul className="plain-list" aria-label="Authorities you chose">
              {props.chosen.map((g) => (
                <li key={g}>
                  {names.get(g) ?? g}{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => remove(g)}
                    aria-label={`Remove ${names.get(g) ?? g}`}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
