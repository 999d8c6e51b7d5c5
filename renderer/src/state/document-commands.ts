/**
 * The document lifecycle as the officer sees it: new, open, save, save as, close, recover; with the questions
 * a careful desktop app asks (unsaved changes, someone else has it open, it changed on disk).
 */
import type { OpenOutcome, SaveOutcome } from '../../../shared/ipc/contract';
import { createWorkbook } from '../../../shared/model/new-workbook';
import type { Workbook } from '../../../shared/model/workbook-schema';
import type { Result } from '../../../shared/result';
import { call } from '../platform/api';
import { ask, showError, showStatus, useUiStore } from './ui-store';
import { documentName, selectDirty, useWorkbookStore } from './workbook-store';

const store = () => useWorkbookStore.getState();

function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Before the current workbook is replaced or closed: if it has unsaved changes, ask. Resolves true when it is
 * safe to go on (saved, or the officer chose not to save).
 */
export async function settleUnsavedChanges(action: string): Promise<boolean> {
  const s = store();
  if (!selectDirty(s)) return true;
  const choice = await ask({
    title: 'Save your changes?',
    body: [`“${documentName(s)}” has changes that have not been saved.`, `Save them before you ${action}?`],
    buttons: [
      { id: 'save', label: 'Save', kind: 'primary' },
      { id: 'discard', label: "Don't save", kind: 'danger' },
      { id: 'cancel', label: 'Cancel', kind: 'secondary' },
    ],
    cancelId: 'cancel',
  });
  if (choice === 'cancel') return false;
  if (choice === 'save') return saveWorkbook();
  return true;
}

/** Lets go of the current workbook: releases its lock and removes its recovery copy. */
export async function releaseCurrent(): Promise<void> {
  const s = store();
  if (s.doc) await call('closeWorkbook', { docId: s.doc.docId });
  await call('discardRecoverySnapshot', { sessionId: s.sessionId });
}

export async function newWorkbook(): Promise<void> {
  if (!(await settleUnsavedChanges('start a new workbook'))) return;
  const prefs = await call('getPreferences', {});
  await releaseCurrent();
  store().load(createWorkbook({ author: prefs.ok ? prefs.value.authorName : '' }), null);
  useUiStore.getState().setStep('authority');
  showStatus('New workbook created. Start by choosing your library authority.');
}

function loadOpened(outcome: Extract<OpenOutcome, { status: 'opened' }>) {
  store().load(outcome.workbook, outcome.doc);
  useUiStore.getState().setStep('authority');
  const notes: string[] = [];
  if (outcome.doc.readOnly) notes.push('It is open read-only: save a copy with Save As.');
  if (outcome.doc.migratedFrom !== null)
    notes.push(
      `It was made with an older version of the app and has been upgraded; when you save, the previous file is kept as a backup beside it.`,
    );
  showStatus([`Opened “${outcome.doc.fileName}”.`, ...notes].join(' '));
}

/** Opens a workbook: one main listed or was given (by its handle, with its path to show), or one the officer picks. */
export async function openWorkbook(known?: { file: string; path: string }): Promise<void> {
  if (!(await settleUnsavedChanges('open another workbook'))) return;
  const previous = store();
  let result: Result<OpenOutcome> = await call('openWorkbook', known ? { file: known.file } : {});
  if (result.ok && result.value.status === 'locked') {
    const { lock, path: lockedPath, file: lockedFile } = result.value;
    const fileName = lockedPath.split(/[\\/]/).pop() ?? lockedPath;
    const choice = await ask({
      title: 'This workbook is in use',
      body: [
        `“${fileName}” is open by ${lock.user} on ${lock.machine}, since ${formatWhen(lock.since)}.`,
        lock.stale
          ? 'Their copy has not been active for a while, so it may have been left open by mistake or after a crash. You can take it over, but any changes they have not saved would then conflict with yours.'
          : 'If you both edit it, one of you will overwrite the other. You can open it read-only and save a copy instead.',
      ],
      buttons: [
        { id: 'read-only', label: 'Open read-only', kind: 'primary' },
        { id: 'take-over', label: 'Take over', kind: lock.stale ? 'secondary' : 'danger' },
        { id: 'cancel', label: 'Cancel', kind: 'secondary' },
      ],
      cancelId: 'cancel',
    });
    if (choice === 'cancel') return;
    result = await call('openWorkbook', choice === 'read-only' ? { file: lockedFile, readOnly: true } : { file: lockedFile, takeOverLock: true });
  }
  if (!result.ok) {
    showError(result.error);
    if (known && (result.error.code === 'NOT_FOUND' || result.error.code === 'UNREADABLE')) void offerToForget(known);
    return;
  }
  if (result.value.status !== 'opened') return;
  if (previous.doc && previous.doc.docId !== result.value.doc.docId) await call('closeWorkbook', { docId: previous.doc.docId });
  await call('discardRecoverySnapshot', { sessionId: previous.sessionId });
  loadOpened(result.value);
}

