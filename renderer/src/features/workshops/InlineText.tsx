import { useState } from 'react';

/**
 * A compact text input bound to the workbook, for lists where a visible label per row would be noise: valid text
 * is committed as typed (merged into one undo step by the caller's key); text that may not be saved (an empty
 * idea) stays in the field, marked invalid, until it is fixed.
 */
export function InlineText(props: {
  label: string;
  value: string;
  onCommit: (v: string) => void;
  required?: boolean;
  placeholder?: string;
  list?: string;
  multiline?: boolean;
  maxLength?: number;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && props.required === true && draft.trim() === '';
  const change = (text: string) => {
    if (props.required && text.trim() === '') setDraft(text);
    else {
      setDraft(null);
      if (text !== props.value) props.onCommit(text);
    }
  };
  const common = {
    'aria-label': props.label,
    'aria-invalid': invalid || undefined,
    value: draft ?? props.value,
    placeholder: props.placeholder,
    maxLength: props.maxLength ?? 500,
  };
  return props.multiline ? (
    <textarea className="ws-inline" rows={3} {...common} onChange={(e) => change(e.target.value)} />
  ) : (
    <input
      className="ws-inline"
      type="text"
      autoComplete="off"
      list={props.list}
      {...common}
      onChange={(e) => change(e.target.value)}
    />
  );
}
