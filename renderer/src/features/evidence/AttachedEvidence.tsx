import { useState } from 'react';
import type { EvidenceHolder } from '../../../../shared/model/entity-edits';
import { NONE, useWorkbookStore } from '../../state/workbook-store';
import { attachEvidenceTo, detachEvidenceFrom } from './commands';
import { showStatus } from '../../state/ui-store';
import { focusSoon } from '../../components/focus';
import { EvidencePicker } from './EvidencePicker';
import { QUALITY_LABELS } from './evidence-labels';

/**
 * The evidence attached to something (a link, a service, an objective), with Attach and Remove.
 */
export function AttachedEvidence(props: {
  heading: string;
  ids: readonly string[];
  holder: EvidenceHolder;
  what: string;
  serviceRef?: string;
}) {
  const [picking, setPicking] = useState(false);
  const evidence = useWorkbookStore((s) => s.workbook?.evidence ?? NONE);
  const byId = new Map(evidence.map((e) => [e.id, e]));

  return (
    <section className="attached-evidence" aria-label={props.heading}>
      <h3>{props.heading}</h3>
      {props.ids.length === 0 ? (
        <p className="muted">No evidence attached yet.</p>
      ) : (
        <ul className="plain-list">
          {props.ids.map((id) => {
            const e = byId.get(id);
            if (!e) return null;
            return (
              <li key={id} className="evidence-item" data-evidence={id}>
                <div>
                  <strong>{e.title}</strong>
                  {e.figure && <span> — {e.figure}</span>}
                  <div className="muted">
                    {[e.publisher, e.year].filter(Boolean).join(', ')} · {QUALITY_LABELS[e.quality]}
                  </div>
                </div>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={(click) => {
                    const section = click.currentTarget.closest('section');
                    const next = props.ids[props.ids.indexOf(id) + 1] ?? props.ids[props.ids.indexOf(id) - 1];
                    detachEvidenceFrom(props.holder, props.what, id);
                    showStatus(`Removed “${e.title}” from ${props.what}.`, { undoable: true });
                    // On to the next item's Remove, or Attach when none is left.
                    focusSoon(
                      () => (next ? section?.querySelector(`[data-evidence="${CSS.escape(next)}"] button`) : null),
                      () => section?.querySelector('.attach-evidence'),
                    );
                  }}
                >
                  Remove<span className="visually-hidden"> “{e.title}”</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="button button-secondary attach-evidence" onClick={() => setPicking(true)}>
        Attach evidence…
      </button>
      {picking && (
        <EvidencePicker
          title={`Attach evidence to ${props.what}`}
          attachedIds={props.ids}
          {...(props.serviceRef ? { serviceRef: props.serviceRef } : {})}
          onClose={() => setPicking(false)}
          onChoose={(choice) => attachEvidenceTo(props.holder, props.what, choice)}
        />
      )}
    </section>
  );
}
