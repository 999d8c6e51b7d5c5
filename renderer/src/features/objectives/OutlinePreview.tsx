import type { ObjectiveLevel } from '../../../../shared/model/vocabulary';
import type { OutlineNode } from '../../../../shared/import/outline';
import type { TopLevel } from '../../../../shared/import/to-objectives';
import { LEVEL_LABEL } from './ObjectiveTree';

function levelAt(top: TopLevel, depth: number): ObjectiveLevel {
  if (depth === 0) return top;
  if (top === 'theme') return depth === 1 ? 'objective' : 'outcome';
  return 'outcome';
}

export function countLevels(nodes: readonly OutlineNode[], top: TopLevel): Record<ObjectiveLevel, number> {
  const counts: Record<ObjectiveLevel, number> = { theme: 0, objective: 0, outcome: 0 };
  const visit = (list: readonly OutlineNode[], depth: number) => {
    for (const n of list) {
      counts[levelAt(top, depth)]++;
      visit(n.children, depth + 1);
    }
  };
  visit(nodes, 0);
  return counts;
}

/**
 * What an import will create, as a nested list with each item's level spelt out. Unticking an item leaves it
 * (and everything beneath it) out.
 */
export function OutlinePreview(props: {
  nodes: readonly OutlineNode[];
  topLevel: TopLevel;
  labelledBy: string;
  excluded: ReadonlySet<number>;
  onToggle: (key: number) => void;
}) {
  const render = (list: readonly OutlineNode[], depth: number, parentOut: boolean) => (
    <ul className={depth === 0 ? 'outline-preview' : undefined}>
      {list.map((n) => {
        const out = parentOut || props.excluded.has(n.key);
        return (
          <li key={n.key} className={out ? 'excluded' : undefined}>
            <label className="checkbox">
              <input type="checkbox" checked={!out} disabled={parentOut} onChange={() => props.onToggle(n.key)} />
              <span>
                <span className={`level-badge level-badge-${levelAt(props.topLevel, depth)}`}>{LEVEL_LABEL[levelAt(props.topLevel, depth)]}</span> {n.title}
              </span>
            </label>
            {n.description && <div className="muted preview-description">{n.description}</div>}
            {n.children.length > 0 && render(n.children, depth + 1, out)}
          </li>
        );
      })}
    </ul>
  );
  return (
    <div className="preview-box" role="region" aria-labelledby={props.labelledBy} tabIndex={0}>
      {props.nodes.length === 0 ? <p className="muted">Nothing recognised yet.</p> : render(props.nodes, 0, false)}
    </div>
  );
}
