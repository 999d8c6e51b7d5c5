import { useEffect, useId, useRef } from 'react';
import { useUiStore } from '../state/ui-store';

/**
 * Shows the question asked through ask() in a native modal <dialog>: focus moves into it and is trapped there,
 * Escape chooses the cancel button, and focus returns to where it was afterwards.
 */
export function DialogHost() {
  const request = useUiStore((s) => s.dialog);
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) {
      returnFocus.current = document.activeElement;
      dialog.showModal();
      dialog.querySelector<HTMLButtonElement>('button[data-primary="true"]')?.focus();
    } else if (!request && dialog.open) {
      dialog.close();
      if (returnFocus.current instanceof HTMLElement && returnFocus.current.isConnected) returnFocus.current.focus();
    }
  }, [request]);

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        request?.resolve(request.cancelId);
      }}
    >
      {request && (
        <>
          <h2 id={titleId}>{request.title}</h2>
          <div id={bodyId}>
            {request.body.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </div>
          <div className="button-row">
            {request.buttons.map((b, i) => (
              <button
                key={b.id}
                type="button"
                className={`button button-${b.kind ?? 'secondary'}`}
                data-primary={i === 0 ? 'true' : undefined}
                onClick={() => request.resolve(b.id)}
              >
                {b.label}
              </button>
            ))}
          </div>
        </>
      )}
    </dialog>
  );
}
