/**
 * Where an export goes: the save dialog names one file, and an export in both formats also writes its companion
 * beside it, so replacing that one is asked about too. Documents and workshop reports both export this way.
 */
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DocumentFormat } from '../../../shared/ipc/documents-contract';
import { destinationStem } from '../services/documents/document-service';

export interface ExportDialogs {
  chooseDocumentDestination(suggestedFileName: string, formats: readonly DocumentFormat[]): Promise<string | null>;
  confirmReplace(fileNames: readonly string[]): Promise<boolean>;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The chosen path, or null when the officer cancelled the dialog or chose not to replace a companion file. */
export async function chooseExportDestination(
  dialogs: ExportDialogs,
  suggestedFileName: string,
  formats: readonly DocumentFormat[],
): Promise<string | null> {
  const destination = await dialogs.chooseDocumentDestination(suggestedFileName, formats);
  if (destination === null) return null;
  const chosen = destination.toLowerCase();
  const companions = formats.map((f) => `${destinationStem(destination)}.${f}`).filter((p) => p.toLowerCase() !== chosen);
  const existing: string[] = [];
  for (const p of companions) if (await exists(p)) existing.push(basename(p));
  if (existing.length > 0 && !(await dialogs.confirmReplace(existing))) return null;
  return destination;
}
