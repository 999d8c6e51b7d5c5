/** The selected workshop from the workbook, and edits to it as single undoable steps. */
import type { Draft } from 'immer';
import type { Workbook, Workshop } from '../../../../shared/model/workbook-schema';
import { describeOption } from '../../../../shared/workshop/kinds';
import { useWorkbookStore } from '../../app/workbook-store';
import { useSessionStore } from './session-store';

export function useCurrentWorkshop(): Workshop | null {
  const id = useSessionStore((s) => s.workshopId);
  return useWorkbookStore((s) => s.workbook?.workshops.find((w) => w.id === id) ?? null);
}

/** Edits one workshop; returns false when the workshop is gone or nothing changed. */
export function editWorkshop(
  label: string,
  workshopId: string,
  recipe: (w: Draft<Workshop>, wb: Draft<Workbook>) => void,
  coalesceKey?: string,
): boolean {
  return useWorkbookStore.getState().edit(
    label,
    (wb) => {
      const w = wb.workshops.find((x) => x.id === workshopId);
      if (w) recipe(w, wb);
    },
    coalesceKey ? { coalesceKey } : undefined,
  );
}

/** A name for an option id: the objective, service or idea it names. */
export function useOptionLabel(workshop: Workshop | null): (id: string) => string {
  const wb = useWorkbookStore((s) => s.workbook);
  return (id: string) => (wb ? describeOption(wb, workshop, id).label : id);
}
