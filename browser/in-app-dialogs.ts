/**
 * File dialogs drawn inside the app's own window (browser/page/file-dialog.js) in place of the operating
 * system's, for the browser mode, where there is no native dialog to call. The node side answers the dialog's
 * folder listings (only while a dialog is open, only for the app's main window) and checks its answer: the folder
 * must be one the dialog showed, an opened file must exist, a saved file gets the extension it needs.
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, isAbsolute, join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DocumentFormat } from '../shared/ipc/documents-contract';
import { FILE_EXTENSION } from '../shared/model/workbook-format';
import type { DialogPort } from '../electron/main/ipc/handlers';
import type { BindingSource } from './binding';
import { listFolder, places, type FolderListing, type Place } from './folder-listing';

/** What the page's dialog is asked to show. */
export interface DialogRequest {
  readonly kind: 'open' | 'save' | 'folder' | 'confirm';
  readonly title: string;
  readonly action: string;
  readonly folder?: string;
  readonly fileName?: string;
  /** Files with these extensions are shown (the officer can show all files when opening). */
  readonly extensions?: readonly string[];
  readonly filterLabel?: string;
  readonly message?: string;
  readonly places?: readonly Place[];
}

/** What the page's dialog answers: a folder and, for files, a name in it; null when cancelled. */
export type DialogAnswer = { readonly folder: string; readonly name?: string } | boolean | null;

const DIALOG_SCRIPT_PATH = join(import.meta.dirname, 'page', 'file-dialog.js');

export function fileDialogScript(): string {
  return readFileSync(DIALOG_SCRIPT_PATH, 'utf8');
}

const FORMAT_NAMES: Record<DocumentFormat, string> = { docx: 'Word document', pdf: 'PDF document' };

export interface InAppDialogs {
  readonly port: DialogPort;
  /** The __workbenchListFolder binding. */
  listFolderBinding(source: BindingSource, folder: unknown): Promise<FolderListing>;
}

/** Rejects names a file system would refuse or that would leave the chosen folder. */
export function validFileName(name: string): boolean {
  const control = [...name].some((c) => c.charCodeAt(0) < 0x20);
  return (
    !control &&
    name.trim() === name &&
    name.length > 0 &&
    name.length <= 255 &&
    !/[\\/:*?"<>|]/.test(name) &&
    !name.endsWith('.')
  );
}

export function inAppDialogs(options: {
  page: () => Page | null;
  defaultFolder: () => string;
  isAppWindow: (page: Page) => boolean;
}): InAppDialogs {
  /** The folders the open dialog has shown, so its answer must be one of them; null while none is open. */
  let shown: Set<string> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** One dialog at a time; resolves to the answer and the folders the dialog showed. */
  const ask = (request: DialogRequest): Promise<{ answer: DialogAnswer; seen: ReadonlySet<string> }> => {
    const run = async () => {
      const page = options.page();
      const seen = new Set<string>();
      if (!page || page.isClosed()) return { answer: null, seen };
      shown = seen;
      try {
        const answer = await page.evaluate(
          (r) =>
            (
              window as unknown as { __workbenchFileDialog(r: unknown): Promise<DialogAnswer> }
            ).__workbenchFileDialog(r),
          { ...request, places: places() },
        );
        return { answer, seen };
      } catch {
        // The window closed while the dialog was open: as good as Cancel.
        return { answer: null, seen };
      } finally {
        shown = null;
      }
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  /** Asks, and checks the answer against the folders the dialog showed. */
  const askForPath = async (
    request: DialogRequest,
    check: (folder: string, name: string | undefined) => Promise<string | null>,
  ) => {
    const { answer, seen } = await ask(request);
    if (!answer || typeof answer !== 'object' || typeof answer.folder !== 'string') return null;
    if (!isAbsolute(answer.folder) || !seen.has(answer.folder)) return null;
    return check(answer.folder, typeof answer.name === 'string' ? answer.name : undefined);
  };

  const isFolder = (path: string) =>
    stat(path).then(
      (s) => s.isDirectory(),
      () => false,
    );
  const isFile = (path: string) =>
    stat(path).then(
      (s) => s.isFile(),
      () => false,
    );

  const openFile = (request: DialogRequest) =>
    askForPath(request, async (folder, name) => {
      if (!name || !validFileName(name)) return null;
      const path = join(folder, name);
      return (await isFile(path)) ? path : null;
    });
  const saveFile = (request: DialogRequest, extension: string) =>
    askForPath(request, async (folder, name) => {
      if (!name || !validFileName(name)) return null;
      const withExtension = extname(name).toLowerCase() === `.${extension}` ? name : `${name}.${extension}`;
      return join(folder, withExtension);
    });
  const chooseFolder = (request: DialogRequest) =>
    askForPath(request, async (folder, name) => {
      const path = name ? (validFileName(name) ? join(folder, name) : null) : folder;
      return path && (await isFolder(path)) ? path : null;
    });

  const port: DialogPort = {
    chooseWorkbookToOpen: () =>
      openFile({
        kind: 'open',
        title: 'Open workbook',
        action: 'Open',
        folder: options.defaultFolder(),
        extensions: [FILE_EXTENSION],
        filterLabel: 'Alignment Workbench workbooks',
      }),
    chooseSaveLocation: (suggestedFileName) =>
      saveFile(
        {
          kind: 'save',
          title: 'Save workbook',
          action: 'Save',
          folder: options.defaultFolder(),
          fileName: suggestedFileName,
          extensions: [FILE_EXTENSION],
          filterLabel: 'Alignment Workbench workbooks',
        },
        FILE_EXTENSION,
      ),
    chooseTemplateFolder: () =>
      chooseFolder({
        kind: 'folder',
        title: 'Add a template folder',
        action: 'Add folder',
        folder: options.defaultFolder(),
      }),
    chooseOutputFolder: (title) =>
      chooseFolder({ kind: 'folder', title, action: 'Choose folder', folder: options.defaultFolder() }),
    chooseDocumentDestination: (suggestedFileName, formats) =>
      saveFile(
        {
          kind: 'save',
          title:
            formats.length > 1
              ? 'Export the document (Word and PDF are saved side by side)'
              : 'Export the document',
          action: 'Export',
          folder: options.defaultFolder(),
          fileName: suggestedFileName,
          extensions: [formats[0] ?? 'docx'],
          filterLabel: formats.map((f) => FORMAT_NAMES[f]).join(' and '),
        },
        formats[0] ?? 'docx',
      ),
    async confirmReplace(fileNames) {
      const message =
        fileNames.length === 1
          ? `“${fileNames[0]}” already exists. Replace it?`
          : `These files already exist: ${fileNames.map((f) => `“${f}”`).join(', ')}. Replace them?`;
      return (
        (await ask({ kind: 'confirm', title: 'Replace existing files?', action: 'Replace', message }))
          .answer === true
      );
    },
  };

  return {
    port,
    async listFolderBinding(source, folder) {
      if (!shown || !options.isAppWindow(source.page) || source.frame !== source.page.mainFrame()) {
        return { ok: false, message: 'No file dialog is open.' };
      }
      if (typeof folder !== 'string') return { ok: false, message: 'A folder path is needed.' };
      const listing = await listFolder(folder);
      if (listing.ok) shown.add(listing.folder);
      return listing;
    },
  };
}
