import type { ReactNode } from 'react';
import type { TemplateQuestion } from '../../../../shared/ipc/documents-contract';
import { countWords } from '../../../../shared/documents/plain-text';
import { DateInput } from '../../components/DateInput';
import { parseTableAnswer, questionFieldId, serialiseTableAnswer, type TableRow } from './answers';

interface Props {
  question: TemplateQuestion;
  value: string;
  /** Shown under the label; set once the officer has tried to export, or as soon as a format is wrong. */
  error: string | null;
  onChange: (value: string) => void;
}

const KIND_HINTS: Partial<Record<TemplateQuestion['kind'], string>> = {
  paragraphs: 'Leave a blank line between paragraphs. Start a line with “- ” for a bulleted list.',
  money: 'In pounds, for example 1250000 or £1.25m.',
  date: 'Day, month and year, for example 31/03/2027.',
};

function Described(props: { id: string; hint: string; error: string | null; extra?: ReactNode }) {
  return (
    <>
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
      {props.extra}
    </>
  );
}

function describedBy(id: string, hint: string, error: string | null, extra?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean).join(' ') || undefined;
}

/** One template question as a form field of the right kind, with its hint, error and word count. */
export function QuestionField({ question: q, value, error, onChange }: Props) {
  const id = questionFieldId(q.id);
  const hint = [q.hint, KIND_HINTS[q.kind] ?? ''].filter(Boolean).join(' ');
  const label = (
    <>
      {q.label}
      {q.required && <span className="required"> (required)</span>}
    </>
  );

  if (q.kind === 'table') return <TableQuestion question={q} value={value} error={error} onChange={onChange} hint={hint} />;

  const words = q.kind === 'paragraphs' || q.kind === 'text' ? countWords(value) : 0;
  const over = q.wordLimit !== null && words > q.wordLimit;
  const countId = `${id}-count`;
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-required': q.required || undefined,
    'aria-describedby': describedBy(id, hint, error, q.wordLimit !== null ? countId : undefined),
  } as const;
  const wordCount =
    q.wordLimit !== null ? (
      <div id={countId} className={over ? 'word-count word-count-over' : 'word-count'}>
        {words.toLocaleString('en-GB')} of {q.wordLimit.toLocaleString('en-GB')} words
        {over && ` (${(words - q.wordLimit).toLocaleString('en-GB')} too many)`}
      </div>
    ) : null;

  return (
    <div className={`field question${error ? ' field-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <Described id={id} hint={hint} error={error} />
      {q.kind === 'paragraphs' ? (
        <textarea {...common} rows={6} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : q.kind === 'choice' ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose…</option>
          {q.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : q.kind === 'date' ? (
        <DateInput {...common} value={value || null} onCommit={(iso) => onChange(iso ?? '')} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={q.kind === 'money' || q.kind === 'number' ? 'decimal' : undefined}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {wordCount}
    </div>
  );
}

/** A table answer (options, risks, milestones): a row of inputs per entry, with add and remove buttons. */
function TableQuestion(props: Props & { hint: string }) {
  const { question: q, error } = props;
  const id = questionFieldId(q.id);
  const blank = () => Object.fromEntries(q.columns.map((c) => [c.id, ''])) as TableRow;
  const rows = parseTableAnswer(props.value, q.columns);
  const shown: TableRow[] = rows.length > 0 ? rows : [blank()];
  const commit = (next: TableRow[]) => props.onChange(serialiseTableAnswer(next));

  return (
    <fieldset
      className={`field question question-table${error ? ' field-error' : ''}`}
      aria-describedby={describedBy(id, props.hint, error)}
    >
      <legend>
        {q.label}
        {q.required && <span className="required"> (required)</span>}
      </legend>
      <Described id={id} hint={props.hint} error={error} />
      <div className="answer-table-scroll">
        <table className="answer-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Row</span>
              </th>
              {q.columns.map((c) => (
                <th key={c.id} scope="col">
                  {c.label}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row, r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {q.columns.map((c, ci) => (
                  <td key={c.id}>
                    <input
                      type="text"
                      id={r === 0 && ci === 0 ? id : undefined}
                      aria-label={`${c.label}, row ${r + 1}`}
                      aria-invalid={error && r === 0 && ci === 0 ? true : undefined}
                      value={row[c.id] ?? ''}
                      onChange={(e) => commit(shown.map((x, i) => (i === r ? { ...x, [c.id]: e.target.value } : x)))}
                    />
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={shown.length === 1 && Object.values(row).every((v) => v === '')}
                    onClick={() => commit(shown.filter((_, i) => i !== r))}
                  >
                    Remove<span className="visually-hidden"> row {r + 1}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          // Not through commit: a table of blank rows serialises as no answer, and the new row must stay.
          onClick={() => props.onChange(JSON.stringify([...shown, blank()]))}
        >
          Add a row<span className="visually-hidden"> to {q.label}</span>
        </button>
      </div>
    </fieldset>
  );
}
