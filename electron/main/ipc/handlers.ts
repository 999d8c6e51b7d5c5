/**
 * IPC handlers: plain async functions over injected services. The Electron main process passes real dialogs,
 * shell and window adapters; the browser test harness passes scripted ones; both share everything else.
 */
import { basename } from 'node:path';
import { FILE_EXTENSION } from '../../../shared/model/workbook-format';
import type { Workbook } from '../../../shared/model/workbook-schema';
import type { AppInfo, EventPayload } from '../../../shared/ipc/contract';
import type { EventName } from '../../../shared/ipc/channel-names';
import type { DocumentFormat } from '../../../shared/ipc/documents-contract';
import { fail, ok } from '../../../shared/result';
import type { DocumentSessions } from '../services/document-sessions';
import { documentFileStem, type DocumentService } from '../services/documents/document-service';
import { chooseExportDestination } from './export-destination';
import { safeFileStem } from '../services/file-names';
import { describeWriteError } from '../services/atomic-write';
import type { RecoveryStore } from '../services/recovery-store';
import type { SettingsService } from '../services/settings-service';
import { allowedExternalUrl } from '../security-policy';
import type { Handlers } from './router';
import { createWorkshopHandlers, type PresenterPort } from './workshop-handlers';
import type { WorkshopService } from '../services/workshop/workshop-service';
import { access } from 'node:fs/promises';
import type { FileHandles } from './file-handles';

export interface DialogPort {
  /** Asks for a workbook to open; null when cancelled. */
  chooseWorkbookToOpen(): Promise<string | null>;
  /** Asks where to save; null when cancelled. */
  chooseSaveLocation(suggestedFileName: string): Promise<string | null>;
  /** Asks for a folder of document templates; null when cancelled. */
  chooseTemplateFolder(): Promise<string | null>;
  /** Asks where to save a generated document (each format gets its own extension); null when cancelled. */
  chooseDocumentDestination(suggestedFileName: string, formats: readonly DocumentFormat[]): Promise<string | null>;
  /** Asks for a folder to write files into (the workshop kit); null when cancelled. */
  chooseOutputFolder(title: string): Promise<string | null>;
  /**
   * Asks whether files that already exist may be replaced (the save dialog only asked about the one file the
   * officer named; an export in both formats also writes its companion beside it). True means replace.
   */
  confirmReplace(fileNames: readonly string[]): Promise<boolean>;
}

export interface ShellPort {
  openExternal(url: string): Promise<void>;
  showItemInFolder(path: string): void;
  openFolder(path: string): Promise<void>;
  /** Opens a file in the program the operating system uses for it. */
  openFile(path: string): Promise<void>;
}

