/**
 * The operating-system ports the IPC handlers need, implemented with Electron. One of the few files that
 * import electron.
 */
import { dialog, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { DocumentFormat } from '../../../shared/ipc/documents-contract';
import { FILE_EXTENSION } from '../../../shared/model/workbook-format';
import type { DialogPort, ShellPort } from '../ipc/handlers';

const WORKBOOK_FILTER = { name: 'Alignment Workbench workbook', extensions: [FILE_EXTENSION] };

export function electronDialogs(getWindow: () => BrowserWindow | null, defaultFolder: () => string): DialogPort {
  // Each dialog belongs to the app's window when there is one, so it stays in front of it.
  const chooseOne = async (options: Electron.OpenDialogOptions) => {
    const win = getWindow();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  const chooseSavePath = async (options: Electron.SaveDialogOptions) => {
    const win = getWindow();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  return {
    chooseWorkbookToOpen: () =>
      chooseOne({
        title: 'Open workbook',
        defaultPath: defaultFolder(),
        properties: ['openFile'],
        filters: [WORKBOOK_FILTER, { name: 'All files', extensions: ['*'] }],
      }),
    chooseSaveLocation: (suggestedFileName) =>
      chooseSavePath({
        title: 'Save workbook',
        defaultPath: `${defaultFolder()}/${suggestedFileName}`,
        filters: [WORKBOOK_FILTER],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      }),
    chooseTemplateFolder: () =>
      chooseOne({
        title: 'Add a template folder',
        buttonLabel: 'Add folder',
        defaultPath: defaultFolder(),
        properties: ['openDirectory'],
      }),
    chooseOutputFolder: (title) =>
      chooseOne({
        title,
        buttonLabel: 'Choose folder',
        defaultPath: defaultFolder(),
        properties: ['openDirectory', 'createDirectory'],
      }),
    chooseDocumentDestination: (suggestedFileName, formats) =>
      chooseSavePath({
        title: formats.length > 1 ? 'Export the document (Word and PDF are saved side by side)' : 'Export the document',
        buttonLabel: 'Export',
        defaultPath: join(defaultFolder(), suggestedFileName),
        filters: formats.map((f: DocumentFormat) => DOCUMENT_FILTERS[f]),
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      }),
    async confirmReplace(fileNames) {
      const win = getWindow();
      const options: Electron.MessageBoxOptions = {
        type: 'warning',
        title: 'Replace existing files?',
        message: fileNames.length === 1 ? `“${fileNames[0]}” already exists. Replace it?` : `These files already exist: ${fileNames.map((f) => `“${f}”`).join(', ')}. Replace them?`,
        buttons: ['Replace', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      };
      const result = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      return result.response === 0;
    },
  };
}

const DOCUMENT_FILTERS: Record<DocumentFormat, Electron.FileFilter> = {
  docx: { name: 'Word document', extensions: ['docx'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
};

async function openPath(path: string): Promise<void> {
  const error = await shell.openPath(path);
  if (error) throw new Error(error);
}

export function electronShell(): ShellPort {
  return {
    openExternal: (url) => shell.openExternal(url),
    showItemInFolder: (path) => shell.showItemInFolder(path),
    // shell.openPath reports failure as a message rather than a rejection.
    openFolder: openPath,
    openFile: openPath,
  };
}
