import { useState } from 'react';
import { formatUkDate, parseUkDate } from './uk-date';

/**
 * A date typed as day, month and year (dd/mm/yyyy), not the browser's date control, whose segments and order
 * follow the computer's locale (mm/dd/yyyy on a US-set machine, and "31032027" typed into it became year
 * 32027). Commits an ISO date, or null when emptied, on leaving the box or Enter; text that is not a real date
 * stays in the box, marked invalid, and the error is passed up to be shown beside it.
 */
export function DateInput(props: {
  id?: string;
  value: string | null;
  onCommit: (iso: string | null) => void;
  onError?: (message: string | null) => void;
  'aria-label'?: string;
  'aria-describedby'?: string;
  /** Set by a form that has found the value wrong for another reason (a required date left empty). */
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
  className?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const commit = () => {
    if (draft === null) return;
    const r = parseUkDate(draft);
    if (!r.ok) {
      setInvalid(true);
      props.onError?.(r.message);
      return;
    }
    setInvalid(false);
    props.onError?.(null);
    setDraft(null);
    if (r.iso !== props.value) props.onCommit(r.iso);
  };
  return (
    <input
      id={props.id}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      size={11}
      className={`date-input${props.className ? ` ${props.className}` : ''}`}
      value={draft ?? formatUkDate(props.value)}
      aria-label={props['aria-label']}
      aria-describedby={props['aria-describedby']}
      aria-invalid={invalid || props['aria-invalid'] || undefined}
      aria-required={props['aria-required']}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}
