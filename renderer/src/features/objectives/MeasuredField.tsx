/**
 * A KPI's baseline or target: the figure, typed alone or with its period in one go ("18.1 (2018-20)"), and the
 * period beside it from the start. A period typed before the figure is kept and saved with it.
 */
import { useId, useState } from 'react';
import { parseMeasuredText } from '../../../../shared/model/measured-text';
import { parsePeriod, type Period } from '../../../../shared/model/periods';
import type { Kpi } from '../../../../shared/model/workbook-schema';
import { FieldFrame, fieldDescribedBy } from '../../components/fields';
import { PeriodField } from '../../components/PeriodField';

type Measured = NonNullable<Kpi['baseline']>;

export function MeasuredField(props: { label: string; value: Measured | null; onCommit: (value: Measured | null) => void }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [pendingPeriod, setPendingPeriod] = useState<Period>(parsePeriod(''));
  const shown = draft ?? (props.value === null ? '' : String(props.value.value));
  const parsed = draft === null ? null : parseMeasuredText(draft, { allowEmpty: true });
  const error = parsed && !parsed.ok ? parsed.message : null;
  const period = props.value?.period ?? pendingPeriod;
  const hint = 'A number, or a number with its period: for example 18.1 (2018-20).';
  return (
    <div className="two-columns">
      <FieldFrame id={id} className="field field-number" error={error} hint={hint} label={props.label}>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={shown}
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldDescribedBy(id, hint, error)}
          onChange={(e) => {
            const text = e.target.value;
            const p = parseMeasuredText(text, { allowEmpty: true });
            setDraft(text);
            if (!p.ok) return;
            if (p.value === null) props.onCommit(null);
            else props.onCommit({ value: p.value, period: p.period !== null ? parsePeriod(p.period) : period });
          }}
          onBlur={() => {
            // "18.1 (2018-20)" settles into the figure here and the period in its own field.
            if (draft !== null && parseMeasuredText(draft, { allowEmpty: true }).ok) setDraft(null);
          }}
        />
      </FieldFrame>
      <PeriodField
        label={`${props.label} period`}
        value={period}
        onCommit={(p) => (props.value ? props.onCommit({ ...props.value, period: p }) : setPendingPeriod(p))}
      />
    </div>
  );
}
