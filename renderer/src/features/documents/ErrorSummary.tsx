import type { Ref } from 'react';

export interface SummaryItem {
  readonly key: string;
  readonly message: string;
  /** The field or item that fixes it; plain text when there is none to go to. */
  readonly fix?: () => void;
}

/** What stops the export the officer asked for, each a link to where it is fixed; focused on every attempt. */
export function ErrorSummary({ title, intro, items, ref }: { title: string; intro: string; items: readonly SummaryItem[]; ref: Ref<HTMLDivElement> }) {
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="doc-error-summary-title">
      <h2 id="doc-error-summary-title">{title}</h2>
      <p>{intro}</p>
      <ul>
        {items.map((e) => (
          <li key={e.key}>
            {e.fix ? (
              <a
                href="#"
                onClick={(ev) => {
                  ev.preventDefault();
                  e.fix?.();
                }}
              >
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
