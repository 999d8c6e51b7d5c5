import type { ReactNode } from 'react';
import { FieldFrame, fieldDescribedBy } from './fields';

/**
 * A choice of one of the workbook's items (a partner, a business case) or none yet, with its hint and error. The
 * id is fixed by the caller so the readiness checklist and the error summary can move focus to it. A value that is
 * not among the items (one since deleted) is shown as no choice.
 */
export function PickerField(props: {
  id: string;
  label: string;
  required: boolean;
  /** The first option, standing for no choice: "Choose a partner…". */
  placeholder: string;
  items: ReadonlyArray<{ id: string; label: string }>;
  value: string | null;
  hint: ReactNode;
  error: string | null;
  onChange: (id: string | null) => void;
}) {
  const value = props.items.some((i) => i.id === props.value) ? (props.value ?? '') : '';
  return (
    <FieldFrame
      id={props.id}
      hint={props.hint}
      error={props.error}
      label={
        <>
          {props.label}
          {props.required && <span className="required"> (required)</span>}
        </>
      }
    >
      <select
        id={props.id}
        value={value}
        aria-describedby={fieldDescribedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? true : undefined}
        aria-required={props.required || undefined}
        onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{props.placeholder}</option>
        {props.items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
