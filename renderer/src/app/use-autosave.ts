import { useEffect, useRef } from 'react';
import type { Workbook } from '../../../shared/model/workbook-schema';
import { call } from '../platform/api';
import { selectDirty, useWorkbookStore } from '../state/workbook-store';

/**
 * While there are unsaved changes, writes a recovery snapshot every few seconds (only when something changed
 * since the last one). When the workbook becomes clean again (saved, or undone back to the saved state) the
 * snapshot is removed.
 */
export function useAutosave(intervalSeconds: number): void {
  const lastWritten = useRef<{ sessionId: string; workbook: Workbook } | null>(null);

  useEffect(() => {
    const tick = async () => {
      const s = useWorkbookStore.getState();
      const last = lastWritten.current;
      if (!s.workbook || !selectDirty(s)) {
        if (last && last.sessionId === s.sessionId && s.workbook === s.savedWorkbook) {
          lastWritten.current = null;
          await call('discardRecoverySnapshot', { sessionId: s.sessionId });
        }
        return;
      }
      if (last && last.sessionId === s.sessionId && last.workbook === s.workbook) return;
      const written = await call('writeRecoverySnapshot', {
        sessionId: s.sessionId,
        docId: s.doc?.docId ?? null,
        workbook: s.workbook,
      });
      if (written.ok) lastWritten.current = { sessionId: s.sessionId, workbook: s.workbook };
    };
    // Copying a large workbook to the main process takes tens of milliseconds: do it when the window is idle,
    // so a snapshot never lands in the middle of typing or a run of edits on the map.
    let idle: number | null = null;
    const timer = setInterval(() => {
      if (idle !== null) return;
      idle = requestIdleCallback(
        () => {
          idle = null;
          void tick();
        },
        { timeout: 2000 },
      );
    }, Math.max(2, intervalSeconds) * 1000);
    return () => {
      clearInterval(timer);
      if (idle !== null) cancelIdleCallback(idle);
    };
  }, [intervalSeconds]);
}
