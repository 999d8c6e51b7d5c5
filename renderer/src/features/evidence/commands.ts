/** The evidence's undoable changes: each names a workbook edit from shared/model and labels it for undo. */
import { addEvidence, attachEvidence, detachEvidence, updateEvidence, type EvidenceFields, type EvidenceHolder } from '../../../../shared/model/entity-edits';
import { ensureLibraryEvidence, removeEvidence, type LibraryEvidenceItem } from '../../../../shared/model/operations';
import type { Evidence } from '../../../../shared/model/workbook-schema';
import { editWorkbook as edit } from '../../state/workbook-store';

export const addOwnEvidence = (e: Evidence) => edit('Add evidence', (wb) => addEvidence(wb, e));

/** Copies a finding from the app's library into the workbook (once); returns its workbook id. */
export function addLibraryEvidence(item: LibraryEvidenceItem): string {
  let id = '';
  edit(`Add evidence ${item.title}`, (wb) => void (id = ensureLibraryEvidence(wb, item)));
  return id;
}

/** One field change; `key` merges a run of typing into one undo step. */
export const changeEvidence = (e: Evidence, label: string, fields: EvidenceFields, key?: string) =>
  edit(label, (wb) => void updateEvidence(wb, e.id, fields), key ? { coalesceKey: `${e.id}:${key}` } : undefined);

export const deleteEvidence = (e: Evidence) => edit(`Delete evidence ${e.title}`, (wb) => removeEvidence(wb, e.id));

export const attachEvidenceTo = (holder: EvidenceHolder, what: string, choice: { workbookId: string } | { library: LibraryEvidenceItem }) =>
  edit(`Attach evidence to ${what}`, (wb) => void attachEvidence(wb, holder, choice));

export const detachEvidenceFrom = (holder: EvidenceHolder, what: string, evidenceId: string) =>
  edit(`Remove evidence from ${what}`, (wb) => void detachEvidence(wb, holder, evidenceId));
