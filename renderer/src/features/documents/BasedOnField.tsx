import type { Draft } from '../../../../shared/model/workbook-schema';

export const BASED_ON_FIELD_ID = 'doc-based-on';

/**
 * The business case a committee report asks a decision on: one of the workbook's business-case drafts. The report
 * prints that draft's options, financial case and risks, so the choice comes before the report's own questions.
 */
export function BasedOnField(props: {
  value: string | null;
  drafts: readonly Draft[];
  error: string | null;
  onChange: (draftId: string | null) => void;
}) {
  const hintId = `${BASED_ON_FIELD_ID}-hint`;
  const errorId = `${BASED_ON_FIELD_ID}-error`;
  // A link to a draft that has gone is shown as no choice, with the readiness checklist saying so.
  const value = props.drafts.some((d) => d.id === props.value) ? (props.value ?? '') : '';
  return (
    <section className="panel" aria-labelledby="based-on-heading">
      <h2 id="based-on-heading">The decision</h2>
      <div className={`field${props.error ? ' field-error' : ''}`}>
        <label htmlFor={BASED_ON_FIELD_ID}>
          Business case this report asks a decision on<span className="required"> (required)</span>
        </label>
        <div id={hintId} className="hint">
          {props.drafts.length === 0
            ? 'This workbook has no business case yet. Choose the business case template above, enter its options appraisal, then come back to this report.'
            : 'The report’s alternative options, financial implications and risks are taken from this business case, so the two papers agree. A report with no services in scope yet takes the business case’s.'}
        </div>
        {props.error && (
          <div id={errorId} className="error-message">
            <span className="visually-hidden">Error: </span>
            {props.error}
          </div>
        )}
        <select
          id={BASED_ON_FIELD_ID}
          value={value}
          aria-describedby={[hintId, props.error ? errorId : ''].filter(Boolean).join(' ')}
          aria-invalid={props.error ? true : undefined}
          aria-required
          onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">Choose a business case…</option>
          {props.drafts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
