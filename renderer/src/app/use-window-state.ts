import { useEffect } from 'react';
import { call } from '../platform/api';
import { findStep } from './steps';
import { useUiStore } from '../state/ui-store';
import { documentName, selectDirty, useWorkbookStore } from '../state/workbook-store';

export const APP_TITLE = 'Alignment Workbench';

/** Window title "*Name – Step – Alignment Workbench", with the star while there are unsaved changes. */
export function windowTitle(name: string | null, dirty: boolean, stepLabel: string): string {
  return [name ? `${dirty ? '*' : ''}${name}` : null, stepLabel, APP_TITLE].filter(Boolean).join(' – ');
}

export function useWindowState(): void {
  const dirty = useWorkbookStore(selectDirty);
  const name = useWorkbookStore((s) => (s.workbook ? documentName(s) : null));
  const step = useUiStore((s) => s.step);
  const stepLabel = findStep(step).label;
  useEffect(() => {
    const title = windowTitle(name, dirty, stepLabel);
    document.title = title;
    void call('setWindowState', { title, dirty });
  }, [name, dirty, stepLabel]);
}
