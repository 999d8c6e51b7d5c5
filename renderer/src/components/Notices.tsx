import { holdNotice, releaseNotice, showStatus, useUiStore } from '../state/ui-store';
import { useWorkbookStore } from '../state/workbook-store';

/**
 * Messages for the officer. Errors stay until dismissed and are announced assertively; confirmations are
 * announced politely and fade unless kept (they pause while pointed at or focused). The live regions exist from the start so screen readers pick up changes.
 */
export function Notices() {
  const notices = useUiStore((s) => s.notices);
  const dismiss = useUiStore((s) => s.dismiss);
  const errors = notices.filter((n) => n.kind === 'error');
  const status = notices.filter((n) => n.kind === 'status').at(-1);
  return (
    <div className="notices">
      <div role="alert" className="notice-errors">
        {errors.map((n) => (
          <div key={n.id} className="notice notice-error">
            <div>
              <strong>Problem: </strong>
              {n.message}
              {n.details && (
                <details>
                  <summary>All problems ({n.details.length})</summary>
                  <ul>
                    {n.details.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                </details>
              )}
            </div>
            <button type="button" className="button button-secondary" onClick={() => dismiss(n.id)}>
              Dismiss
            </button>
          </div>
        ))}
      </div>
      <div
        className={status ? 'notice notice-ok notice-status' : 'notice-status'}
        onMouseEnter={() => status && holdNotice(status.id, false)}
        onMouseLeave={() => status && releaseNotice(status.id)}
        onFocus={() => status && holdNotice(status.id, false)}
        onBlur={(e) => {
          if (status && !e.currentTarget.contains(e.relatedTarget)) releaseNotice(status.id);
        }}
      >
        {/* The live region holds only the message, so the buttons are not read out with every update. */}
        <div role="status">{status?.message}</div>
        {status && (
          <div className="button-row">
            {status.undoable && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  const label = useWorkbookStore.getState().undo();
                  showStatus(label ? `Undone: ${label}.` : 'Nothing to undo.');
                }}
              >
                Undo
              </button>
            )}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                if (!status.kept) return holdNotice(status.id, true);
                dismiss(status.id);
                document.getElementById('main')?.focus();
              }}
            >
              {status.kept ? 'Dismiss' : 'Keep this message'}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
