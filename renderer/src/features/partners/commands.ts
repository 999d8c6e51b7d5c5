/** The Partners step's undoable changes: each names a workbook edit from shared/model and labels it for undo. */
import {
  addPartner,
  addPartnerObjective,
  removePartnerObjective,
  updatePartner,
  updatePartnerObjective,
  type PartnerFields,
  type PartnerObjectiveFields,
} from '../../../../shared/model/entity-edits';
import { newId } from '../../../../shared/model/ids';
import { removePartner } from '../../../../shared/model/operations';
import type { Partner, PartnerObjective } from '../../../../shared/model/workbook-schema';
import { editWorkbook as edit } from '../../state/workbook-store';

/** Adds a new partner and returns it, so the step can select it. */
export function addNewPartner(): Partner {
  const p: Partner = { id: newId('partner'), name: 'New partner', type: 'nhs-icb', description: '', contact: '', objectives: [] };
  edit('Add partner', (wb) => addPartner(wb, p));
  return p;
}

export const changePartner = (p: Partner, label: string, fields: PartnerFields, key?: string) =>
  edit(label, (wb) => void updatePartner(wb, p.id, fields), key ? { coalesceKey: `${p.id}:${key}` } : undefined);

export const deletePartner = (p: Partner) => edit(`Delete partner ${p.name}`, (wb) => removePartner(wb, p.id));

/** Adds a blank objective to a partner and returns its id, so the step can focus it. */
export function addObjectiveTo(p: Partner): string {
  const po: PartnerObjective = { id: newId('partnerObjective'), title: 'New objective', description: '', objectiveIds: [] };
  edit('Add partner objective', (wb) => void addPartnerObjective(wb, p.id, po));
  return po.id;
}

export const changePartnerObjective = (p: Partner, po: PartnerObjective, label: string, fields: PartnerObjectiveFields, key?: string) =>
  edit(label, (wb) => void updatePartnerObjective(wb, p.id, po.id, fields), key ? { coalesceKey: `${p.id}:${po.id}:${key}` } : undefined);

export const deletePartnerObjective = (p: Partner, po: PartnerObjective) =>
  edit('Delete partner objective', (wb) => void removePartnerObjective(wb, p.id, po.id));