async function offerToForget({ file, path }: { file: string; path: string }) {
  const choice = await ask({
    title: 'Remove from recent workbooks?',
    body: [`“${path}” could not be opened. Remove it from the list of recent workbooks?`],
    buttons: [
      { id: 'remove', label: 'Remove from list', kind: 'primary' },
      { id: 'keep', label: 'Keep', kind: 'secondary' },
    ],
    cancelId: 'keep',
  });
  if (choice === 'remove') await call('removeRecentFile', { file });
}

async function finishSave(
  base: Workbook,
  written: Workbook,
  result: Result<SaveOutcome>,
  retry: (overwrite: boolean) => Promise<boolean>,
) {
  if (!result.ok) {
    showError(result.error);
    return false;
  }
  const outcome = result.value;
  if (outcome.status === 'cancelled') return false;
  if (outcome.status === 'changed-on-disk') {
    const fileName = outcome.path.split(/[\\/]/).pop() ?? outcome.path;
    const choice = await ask({
      title: 'The file has changed',
      body: [
        `“${fileName}” has been changed by someone or something else since you opened it (perhaps a colleague, or OneDrive syncing another copy).`,
        'If you overwrite it, those changes will be lost. Saving a copy keeps both.',
      ],
      buttons: [
        { id: 'copy', label: 'Save a copy…', kind: 'primary' },
        { id: 'overwrite', label: 'Overwrite', kind: 'danger' },
        { id: 'cancel', label: 'Cancel', kind: 'secondary' },
      ],
      cancelId: 'cancel',
    });
    if (choice === 'cancel') return false;
    if (choice === 'copy') return saveWorkbookAs();
    return retry(true);
  }
  store().markSaved(base, written, outcome.doc);
  await call('discardRecoverySnapshot', { sessionId: store().sessionId });
  showStatus(`Saved “${outcome.doc.fileName}”.`);
  return true;
}

/** The copy that goes to disk carries the save time; after a good save the store adopts that same object. */
function stampedForSave(base: Workbook): Workbook {
  return { ...base, modified: new Date().toISOString() };
}

/** Saves to the workbook's file (asks where when it has none). Resolves true when saved. */
export async function saveWorkbook(overwriteChanged = false): Promise<boolean> {
  const s = store();
  if (!s.workbook) return false;
  const base = s.workbook;
  const written = stampedForSave(base);
  const result = await call('saveWorkbook', {
    docId: s.doc?.docId ?? null,
    workbook: written,
    ...(overwriteChanged ? { overwriteChanged: true } : {}),
  });
  return finishSave(base, written, result, (overwrite) => saveWorkbook(overwrite));
}

export async function saveWorkbookAs(): Promise<boolean> {
  const s = store();
  if (!s.workbook) return false;
  const base = s.workbook;
  const written = stampedForSave(base);
  const result = await call('saveWorkbookAs', { docId: s.doc?.docId ?? null, workbook: written });
  return finishSave(base, written, result, () => saveWorkbookAs());
}

export async function closeWorkbook(): Promise<void> {
  if (!store().workbook) return;
  if (!(await settleUnsavedChanges('close it'))) return;
  await releaseCurrent();
  store().clear();
  useUiStore.getState().setStep('start');
}

/** The window is closing with unsaved changes: ask, then let it close. */
export async function handleCloseRequest(): Promise<void> {
  if (!(await settleUnsavedChanges('close the app'))) return;
  await call('discardRecoverySnapshot', { sessionId: store().sessionId });
  await call('confirmClose', {});
}

export async function restoreRecovered(sessionId: string): Promise<void> {
  if (!(await settleUnsavedChanges('restore recovered work'))) return;
  const result = await call('restoreRecoverySnapshot', { sessionId });
  if (!result.ok) {
    showError(result.error);
    return;
  }
  await releaseCurrent();
  const { workbook, doc, originalPath } = result.value;
  // Keep the snapshot's session id, so the recovered copy stays protected until it is saved.
  store().load(workbook, doc, { dirty: true, sessionId });
  useUiStore.getState().setStep('authority');
  showStatus(
    doc
      ? `Recovered your unsaved changes to “${doc.fileName}”. Save to keep them.`
      : originalPath
        ? `Recovered your unsaved changes. The original file could not be reopened, so use Save As to keep them.`
        : 'Recovered your unsaved workbook. Save it to keep it.',
  );
}

/** A recovered copy that cannot be restored is saved as a file, for the officer or their helpdesk to mend. */
export async function exportRecovered(sessionId: string): Promise<void> {
  const result = await call('exportRecoverySnapshot', { sessionId });
  if (!result.ok) return showError(result.error);
  if (result.value.status === 'saved')
    showStatus(
      `Saved the recovered copy as “${result.value.fileName}”. It cannot be opened until the problem listed is mended; your IT helpdesk can do that in a text editor. Discard the recovered copy once you have it.`,
    );
}

export async function discardRecovered(sessionId: string): Promise<void> {
  const choice = await ask({
    title: 'Discard recovered work?',
    body: ['The recovered changes will be deleted. This cannot be undone.'],
    buttons: [
      { id: 'discard', label: 'Discard', kind: 'danger' },
      { id: 'cancel', label: 'Cancel', kind: 'secondary' },
    ],
    cancelId: 'cancel',
  });
  if (choice === 'discard') await call('discardRecoverySnapshot', { sessionId });
}
