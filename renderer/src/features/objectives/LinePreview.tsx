/**
 * Every line of the plan with the role it will have, changeable before anything is added: a role list for each
 * line (keyboard and pointer), and Promote / Demote beside it. Indentation follows the role, so the hierarchy
 * the officer will get is what they see.
 */
import { changeRole, LINE_ROLE_LABELS, LINE_ROLES, type LineRole, type PlanLine, type RoleChange } from '../../../../shared/import/plan-lines';

const ROLE_OPTION: Record<LineRole, string> = {
  ...LINE_ROLE_LABELS,
  description: 'Description of the item above',
};

export function LinePreview(props: {
  rows: ReadonlyArray<{ line: PlanLine; role: LineRole; note: string }>;
  labelledBy: string;
  unit: 'line' | 'row';
  onChange: (key: number, role: LineRole) => void;
}) {
  const change = (key: number, role: LineRole, how: RoleChange) => props.onChange(key, changeRole(role, how));
  return (
    <div className="preview-box" role="region" aria-labelledby={props.labelledBy} tabIndex={0}>
      {props.rows.length === 0 ? (
        <p className="muted">Nothing recognised yet.</p>
      ) : (
        <ol className="line-preview">
          {props.rows.map(({ line, role, note }) => {
            const name = `${props.unit === 'row' ? 'row' : 'line'} ${line.line}`;
            const item = role === 'theme' || role === 'objective' || role === 'outcome';
            return (
              <li key={line.key} className={`line-role line-role-${role}`} data-line={line.line}>
                <select
                  aria-label={`Role of ${name}`}
                  value={role}
                  onChange={(e) => props.onChange(line.key, e.target.value as LineRole)}
                  onKeyDown={(e) => {
                    // Alt+arrows promote and demote without opening the list.
                    if (!e.altKey) return;
                    if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') change(line.key, role, 'promote');
                    else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') change(line.key, role, 'demote');
                    else return;
                    e.preventDefault();
                  }}
                >
                  {LINE_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_OPTION[r]}
                    </option>
                  ))}
                </select>
                <button type="button" className="button button-secondary button-compact" aria-label={`Promote ${name}`} onClick={() => change(line.key, role, 'promote')} disabled={role === 'theme'}>
                  Promote
                </button>
                <button type="button" className="button button-secondary button-compact" aria-label={`Demote ${name}`} onClick={() => change(line.key, role, 'demote')} disabled={role === 'description'}>
                  Demote
                </button>
                <span className="line-text">
                  {item ? (
                    <>
                      <strong>{line.title}</strong>
                      {line.description && <span className="muted"> — {line.description}</span>}
                    </>
                  ) : (
                    line.text
                  )}
                  {note && <span className="hint"> ({note})</span>}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
