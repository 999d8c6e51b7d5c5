import { useId, useMemo, useState } from 'react';
import type { Workbook } from '../../../../shared/model/workbook-schema';
import { Modal } from '../../components/Modal';
import { useUiStore, type FocusRequest } from '../../state/ui-store';
import { wordMatcher } from '../../../../shared/text/word-search';
import { useWorkbookStore } from '../../state/workbook-store';
import { focusSoon } from '../../components/focus';

interface Hit {
  readonly request: FocusRequest;
  readonly group: string;
  readonly title: string;
  readonly detail: string;
}

function search(wb: Workbook, query: string): Hit[] {
  if (query.trim() === '') return [];
  const has = wordMatcher(query);
  const hits: Hit[] = [];
  for (const o of wb.objectives)
    if (has(o.title, o.description, ...o.kpis.map((k) => k.name)))
      hits.push({ request: { kind: 'objective', id: o.id, step: 'objectives' }, group: 'Objectives', title: o.title, detail: o.level });
  for (const s of wb.services)
    if (has(s.name, s.description, s.offer, ...s.targetGroups))
      hits.push({ request: { kind: 'service', id: s.id, step: 'services' }, group: 'Services', title: s.name, detail: s.offer });
  for (const e of wb.evidence)
    if (has(e.title, e.publisher, e.keyFinding, e.figure, e.year))
      hits.push({ request: { kind: 'evidence', id: e.id, step: 'evidence' }, group: 'Evidence', title: e.title, detail: [e.publisher, e.year].filter(Boolean).join(', ') });
  for (const p of wb.partners)
    if (has(p.name, p.description, ...p.objectives.map((x) => x.title)))
      hits.push({ request: { kind: 'partner', id: p.id, step: 'partners' }, group: 'Partners', title: p.name, detail: '' });
  return hits;
}

/** Find (Ctrl+F) across objectives, services, evidence and partners; choosing a result opens it. */
/** After Find opens a step on an item, focus that item (the map's cell focuses itself). */
function focusFound(request: FocusRequest): void {
  focusSoon(
    () => (request.kind === 'objective' ? document.getElementById(`tree-${request.id}`) : null),
    () => (request.kind === 'link' ? document.querySelector('[role="grid"] [role="gridcell"][tabindex="0"]') : null),
    () => document.querySelector('main .item-button[aria-current="true"]'),
    () => document.querySelector('main h1'),
  );
}

export function FindDialog(props: { onClose: () => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const wb = useWorkbookStore((s) => s.workbook);
  const goTo = useUiStore((s) => s.goTo);
  const hits = useMemo(() => (wb ? search(wb, query) : []), [wb, query]);
  const groups = [...new Set(hits.map((h) => h.group))];

  return (
    <Modal title="Find" wide onClose={props.onClose}>
      <div className="field">
        <label htmlFor={id}>Find in this workbook</label>
        <input id={id} type="search" autoFocus value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p aria-live="polite" className="muted">
        {!wb ? 'Open a workbook to search it.' : query.trim() === '' ? 'Type to search objectives, services, evidence and partners.' : `${hits.length} found.`}
      </p>
      {groups.map((g) => (
        <section key={g} aria-label={g}>
          <h3>{g}</h3>
          <ul className="plain-list">
            {hits
              .filter((h) => h.group === g)
              .map((h) => (
                <li key={h.request.id}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      goTo(h.request);
                      props.onClose();
                      focusFound(h.request);
                    }}
                  >
                    {h.title}
                  </button>
                  {h.detail && <span className="muted"> — {h.detail}</span>}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Modal>
  );
}
