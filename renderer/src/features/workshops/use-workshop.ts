/** The selected workshop from the workbook, and names for the options its activities offer. */
import type { Draft } from 'immer';
import type { Activity, Workshop } from '../../../../shared/model/workbook-schema';
import { describeOption } from '../../../../shared/workshop/kinds';
import { editWorkbook, useWorkbookStore } from '../../state/workbook-store';
import { useSessionStore } from './session-store';

export function useCurrentWorkshop(): Workshop | null {
  const id = useSessionStore((s) => s.workshopId);
  return useWorkbookStore((s) => s.workbook?.workshops.find((w) => w.id === id) ?? null);
}

/** A name for an option id: the objective, service or idea it names. */
export function useOptionLabel(workshop: Workshop | null): (id: string) => string {
  const wb = useWorkbookStore((s) => s.workbook);
  return (id: string) => (wb ? describeOption(wb, workshop, id).label : id);
}

/**
 * Still here only because PaperSheets.tsx (another engineer's file, changing in parallel) edits through it; once
 * it calls enterPaperSheets from commands.ts, this goes. Nothing else may use it.
 */
export function editActivity<K extends Activity['kind']>(
  label: string,
  workshopId: string,
  activity: { readonly id: string; readonly kind: K },
  recipe: (a: Draft<Extract<Activity, { kind: K }>>) => void,
): boolean {
  return editWorkbook(label, (wb) => {
    const a = wb.workshops.find((w) => w.id === workshopId)?.activities.find((x) => x.id === activity.id);
    if (a?.kind === activity.kind) recipe(a as Draft<Extract<Activity, { kind: K }>>);
  });
}
