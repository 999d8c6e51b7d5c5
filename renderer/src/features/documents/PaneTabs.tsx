import type { KeyboardEvent } from 'react';

export type DocumentsPane = 'questions' | 'preview';

export const PANE_IDS: Record<DocumentsPane, string> = { questions: 'documents-pane-questions', preview: 'documents-pane-preview' };
const LABELS: Record<DocumentsPane, string> = { questions: 'Questions and export', preview: 'Preview' };
const ORDER: readonly DocumentsPane[] = ['questions', 'preview'];

/**
 * Below 1200 px there is no room for the preview beside the questions, and below them it would be thousands of
 * pixels down: two tabs (WAI-ARIA tabs pattern, arrow keys between them) show one or the other.
 */
export function PaneTabs(props: { pane: DocumentsPane; onPane: (pane: DocumentsPane) => void }) {
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = ORDER.indexOf(props.pane);
    const next = e.key === 'Home' ? ORDER[0]! : e.key === 'End' ? ORDER.at(-1)! : ORDER[(i + (e.key === 'ArrowRight' ? 1 : ORDER.length - 1)) % ORDER.length]!;
    props.onPane(next);
    document.getElementById(`${PANE_IDS[next]}-tab`)?.focus();
  };
  return (
    <div className="pane-tabs" role="tablist" aria-label="Documents step">
      {ORDER.map((p) => (
        <button
          key={p}
          id={`${PANE_IDS[p]}-tab`}
          type="button"
          role="tab"
          className="pane-tab"
          aria-selected={props.pane === p}
          aria-controls={PANE_IDS[p]}
          tabIndex={props.pane === p ? 0 : -1}
          onClick={() => props.onPane(p)}
          onKeyDown={onKeyDown}
        >
          {LABELS[p]}
        </button>
      ))}
    </div>
  );
}
