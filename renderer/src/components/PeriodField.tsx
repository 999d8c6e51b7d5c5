import { useId } from 'react';
import { describePeriod, parsePeriod, type Period } from '../../../shared/model/periods';

/** A reporting period typed as councils write it ("2023/24", "Q2 2024/25"); the dates it covers are shown. */
export function PeriodField(props: { label: string; value: Period; onCommit: (p: Period) => void }) {
  const id = useId();
  const dates = props.value.start && props.value.end ? describePeriod(props.value).slice(props.value.label.length).trim() : '';
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        value={props.value.label}
        maxLength={500}
        aria-describedby={`${id}-dates`}
        onChange={(e) => props.onCommit(parsePeriod(e.target.value))}
      />
      <div id={`${id}-dates`} className="hint">
        {props.value.label === ''
          ? 'For example 2023/24, Q2 2024/25, 2023 or April 2024.'
          : dates
            ? `Covers ${dates.replace(/^\(|\)$/g, '')}.`
            : 'Dates not recognised; the period is kept as written.'}
      </div>
    </div>
  );
}
