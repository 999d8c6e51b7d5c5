/**
 * "Which column holds what?": one select per role, listing the file's columns, for every import that maps a
 * spreadsheet's columns (objectives from a plan, the service's own figures).
 */
import type { Dispatch, SetStateAction } from 'react';

export function ColumnMappingGrid<Role extends string>(props: {
  roles: readonly Role[];
  labels: Readonly<Record<Role, string>>;
  headers: readonly string[];
  mapping: Partial<Record<Role, number>>;
  onMapping: Dispatch<SetStateAction<Partial<Record<Role, number>>>>;
}) {
  return (
    <div className="mapping-grid">
      {props.roles.map((role) => (
        <label key={role} className="mapping-row">
          <span>{props.labels[role]}</span>
          <select
            value={props.mapping[role] ?? ''}
            onChange={(e) =>
              props.onMapping((m) => {
                const next = { ...m };
                if (e.target.value === '') delete next[role];
                else next[role] = Number(e.target.value);
                return next;
              })
            }
          >
            <option value="">Not in this file</option>
            {props.headers.map((h, i) => (
              <option key={i} value={i}>
                {h || `Column ${i + 1}`}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}
