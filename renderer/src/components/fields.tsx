import { useId, useState, type ReactNode } from 'react';

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
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <div id={`${id}-hint`} className="hint">
          {props.hint}
        </div>
      )}
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
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
    return { ok: true, value: n };
  };
  const parsed = draft === null ? null : parse(draft);
  const error = parsed && !parsed.ok ? parsed.message : null;
  return (
    <div className={`field field-number${error ? ' field-error' : ''}`}>
      <label htmlFor={id}>
        {props.label}
        {props.unit && <span className="muted"> ({props.unit})</span>}
      </label>
      {props.hint && (
        <div id={`${id}-hint`} className="hint">
          {props.hint}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} className="error-message">
          <span className="visually-hidden">Error: </span>
          {error}
        </div>
      )}
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={shown}
        aria-invalid={error ? true : undefined}
        aria-describedby={[props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
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
    </div>
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
