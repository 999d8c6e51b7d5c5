/** The selected workshop from the workbook, and names for the options its activities offer. */
import type { Workshop } from '../../../../shared/model/workbook-schema';
import { describeOption } from '../../../../shared/workshop/kinds';
import { useWorkbookStore } from '../../state/workbook-store';
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