/** Sends an event to the renderer (progress of long jobs). */
export interface EventSink {
  send<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export interface WindowPort {
  setTitle(title: string): void;
  setDirty(dirty: boolean): void;
  /** Closes the window without asking again (the renderer has dealt with unsaved changes). */
  closeConfirmed(): void;
}

export interface Services {
  readonly appInfo: AppInfo;
  readonly documents: DocumentSessions;
  readonly recovery: RecoveryStore;
  readonly settings: SettingsService;
  readonly dialogs: DialogPort;
  readonly shell: ShellPort;
  readonly window: WindowPort;
  readonly documentService: DocumentService;
  readonly events: EventSink;
  readonly presenter: PresenterPort;
  readonly workshop: WorkshopService;
  readonly fileHandles: FileHandles;
  /** Called when a file was opened or saved, e.g. to refresh the Open Recent menu. */
  readonly onRecentFilesChanged?: () => void;
}

/** "Essex libraries 2026/27" → "Essex libraries 2026-27.awbook" */
export function suggestedFileName(workbook: Workbook): string {
  return `${safeFileStem(workbook.title, 'Workbook')}.${FILE_EXTENSION}`;
}

function withExtension(path: string): string {
  return path.toLowerCase().endsWith(`.${FILE_EXTENSION}`) ? path : `${path}.${FILE_EXTENSION}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export function createHandlers(s: Services): Handlers {
  /** Workbooks this run opened or saved: the files, besides documents it made, it may show in their folder. */
  const touched = new Set<string>();
  const remember = (path: string, title: string) => {
    touched.add(path);
    s.settings.addRecentFile(path, title);
    s.onRecentFilesChanged?.();
  };
  const wroteOrOpened = (path: string) =>
    touched.has(path) || s.documents.findByPath(path) !== null || s.documentService.wasGenerated(path) || s.workshop.wasWritten(path);
  const UNKNOWN_FILE = 'That file is no longer known to the app. Use Open to choose it again.';

  const saveAs = async (docId: string | null, workbook: Workbook) => {
    const chosen = await s.dialogs.chooseSaveLocation(suggestedFileName(workbook));
    if (chosen === null) return ok({ status: 'cancelled' as const });
    const saved = await s.documents.saveAs(docId, withExtension(chosen), workbook);
    if (saved.ok && saved.value.status === 'saved') remember(saved.value.doc.path, workbook.title);
    return saved;
  };

  return {
    getAppInfo: async () => ok(s.appInfo),

    openWorkbook: async (input) => {
      let path: string | null;
      if (input.file !== undefined) {
        path = s.fileHandles.pathOf(input.file);
        if (path === null) return fail('NOT_FOUND', UNKNOWN_FILE);
      } else path = await s.dialogs.chooseWorkbookToOpen();
      if (path === null) return ok({ status: 'cancelled' });
      const already = s.documents.findByPath(path);
      if (already && !input.readOnly)
        return fail('FORBIDDEN', `“${basename(path)}” is already open in this window.`);
      const opened = await s.documents.open(path, {
        ...(input.takeOverLock ? { takeOverLock: true } : {}),
        ...(input.readOnly ? { readOnly: true } : {}),
      });
      if (!opened.ok) return opened;
      const outcome = opened.value;
      if (outcome.status === 'locked') return ok({ ...outcome, file: s.fileHandles.issue(path) });
      remember(path, outcome.workbook.title);
      return ok(outcome);
    },

    saveWorkbook: async ({ docId, workbook, overwriteChanged }) => {
      const doc = docId ? s.documents.get(docId) : null;
      if (!doc || doc.readOnly) return saveAs(docId, workbook);
      const saved = await s.documents.save(doc.docId, workbook, overwriteChanged ? { overwriteChanged } : {});
      if (saved.ok && saved.value.status === 'saved') remember(saved.value.doc.path, workbook.title);
      return saved;
    },

    saveWorkbookAs: async ({ docId, workbook }) => saveAs(docId, workbook),

    closeWorkbook: async ({ docId }) => {
      await s.documents.close(docId);
      return ok({});
    },

    writeRecoverySnapshot: async ({ sessionId, docId, workbook }) => {
      const doc = docId ? s.documents.get(docId) : null;
      const written = await s.recovery.write(sessionId, {
        workbook,
        docPath: doc?.path ?? null,
        baseStamp: doc ? s.documents.stampOf(doc.docId) : null,
      });
      return ok(written);
    },

    discardRecoverySnapshot: async ({ sessionId }) => {
      await s.recovery.discard(sessionId);
      return ok({});
    },

    listRecoverySnapshots: async () => ok({ snapshots: await s.recovery.listOrphans() }),

    restoreRecoverySnapshot: async ({ sessionId }) => {
      const snap = await s.recovery.read(sessionId);
      if (!snap) return fail('NOT_FOUND', 'That recovered copy is no longer available or is damaged.');
      let doc = null;
      if (snap.info.docPath && (await exists(snap.info.docPath))) {
        const adopted = await s.documents.adopt(snap.info.docPath, snap.baseStamp);
        if (adopted.ok) doc = adopted.value;
      }
      return ok({ workbook: snap.workbook, doc, originalPath: snap.info.docPath });
    },

    exportRecoverySnapshot: async ({ sessionId }) => {
      const snapshots = await s.recovery.listOrphans();
      const snap = snapshots.find((x) => x.sessionId === sessionId);
      if (!snap) return fail('NOT_FOUND', 'That recovered copy is no longer available.');
      const chosen = await s.dialogs.chooseSaveLocation(`${safeFileStem(snap.title, 'Recovered work')} (recovered).${FILE_EXTENSION}`);
      if (chosen === null) return ok({ status: 'cancelled' as const });
      const target = withExtension(chosen);
      if (s.documents.findByPath(target))
        return fail('FORBIDDEN', `“${basename(target)}” is open in this app. Choose another name for the recovered copy.`);
      try {
        if (!(await s.recovery.exportRaw(sessionId, target))) return fail('NOT_FOUND', 'That recovered copy is no longer available.');
      } catch (e) {
        return fail('WRITE_FAILED', describeWriteError(e, target));
      }
      return ok({ status: 'saved' as const, fileName: basename(target) });
    },

    listRecentFiles: async () => {
      const files = await Promise.all(
        s.settings.recentFiles().map(async (f) => ({ ...f, file: s.fileHandles.issue(f.path), exists: await exists(f.path) })),
      );
      return ok({ files });
    },
    removeRecentFile: async ({ file }) => {
      const path = s.fileHandles.pathOf(file);
      if (path === null) return fail('NOT_FOUND', UNKNOWN_FILE);
      s.settings.removeRecentFile(path);
      s.onRecentFilesChanged?.();
      return ok({});
    },
    clearRecentFiles: async () => {
      s.settings.clearRecentFiles();
      s.onRecentFilesChanged?.();
      return ok({});
    },

    getPreferences: async () => ok(s.settings.preferences()),
    setPreferences: async (patch) => ok(s.settings.setPreferences(patch)),

    openExternal: async ({ url }) => {
      const allowed = allowedExternalUrl(url);
      if (!allowed) return fail('FORBIDDEN', 'Only secure web links (https) and email addresses can be opened from the app.');
      await s.shell.openExternal(allowed);
      return ok({});
    },
    showItemInFolder: async ({ path }) => {
      // Only files this run opened or wrote: otherwise a page could learn whether any path exists.
      if (!wroteOrOpened(path)) return fail('FORBIDDEN', 'Only workbooks and documents opened or made in this session can be shown in their folder.');
      if (!(await exists(path))) return fail('NOT_FOUND', `“${basename(path)}” could not be found.`);
      s.shell.showItemInFolder(path);
      return ok({});
    },
    openLogsFolder: async () => {
      await s.shell.openFolder(s.appInfo.logsFolder);
      return ok({});
    },

    setWindowState: async ({ title, dirty }) => {
      s.window.setTitle(title);
      s.window.setDirty(dirty);
      return ok({});
    },
    confirmClose: async () => {
      await s.documents.closeAll();
      s.window.closeConfirmed();
      return ok({});
    },

    listTemplates: async () => ok(await s.documentService.listTemplates()),
    addTemplateFolder: async () => {
      const folder = await s.dialogs.chooseTemplateFolder();
      if (folder === null) return ok({ status: 'cancelled' });
      const folders = s.settings.preferences().templateFolders;
      if (!folders.includes(folder)) s.settings.setPreferences({ templateFolders: [...folders, folder] });
      return ok({ status: 'added', listing: await s.documentService.listTemplates() });
    },
    removeTemplateFolder: async ({ folder }) => {
      const folders = s.settings.preferences().templateFolders;
      s.settings.setPreferences({ templateFolders: folders.filter((f) => f !== folder) });
      return ok(await s.documentService.listTemplates());
    },
    previewDocument: async ({ workbook, draftId }) => s.documentService.preview(workbook, draftId),
    documentFonts: async () => ok({ css: s.documentService.fontCss() }),
    prepareDocumentExport: async () => {
      s.documentService.prepareExport();
      return ok({});
    },
    generateDocument: async ({ jobId, workbook, draftId, formats, mode, attachWorkbook }) => {
      const draft = workbook.drafts.find((d) => d.id === draftId);
      if (!draft) return fail('NOT_FOUND', 'That document draft is no longer in the workbook. Choose a template again.');
      if (s.documentService.busy)
        return fail('FORBIDDEN', 'Another document is being made. Wait for it to finish, or cancel it, and try again.');
      if (mode === 'final') {
        const ready = await s.documentService.checkFinal(workbook, draftId);
        if (!ready.ok) return ready;
      }
      const unique = [...new Set(formats)];
      const destination = await chooseExportDestination(s.dialogs, `${documentFileStem(draft.title)}.${unique[0]}`, unique);
      if (destination === null) return ok({ status: 'cancelled' });
      return s.documentService.generate({
        jobId,
        workbook,
        draftId,
        formats: unique,
        mode,
        destination,
        attachWorkbook,
        onProgress: (progress) => s.events.send('documentProgress', progress),
      });
    },
    cancelDocumentJob: async ({ jobId }) => ok({ cancelled: s.documentService.cancel(jobId) }),
    openGeneratedDocument: async ({ path }) => {
      // Only files this session wrote: a path from the renderer must never become "run this program".
      if (!s.documentService.wasGenerated(path))
        return fail('FORBIDDEN', 'Only documents made in this session can be opened from here.');
      if (!(await exists(path))) return fail('NOT_FOUND', `“${basename(path)}” could not be found. It may have been moved or deleted.`);
      await s.shell.openFile(path);
      return ok({});
    },
    ...createWorkshopHandlers({
      presenter: s.presenter,
      tellConsolePages: (pages) => s.events.send('presenterPages', pages),
      workshop: s.workshop,
      chooseOutputFolder: (title) => s.dialogs.chooseOutputFolder(title),
      chooseDocumentDestination: (name, formats) => chooseExportDestination(s.dialogs, name, formats),
      openFile: (path) => s.shell.openFile(path),
    }),
  };
}

