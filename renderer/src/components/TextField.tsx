import { useId, useState, type ReactNode } from 'react';
import { FieldFrame, fieldDescribedBy } from './fields';

export interface TextFieldProps {
  label: string;
  value: string;
  /** Called with each valid value as the officer types. */
  onCommit: (value: string) => void;
  /** Returns an error message for a value that must not be committed. */
  validate?: (value: string) => string | null;
  hint?: ReactNode;
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  autoComplete?: string;
  id?: string;
}

/**
 * A labelled text input bound to the workbook. Valid text is committed as it is typed (each field's typing
 * merges into one undo step); invalid text stays in the field with an error and is not committed.
 */
export function TextField(props: TextFieldProps) {
  const generated = useId();
  const id = props.id ?? generated;
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? props.value;
  const error = draft !== null ? (props.validate?.(draft) ?? null) : null;

  const change = (text: string) => {
    const problem = props.validate?.(text) ?? null;
    if (problem) setDraft(text);
    else {
      setDraft(null);
      if (text !== props.value) props.onCommit(text);
    }
  };

  const common = {
    id,
    value: shown,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': fieldDescribedBy(id, props.hint, error),
    'aria-required': props.required || undefined,
    maxLength: props.maxLength,
  } as const;

  return (
    <FieldFrame
      id={id}
      error={error}
      hint={props.hint}
      label={
        <>
          {props.label}
          {props.required && <span className="required"> (required)</span>}
        </>
      }
    >
      {props.multiline ? (
        <textarea {...common} rows={4} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type="text" autoComplete={props.autoComplete ?? 'off'} onChange={(e) => change(e.target.value)} />
      )}
    </FieldFrame>
  );
}
