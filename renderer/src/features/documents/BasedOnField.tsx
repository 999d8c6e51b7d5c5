import type { Draft } from '../../../../shared/model/workbook-schema';
import { PickerField } from '../../components/PickerField';

export const BASED_ON_FIELD_ID = 'doc-based-on';

/**
 * The business case a committee report asks a decision on: one of the workbook's business-case drafts. The report
 * prints that draft's options, financial case and risks, so the choice comes before the report's own questions.
 * A link to a draft that has gone is shown as no choice, with the readiness checklist saying so.
 */
export function BasedOnField(props: {
  value: string | null;
  drafts: readonly Draft[];
  error: string | null;
  onChange: (draftId: string | null) => void;
}) {
  return (
    <section className="panel" aria-labelledby="based-on-heading">
      <h2 id="based-on-heading">The decision</h2>
      <PickerField
        id={BASED_ON_FIELD_ID}
        label="Business case this report asks a decision on"
        required
        placeholder="Choose a business case…"
        items={props.drafts.map((d) => ({ id: d.id, label: d.title }))}
        value={props.value}
        hint={
          props.drafts.length === 0
            ? 'This workbook has no business case yet. Choose the business case template above, enter its options appraisal, then come back to this report.'
            : 'The report’s alternative options, financial implications and risks are taken from this business case, so the two papers agree. A report with no services in scope yet takes the business case’s.'
        }
        error={props.error}
        onChange={props.onChange}
      />
    </section>
  );
}
