import { useCallback, useEffect, useRef, useState } from 'react';
import type { GeneratedFile } from '../../../../shared/ipc/documents-contract';
import type { Draft } from '../../../../shared/model/workbook-schema';
import { call, onEvent } from '../../platform/api';
import { showError, showStatus } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { workbookWithDraft } from './commands';
import type { ExportChoice, ExportMode, Job } from './ExportPanel';

function newJobId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return `job${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Export as a job: Word, PDF or both, as a draft or a final, with progress and Cancel while it runs and the files
 * made afterwards. An export that would be refused shows the error summary instead and moves focus to it (each
 * attempt again, so a screen reader announces it every time).
 */
export function useExportJob(settings: {
  draft: Draft | null;
  refused: boolean;
  choice: ExportChoice;
  mode: ExportMode;
  attachWorkbook: boolean;
}) {
  const [job, setJob] = useState<Job | null>(null);
  const [files, setFiles] = useState<GeneratedFile[]>([]);
  const [showErrors, setShowErrors] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const cancelledByOfficer = useRef(false);

  useEffect(
    () =>
      onEvent('documentProgress', (progress) =>
        setJob((current) => (current && current.jobId === progress.jobId ? { ...current, progress } : current)),
      ),
    [],
  );

  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  // The step has opened: have the printer and the export code ready before the officer asks for a file.
  useEffect(() => {
    void call('prepareDocumentExport', {});
  }, []);

  const { draft, refused, choice, mode, attachWorkbook } = settings;
  const exportNow = useCallback(async () => {
    if (!draft) return;
    if (refused) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    setShowErrors(false);
    const latest = useWorkbookStore.getState().workbook;
    if (!latest) return;
    const jobId = newJobId();
    cancelledByOfficer.current = false;
    setFiles([]);
    setJob({ jobId, progress: null, cancelling: false });
    const r = await call('generateDocument', {
      jobId,
      workbook: workbookWithDraft(latest, draft),
      draftId: draft.id,
      formats: choice === 'both' ? ['docx', 'pdf'] : [choice],
      mode,
      attachWorkbook,
    });
    setJob(null);
    if (!r.ok) {
      // A refusal with one reason names it in the message (the notice lists reasons only when there are several).
      const [only, ...more] = r.error.issues ?? [];
      showError(only && more.length === 0 ? { ...r.error, message: `${r.error.message} ${only.path}: ${only.message}` } : r.error);
      return;
    }
    if (r.value.status === 'cancelled') {
      if (cancelledByOfficer.current) showStatus('Export cancelled. No files were saved.');
      return;
    }
    const made = r.value.files;
    setFiles(made);
    const names = made.map((f) => `“${f.fileName}”`).join(' and ');
    const open = r.value.unanswered.length;
    showStatus(
      r.value.mode === 'final'
        ? `Saved ${names}, final.`
        : `Saved ${names}, marked DRAFT.${open > 0 ? ` ${open === 1 ? 'One question is' : `${open} questions are`} still unanswered and marked as guidance in the document.` : ''}`,
    );
  }, [draft, refused, choice, mode, attachWorkbook]);

  const cancel = useCallback(async () => {
    if (!job) return;
    cancelledByOfficer.current = true;
    setJob({ ...job, cancelling: true });
    const r = await call('cancelDocumentJob', { jobId: job.jobId });
    if (!r.ok) showError(r.error);
  }, [job]);

  /** A new template or draft: nothing of the last one's export stays on screen. */
  const reset = useCallback(() => {
    setShowErrors(false);
    setFiles([]);
  }, []);

  return { job, files, showErrors, hideErrors: () => setShowErrors(false), summaryRef, exportNow, cancel, reset };
}
