import { useId, useMemo, useState } from 'react';
import type { Evidence } from '../../../../shared/model/workbook-schema';
import { EVIDENCE_LIBRARY, type LibraryEvidence } from '../../../../shared/reference/catalogue';
import { focusSoon } from '../../components/focus';
import { Modal } from '../../components/Modal';
import { NONE, useWorkbookStore } from '../../state/workbook-store';
import { wordMatcher } from '../../../../shared/text/word-search';
import { QUALITY_LABELS } from './evidence-labels';

type Item = { source: 'workbook'; evidence: Evidence } | { source: 'library'; evidence: LibraryEvidence };

/** The same for a library item and the workbook's copy of it, so focus can follow it across the list. */
function evidenceRef(item: Item): string {
  return item.source === 'workbook' ? item.evidence.libraryRef || item.evidence.id : item.evidence.id;
}

/**
 * Choose evidence to attach: the workbook's own first, then the evidence library (copied into the workbook
 * when chosen). Already-attached items are marked.
 */
export function EvidencePicker(props: {
  title: string;
  attachedIds: readonly string[];
  onChoose: (choice: { workbookId: string } | { library: LibraryEvidence }) => void;
  onClose: () => void;
  /** Library items for this service are listed first. */
  serviceRef?: string;
}) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const evidence = useWorkbookStore((s) => s.workbook?.evidence ?? NONE);
  const attached = new Set(props.attachedIds);
  const inWorkbookFromLibrary = useMemo(() => new Set(evidence.filter((e) => e.origin === 'library').map((e) => e.libraryRef)), [evidence]);

  const items = useMemo((): Item[] => {
    const has = wordMatcher(query);
    const matches = (e: Evidence | LibraryEvidence) => has(e.title, e.publisher, e.keyFinding, e.figure, e.year);
    const own: Item[] = evidence.filter(matches).map((e) => ({ source: 'workbook', evidence: e }));
    const library: Item[] = EVIDENCE_LIBRARY.filter((e) => !inWorkbookFromLibrary.has(e.id) && matches(e))
      .sort((a, b) => Number(b.serviceRef === props.serviceRef) - Number(a.serviceRef === props.serviceRef))
      .slice(0, 60)
      .map((e) => ({ source: 'library', evidence: e }));
    return [...own, ...library];
  }, [evidence, query, inWorkbookFromLibrary, props.serviceRef]);

  return (
    <Modal title={props.title} wide onClose={props.onClose}>
      <div className="field">
        <label htmlFor={searchId}>Search evidence</label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p className="muted" aria-live="polite">
        {items.length === 0 ? 'No evidence matches.' : `${items.length} items shown.`}
      </p>
      <ul className="plain-list evidence-list">
        {items.map((item) => {
          const e = item.evidence;
          const isAttached = item.source === 'workbook' && attached.has(e.id);
          return (
            <li key={`${item.source}-${e.id}`} className="evidence-item" data-ref={evidenceRef(item)}>
              <div>
                <strong>{e.title}</strong>
                {e.figure && <span className="figure"> — {e.figure}</span>}
                <div className="muted">
                  {[e.publisher, e.year].filter(Boolean).join(', ')} · {QUALITY_LABELS[e.quality]} ·{' '}
                  {item.source === 'workbook' ? 'in this workbook' : 'from the evidence library'}
                </div>
              </div>
              <button
                type="button"
                className="button button-secondary"
                // Not disabled: a disabled button drops focus to the page; this one keeps it and says why.
                aria-disabled={isAttached || undefined}
                onClick={() => {
                  if (isAttached) return;
                  props.onChoose(item.source === 'workbook' ? { workbookId: e.id } : { library: item.evidence });
                  // A library item is redrawn as the workbook's copy: focus follows it to its new place.
                  const ref = evidenceRef(item);
                  focusSoon(
                    () => document.querySelector(`.evidence-list [data-ref="${CSS.escape(ref)}"] button`),
                    () => document.getElementById(searchId),
                  );
                }}
              >
                {isAttached ? 'Attached' : 'Attach'}
                <span className="visually-hidden"> “{e.title}”</span>
              </button>
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
