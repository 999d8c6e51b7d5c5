import type { Partner } from '../../../../shared/model/workbook-schema';
import { PickerField } from '../../components/PickerField';

export const PARTNER_FIELD_ID = 'doc-partner';

/** The partner organisation a partnership document is addressed to: one of the workbook's partners. */
export function PartnerField(props: {
  value: string | null;
  required: boolean;
  partners: readonly Pick<Partner, 'id' | 'name'>[];
  error: string | null;
  onChange: (partnerId: string | null) => void;
}) {
  return (
    <PickerField
      id={PARTNER_FIELD_ID}
      label="Partner"
      required={props.required}
      placeholder="Choose a partner…"
      items={props.partners.map((p) => ({ id: p.id, label: p.name }))}
      value={props.value}
      hint={
        props.partners.length === 0
          ? 'This workbook has no partners yet. Add the partner organisation to the workbook first.'
          : 'The organisation this document is addressed to. Its objectives are matched with the council’s.'
      }
      error={props.error}
      onChange={props.onChange}
    />
  );
}
