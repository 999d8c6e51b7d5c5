import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal panel (About, Preferences) on the native <dialog>: focus trapped inside, Escape closes, focus returns. */
export function Modal(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** Buttons in place of the single Close button. */
  actions?: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal${props.wide ? ' modal-wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
      <div className="button-row">
        {props.actions ?? (
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        )}
      </div>
    </dialog>
  );
}
