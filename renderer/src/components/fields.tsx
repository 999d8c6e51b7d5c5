import { useId, useState, type ReactNode } from 'react';
import { DateInput } from './DateInput';

/** The ids a control names in aria-describedby: its hint and its error, when it has them. */
export function fieldDescribedBy(id: string, hint: ReactNode, error?: string | null): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** What every field has around its control: the label, a hint, and an error that is also announced as one. */
export function FieldFrame(props: { id: string; label: ReactNode; hint?: ReactNode; error?: string | null; className?: string; children: ReactNode }) {
  return (
    <div className={`${props.className ?? 'field'}${props.error ? ' field-error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <div id={`${props.id}-hint`} className="hint">
          {props.hint}
        </div>
      )}
      {props.error && (
        <div id={`${props.id}-error`} className="error-message">
          <span className="visually-hidden">Error: </span>
          {props.error}
        </div>
      )}
      {props.children}
    </div>
  );
}

/** A labelled select bound to a value. */
export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string; disabled?: boolean }>;
  onChange: (value: T) => void;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint}>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        aria-describedby={fieldDescribedBy(id, props.hint)}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A labelled UK date (dd/mm/yyyy) with its format as the hint; clearing it commits null ("no date"). */
export function DateField(props: { label: string; value: string | null; onCommit: (v: string | null) => void; hint?: string }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const hint = `${props.hint ? `${props.hint} ` : ''}Day, month and year, for example 31/03/2027.`;
  return (
    <FieldFrame id={id} label={props.label} hint={hint} error={error}>
      <DateInput id={id} value={props.value} aria-describedby={fieldDescribedBy(id, hint, error)} onCommit={props.onCommit} onError={setError} />
    </FieldFrame>
  );
}

/**
 * A number input bound to the workbook: valid numbers are committed as typed; empty means "not recorded" when
 * allowed; anything else stays in the field with an error.
 */
export function NumberField(props: {
  label: string;
  value: number | null;
  onCommit: (value: number | null) => void;
  allowEmpty?: boolean;
  min?: number;
  max?: number;
  hint?: ReactNode;
  unit?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (props.value === null ? '' : String(props.value));
  const parse = (text: string): { ok: true; value: number | null } | { ok: false; message: string } => {
    const t = text.replace(/[,£\s]/g, '');
    if (t === '') return props.allowEmpty ? { ok: true, value: null } : { ok: false, message: 'Enter a number' };
    const n = Number(t);
    if (!Number.isFinite(n)) return { ok: false, message: 'Enter a number, for example 1250 or 3.5' };
    if (props.min !== undefined && n < props.min) return { ok: false, message: `Enter ${props.min} or more` };
    if (props.max !== undefined && n > props.max) return { ok: false, message: `Enter ${props.max} or less` };
    return { ok: true, value: n };
  };
  const parsed = draft === null ? null : parse(draft);
  const error = parsed && !parsed.ok ? parsed.message : null;
  return (
    <FieldFrame
      id={id}
      className="field field-number"
      error={error}
      hint={props.hint}
      label={
        <>
          {props.label}
          {props.unit && <span className="muted"> ({props.unit})</span>}
        </>
      }
    >
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={shown}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, props.hint, error)}
        onChange={(e) => {
          const text = e.target.value;
          const p = parse(text);
          if (p.ok) {
            setDraft(text === '' || String(p.value) === text ? null : text);
            if (p.value !== props.value) props.onCommit(p.value);
          } else setDraft(text);
        }}
        onBlur={() => {
          if (draft !== null && parse(draft).ok) setDraft(null);
        }}
      />
    </FieldFrame>
  );
}

/** A group of checkboxes in a fieldset, for multi-choice fields (outcomes, branches, objectives). */
export function CheckboxGroup<T extends string | number>(props: {
  legend: string;
  options: ReadonlyArray<{ value: T; label: ReactNode }>;
  selected: ReadonlyArray<T>;
  onChange: (selected: T[]) => void;
  hint?: ReactNode;
  columns?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="field checkbox-group" aria-describedby={props.hint ? `${id}-hint` : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <div id={`${id}-hint`} className="hint">
          {props.hint}
        </div>
      )}
      <div className={props.columns ? 'checkbox-columns' : undefined}>
        {props.options.map((o) => {
          const checked = props.selected.includes(o.value);
          return (
            <label key={String(o.value)} className="checkbox">
              <input
                type="checkbox"
                checked={checked}
                onChange={() =>
                  props.onChange(checked ? props.selected.filter((v) => v !== o.value) : [...props.selected, o.value])
                }
              />
              <span>{o.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
