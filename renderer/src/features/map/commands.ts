/** The map's undoable changes: each names a workbook edit from shared/model and labels it for undo. */
import { dismissSuggestion, linkPositions, setStrengths, updateLink, type LinkFields, type StrengthChange } from '../../../../shared/model/link-edits';
import type { Provenance } from '../../../../shared/model/workbook-schema';
import { isoToday } from '../../../../shared/text/dates';
import { editWorkbook as edit, useWorkbookStore } from '../../state/workbook-store';

function officerProvenance(): Provenance {
  return { kind: 'officer', date: isoToday(), by: useWorkbookStore.getState().workbook?.author ?? '', workshopId: null, note: '' };
}

/** Sets strengths for several cells in one undoable step (the grid's keys, paste, the link details). */
export function applyStrengths(changes: readonly StrengthChange[], label: string): void {
  const wb = useWorkbookStore.getState().workbook;
  if (!wb || changes.length === 0) return;
  const positions = linkPositions(wb, changes);
  const provenance = officerProvenance();
  edit(label, (draft) => setStrengths(draft, changes, provenance, positions));
}

export const changeLink = (serviceId: string, objectiveId: string, label: string, fields: LinkFields, key?: string) =>
  edit(label, (wb) => void updateLink(wb, serviceId, objectiveId, fields), key ? { coalesceKey: `${serviceId}:${objectiveId}:${key}` } : undefined);

export const dismiss = (serviceId: string, objectiveId: string, label: string) => edit(label, (wb) => dismissSuggestion(wb, serviceId, objectiveId));
