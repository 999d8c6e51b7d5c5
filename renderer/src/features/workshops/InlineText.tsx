import { useState } from 'react';

/**
 * A compact text input bound to the workbook, for lists where a visible label per row would be noise. By default
 * valid text is committed as typed (merged into one undo step by the caller's key); text that may not be saved (an
 * empty idea) stays in the field, marked invalid, until it is fixed. With `commitOn="enter-or-blur"` the text is
 * committed only on Enter or when the field loses focus (Escape puts the saved text back): for values that move
 * the row they belong to, such as an idea's group, where committing each keystroke would regroup the idea after
 * the first letter and take the cursor with it.
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
  commitOn?: 'change' | 'enter-or-blur';
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const deferred = props.commitOn === 'enter-or-blur';
  const invalid = draft !== null && props.required === true && draft.trim() === '';
  const commit = (text: string) => {
    if (props.required && text.trim() === '') setDraft(text);
    else {
      setDraft(null);
      if (text !== props.value) props.onCommit(text);
    }
  };
  const change = (text: string) => (deferred ? setDraft(text) : commit(text));
  const common = {
    'aria-label': props.label,
    'aria-invalid': invalid || undefined,
    value: draft ?? props.value,
    placeholder: props.placeholder,
    maxLength: props.maxLength ?? 500,
    onBlur: deferred ? () => draft !== null && commit(draft) : undefined,
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
      onKeyDown={
        deferred
          ? (e) => {
              if (e.key === 'Enter' && draft !== null) {
                e.preventDefault();
                commit(draft);
              } else if (e.key === 'Escape' && draft !== null) {
                e.preventDefault();
                e.stopPropagation();
                setDraft(null);
              }
            }
          : undefined
      }
    />
  );
}
