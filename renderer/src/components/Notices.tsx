import { useUiStore } from '../state/ui-store';

/**
 * Messages for the officer. Errors stay until dismissed and are announced assertively; confirmations are
 * announced politely and fade. The live regions exist from the start so screen readers pick up changes.
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
      <div role="status" className="notice-status">
        {status && <div className="notice notice-ok">{status.message}</div>}
      </div>
    </div>
  );
}
