/**
 * Setting strengths on the map's cells as one undoable edit, shared by the grid's keys and the link details.
 */
import { pairKey } from '../../../../shared/analysis/suggestions';
import { newId } from '../../../../shared/model/ids';
import type { Strength } from '../../../../shared/model/vocabulary';
import type { Provenance, Workbook } from '../../../../shared/model/workbook-schema';
import { isoToday } from '../../../../shared/text/dates';
import { useWorkbookStore } from '../../state/workbook-store';

function officerProvenance(): Provenance {
  return { kind: 'officer', date: isoToday(), by: useWorkbookStore.getState().workbook?.author ?? '', workshopId: null, note: '' };
}

/**
 * Sets strengths for several cells in one undoable step. Indexes are found on the plain workbook, not the
 * immer draft, so a 9,000-link map is not proxied cell by cell.
 */
export function applyStrengths(changes: ReadonlyArray<{ serviceId: string; objectiveId: string; strength: Strength | 'clear' }>, label: string): void {
  const store = useWorkbookStore.getState();
  const wb = store.workbook;
  if (!wb || changes.length === 0) return;
  // One key press changes one cell: find it directly rather than indexing every link.
  const indexOf = new Map<string, number>();
  if (changes.length === 1) {
    const c = changes[0]!;
    const i = wb.alignments.findIndex((a) => a.serviceId === c.serviceId && a.objectiveId === c.objectiveId);
    if (i >= 0) indexOf.set(pairKey(c.serviceId, c.objectiveId), i);
  } else wb.alignments.forEach((a, i) => indexOf.set(pairKey(a.serviceId, a.objectiveId), i));
  const provenance = officerProvenance();
  store.edit(label, (draft: Workbook) => {
    const removals: number[] = [];
    for (const c of changes) {
      const key = pairKey(c.serviceId, c.objectiveId);
      const i = indexOf.get(key);
      if (c.strength === 'clear') {
        if (i !== undefined) removals.push(i);
      } else if (i !== undefined) {
        if (draft.alignments[i]!.strength !== c.strength) draft.alignments[i]!.strength = c.strength;
      } else {
        draft.alignments.push({
          id: newId('alignment'),
          serviceId: c.serviceId,
          objectiveId: c.objectiveId,
          strength: c.strength,
          confidence: 'medium',
          rationale: '',
          evidenceIds: [],
          kpiIds: [],
          provenance,
        });
        indexOf.set(key, draft.alignments.length - 1);
      }
    }
    for (const i of removals.sort((a, b) => b - a)) draft.alignments.splice(i, 1);
    const touched = new Set(changes.map((c) => pairKey(c.serviceId, c.objectiveId)));
    if (draft.dismissedSuggestions.length > 0 && changes.some((c) => c.strength !== 'clear'))
      draft.dismissedSuggestions = draft.dismissedSuggestions.filter((d) => !touched.has(pairKey(d.serviceId, d.objectiveId)));
  });
}
