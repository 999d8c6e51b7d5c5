import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentPreview } from '../../../../shared/ipc/documents-contract';
import type { Draft, Workbook } from '../../../../shared/model/workbook-schema';
import type { AppError } from '../../../../shared/result';
import { call } from '../../platform/api';
import { workbookWithDraft } from './commands';

/**
 * The last preview, the workbook it was made from (so the step can tell when it is out of date) and the draft it is
 * of (another draft is another document, shown from its top rather than patched into the last one).
 */
export type PreviewState =
  | { kind: 'ready'; result: DocumentPreview; source: Workbook; draftId: string }
  | { kind: 'failed'; error: AppError; source: Workbook }
  | null;

/**
 * The preview bound to the draft: it follows every change to the workbook (answers, and the map itself). A change
 * is sent at once when no preview is being made, so an edit shows without waiting for typing to stop; while one is
 * being made, only the latest change waits, and goes as soon as it is back. So there is never more than one
 * request in flight, and every preview shown is newer than the one before.
 */
export function useDocumentPreview(workbook: Workbook | null, draft: Draft | null, active: boolean) {
  const [preview, setPreview] = useState<PreviewState>(null);
  const waiting = useRef<{ workbook: Workbook; draft: Draft } | null>(null);
  const inFlight = useRef(false);
  /** Bumped when the draft changes or the preview is cleared: answers for an earlier one are not shown. */
  const generation = useRef(0);
  const shownDraftId = useRef<string | null>(null);

  const send = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      for (let next = waiting.current; next; next = waiting.current) {
        waiting.current = null;
        const asked = generation.current;
        const source = next.workbook;
        const workbook = JSON.stringify(workbookWithDraft(source, next.draft));
        const r = await call('previewDocument', { workbook, draftId: next.draft.id });
        if (asked === generation.current)
          setPreview(r.ok ? { kind: 'ready', result: r.value, source, draftId: next.draft.id } : { kind: 'failed', error: r.error, source });
      }
    } finally {
      inFlight.current = false;
    }
  }, []);

  useEffect(() => {
    if (!workbook || !draft || !active) return;
    if (shownDraftId.current !== draft.id) {
      shownDraftId.current = draft.id;
      generation.current++;
    }
    waiting.current = { workbook, draft };
    void send();
  }, [workbook, draft, active, send]);

  useEffect(
    () => () => {
      generation.current++;
      waiting.current = null;
    },
    [],
  );

  const clear = useCallback(() => {
    generation.current++;
    waiting.current = null;
    shownDraftId.current = null;
    setPreview(null);
  }, []);

  return { preview, clear };
}
