/**
 * Small inputs for the business case tables: a money cell that reads "£85,000", "85k" or "1.2m", a UK date
 * (dd/mm/yyyy), a 1–5 rating, and a table with add and remove buttons. Each commits valid input through the
 * workbook store (so undo takes it) and keeps invalid input in the field with a message beside it: amounts and
 * text as they are typed, a date when the box is left or Enter is pressed, as every date field in the app does.
 */
import { useId, useState, type ReactNode } from 'react';
import { formatNumber, parseMoney } from '../../../../../shared/text/numbers';
import { DateInput } from '../../../components/DateInput';

/** A field's message, tied to its control by id. */
function Message(props: { id: string; text: string | null }) {
  if (!props.text) return null;
  return (
    <div id={props.id} className="error-message case-error">
      <span className="visually-hidden">Error: </span>
      {props.text}
    </div>
  );
}

/** Reads an amount in pounds: empty is nothing, "£85,000", "85k", "1.2m"; never negative. */
export function readMoney(text: string): { ok: true; value: number } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: 0 };
  const n = parseMoney(text);
  if (n === null) return { ok: false, message: 'Enter an amount such as £85,000 or 85k' };
  if (n < 0) return { ok: false, message: 'Enter an amount of £0 or more' };
  return { ok: true, value: Math.round(n * 100) / 100 };
}

/** An amount in a table cell, labelled for a screen reader by what it is ("Coordinators, 2026/27"). */
export function MoneyCell(props: { label: string; value: number; onCommit: (v: number) => void }) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const result = text === null ? null : readMoney(text);
  const error = result && !result.ok ? result.message : null;
  return (
    <div className={`case-cell${error ? ' field-error' : ''}`}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="case-money"
        aria-label={props.label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={text ?? (props.value === 0 ? '' : formatNumber(props.value))}
        placeholder="0"
        onChange={(e) => {
          setText(e.target.value);
          const r = readMoney(e.target.value);
          if (r.ok && r.value !== props.value) props.onCommit(r.value);
        }}
        onBlur={() => {
          if (text !== null && readMoney(text).ok) setText(null);
        }}
      />
      <Message id={`${id}-error`} text={error} />
    </div>
  );
}

/**
 * A date in a table cell: the app's DateInput (day/month/year, committed on leaving the box or Enter), with its
 * message beside it rather than under a label the cell does not have.
 */
export function DateCell(props: { label: string; value: string | null; onCommit: (v: string | null) => void }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className={`case-cell${error ? ' field-error' : ''}`}>
      <DateInput
        id={id}
        className="case-date"
        aria-label={`${props.label} (day/month/year)`}
        aria-describedby={error ? `${id}-error` : undefined}
        value={props.value}
        onCommit={props.onCommit}
        onError={setError}
      />
      <Message id={`${id}-error`} text={error} />
    </div>
  );
}

/** Text in a table cell; `required` keeps an empty value out of the workbook with a message. */
export function TextCell(props: { label: string; value: string; onCommit: (v: string) => void; required?: boolean; multiline?: boolean; maxLength?: number }) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const error = text !== null && props.required && text.trim() === '' ? 'Enter some text' : null;
  const common = {
    id,
    'aria-label': props.label,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    value: text ?? props.value,
    maxLength: props.maxLength ?? (props.multiline ? 20_000 : 500),
    onChange: (e: { target: { value: string } }) => {
      const v = e.target.value;
      if (props.required && v.trim() === '') setText(v);
      else {
        setText(null);
        if (v !== props.value) props.onCommit(v);
      }
    },
  };
  return (
    <div className={`case-cell${error ? ' field-error' : ''}`}>
      {props.multiline ? <textarea rows={2} {...common} /> : <input type="text" autoComplete="off" {...common} />}
      <Message id={`${id}-error`} text={error} />
    </div>
  );
}

export function SelectCell<T extends string>(props: { label: string; value: T; options: ReadonlyArray<{ value: T; label: string }>; onChange: (v: T) => void }) {
  return (
    <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export const RATING_LABELS = ['', '1 Very low', '2 Low', '3 Medium', '4 High', '5 Very high'] as const;

/** A 1–5 rating; `optional` adds "Not assessed" (null). */
export function RatingCell(props: { label: string; value: number | null; optional?: boolean; onChange: (v: number | null) => void }) {
  return (
    <select aria-label={props.label} value={props.value === null ? '' : String(props.value)} onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}>
      {props.optional && <option value="">Not assessed</option>}
      {[1, 2, 3, 4, 5].map((n) => (
        <option key={n} value={n}>
          {RATING_LABELS[n]}
        </option>
      ))}
    </select>
  );
}

/**
 * A table of rows with a remove button on each and an add button below. The add button names what it adds; after
 * a row is removed, focus goes to the add button so the keyboard is not left on nothing.
 */
export function RowTable(props: {
  caption: string;
  headers: readonly string[];
  rows: ReadonlyArray<{ key: string; name: string; cells: readonly ReactNode[] }>;
  addLabel: string;
  onAdd: () => void;
  onRemove: (key: string) => void;
  empty?: string;
}) {
  const addId = useId();
  return (
    <div className="case-table">
      <table className="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 && (
            <tr>
              <td colSpan={props.headers.length + 1} className="muted">
                {props.empty ?? 'None yet.'}
              </td>
            </tr>
          )}
          {props.rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    props.onRemove(r.key);
                    document.getElementById(addId)?.focus();
                  }}
                >
                  Remove<span className="visually-hidden"> {r.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button id={addId} type="button" className="button button-secondary" onClick={props.onAdd}>
        {props.addLabel}
      </button>
    </div>
  );
}
