/** The selected workshop from the workbook, and edits to it as single undoable steps. */
import type { Draft } from 'immer';
import { newId } from '../../../../shared/model/ids';
import type { Activity, Workbook, Workshop } from '../../../../shared/model/workbook-schema';
import { describeOption } from '../../../../shared/workshop/kinds';
import { showStatus } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
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

/**
 * Edits one activity of a workshop, found again in the draft by id and kind, so the recipe gets the narrowed type;
 * returns false when it is gone or nothing changed.
 */
export function editActivity<K extends Activity['kind']>(
  label: string,
  workshopId: string,
  activity: { readonly id: string; readonly kind: K },
  recipe: (a: Draft<Extract<Activity, { kind: K }>>, w: Draft<Workshop>, wb: Draft<Workbook>) => void,
  coalesceKey?: string,
): boolean {
  return editWorkshop(
    label,
    workshopId,
    (w, wb) => {
      const a = w.activities.find((x) => x.id === activity.id);
      if (a?.kind === activity.kind) recipe(a as Draft<Extract<Activity, { kind: K }>>, w, wb);
    },
    coalesceKey,
  );
}

/** Adds an open item to the workshop's parking lot, as one undoable step. */
export function park(label: string, workshopId: string, text: string): void {
  editWorkshop(
    label,
    workshopId,
    (w) =>
      void w.parkingLot.push({
        id: newId('parked'),
        text: text.slice(0, 500),
        disposition: 'open',
        detail: '',
        owner: '',
      }),
  );
  showStatus('Added to the parking lot.');
}

/** A name for an option id: the objective, service or idea it names. */
export function useOptionLabel(workshop: Workshop | null): (id: string) => string {
  const wb = useWorkbookStore((s) => s.workbook);
  return (id: string) => (wb ? describeOption(wb, workshop, id).label : id);
}
