/**
 * Writes the workshop kit and the workshop report through the document engine: the report is an engine document
 * model rendered by its Word renderer and printed by printDocumentPdf; the kit is print HTML in the engine's
 * conventions (shared/workshop/kit) printed by the same PdfPrinter and finished by the same finishPdf, so every
 * PDF is tagged, titled, in en-GB and carries its source. Used by the app (IPC) and the command line alike.
 */
import { documentSnapshotText } from '../../../../shared/model/document-snapshot';
import { safeFileStem } from '../file-names';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { DocModel } from '../../../../shared/documents/model';
import { finishPdf } from '../../../../shared/documents/pdf/finish-pdf';
import { printDocumentPdf } from '../../../../shared/documents/pdf/print-document-pdf';
import type { PdfPrinter } from '../../../../shared/documents/pdf/printer';
import { officialName } from '../../../../shared/documents/template/data-view';
import type { Workbook, Workshop } from '../../../../shared/model/workbook-schema';
import { fail, ok, type Result } from '../../../../shared/result';
import {
  ballotSheetsPage,
  buildKit,
  type KitPage,
  type KitPart,
  type PageSize,
} from '../../../../shared/workshop/kit/kit-html';
import { buildWorkshopReport } from '../../../../shared/workshop/report';
import type { WallPoster } from '../../../../shared/workshop/kit/wall-poster';
import { describeWriteError, writeFileAtomic } from '../atomic-write';
import { documentFontCss } from '../documents/fonts';
import { nodeZlib } from '../documents/node-zlib';
import { renderDocx } from '../documents/render-docx';

const workshopFileStem = (title: string): string => safeFileStem(title, 'Workshop');

export interface WrittenFile {
  readonly path: string;
  readonly fileName: string;
  readonly bytes: number;
  readonly description: string;
  readonly part: KitPart | 'report';
  readonly format: 'pdf' | 'docx';
  readonly pageSize?: PageSize;
}

/**
 * What a kit or report PDF carries of its workbook: the objectives and services the workshop's activities are
 * about (all, when they name none), never the workshop itself (the facilitator's notes, who took part and how
 * they voted), other partners or drafts, and names only when the report was made with them.
 */
export function workshopSnapshot(wb: Workbook, workshopId: string | null, includeNames: boolean): string {
  const workshop = wb.workshops.find((w) => w.id === workshopId);
  const objectiveIds = [...new Set(workshop?.activities.flatMap((a) => a.scope.objectiveIds) ?? [])];
  const serviceIds = [...new Set(workshop?.activities.flatMap((a) => a.scope.serviceIds) ?? [])];
  return documentSnapshotText(wb, {
    objectiveIds: objectiveIds.length > 0 ? objectiveIds : null,
    serviceIds: serviceIds.length > 0 ? serviceIds : null,
    partnerId: null,
    includeNames,
  });
}

function kitDocModel(wb: Workbook, page: KitPage, generatedAt: Date): DocModel {
  const organisation = officialName(wb);
  return {
    properties: {
      title: page.title,
      subject: page.description,
      author: wb.author || organisation,
      organisation,
      language: 'en-GB',
      keywords: ['libraries', 'workshop', 'kit', page.part],
      description: page.description,
      generatedAt: generatedAt.toISOString(),
      templateId: `workshop-kit-${page.part}`,
      templateVersion: '1.0.0',
    },
    marking: 'NONE',
    runningTitle: page.title,
    titlePage: { title: page.title, subtitle: '', organisation, details: [] },
    sections: [],
    references: [],
  };
}

/** finishPdf labels the first page "Cover" for reports; kit pages have no cover, so their labels are plain numbers. */
async function withPlainPageLabels(pdfBytes: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  pdf.catalog.delete(PDFName.of('PageLabels'));
  return pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
}

export function chooseWorkshop(wb: Workbook, workshopId: string | null): Result<Workshop | null> {
  if (workshopId) {
    const w = wb.workshops.find((x) => x.id === workshopId);
    return w
      ? ok(w)
      : fail('NOT_FOUND', `There is no workshop with the id “${workshopId}” in this workbook.`);
  }
  if (wb.workshops.length === 0) return ok(null);
  // Otherwise the one still to run, or the most recent.
  const upcoming = wb.workshops.filter((w) => w.status !== 'closed');
  const pool = upcoming.length > 0 ? upcoming : wb.workshops;
  return ok([...pool].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0]!);
}

async function write(path: string, data: Uint8Array): Promise<Result<number>> {
  try {
    await writeFileAtomic(path, data);
    return ok(data.byteLength);
  } catch (e) {
    return fail('WRITE_FAILED', describeWriteError(e, path));
  }
}

export interface KitRequest {
  readonly workbook: Workbook;
  readonly workshopId: string | null;
  readonly folder: string;
  readonly largePrint: boolean;
  /** Also print the map as a wall poster in this format. */
  readonly wallPoster?: WallPoster | null;
  /** Print only this vote's numbered voting sheets. */
  readonly votingSheetsFor?: string;
  readonly printer: PdfPrinter;
  readonly generatedAt?: Date;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number, fileName: string) => void;
}

/** Prints every part of the kit to its own PDF in the folder. */
export async function writeWorkshopKit(
  r: KitRequest,
): Promise<Result<{ files: WrittenFile[]; workshop: Workshop | null }>> {
  const chosen = chooseWorkshop(r.workbook, r.workshopId);
  if (!chosen.ok) return chosen;
  const generatedAt = r.generatedAt ?? new Date();
  const options = { fontCss: documentFontCss(), largePrint: r.largePrint, wallPoster: r.wallPoster ?? null };
  let pages: KitPage[];
  if (r.votingSheetsFor !== undefined) {
    const sheets = chosen.value
      ? ballotSheetsPage(r.workbook, chosen.value, r.votingSheetsFor, options)
      : null;
    if (!sheets)
      return fail('NOT_FOUND', 'That vote is no longer in the workshop, or it has no options to print.');
    pages = [sheets];
  } else pages = buildKit(r.workbook, chosen.value, options);
  const snapshot = workshopSnapshot(r.workbook, chosen.value?.id ?? null, false);
  try {
    await mkdir(r.folder, { recursive: true });
  } catch (e) {
    return fail('WRITE_FAILED', describeWriteError(e, r.folder));
  }
  const files: WrittenFile[] = [];
  for (const [i, page] of pages.entries()) {
    if (r.signal?.aborted) return fail('CANCELLED', 'Printing the kit was cancelled.');
    r.onProgress?.(i, pages.length, page.fileName);
    const printed = await r.printer.print(page.html, r.signal ? { signal: r.signal } : {});
    const finished = await withPlainPageLabels(
      await finishPdf(printed, kitDocModel(r.workbook, page, generatedAt), {
        workbookSnapshot: snapshot,
        zlib: nodeZlib,
      }),
    );
    const fileName = `${workshopFileStem(`${page.fileName}${r.largePrint ? ' (large print)' : ''}`)}.pdf`;
    const path = join(r.folder, fileName);
    const written = await write(path, finished);
    if (!written.ok) return written;
    files.push({
      path,
      fileName,
      bytes: written.value,
      description: page.description,
      part: page.part,
      format: 'pdf',
      pageSize: page.pageSize,
    });
  }
  r.onProgress?.(pages.length, pages.length, '');
  return ok({ files, workshop: chosen.value });
}

export interface ReportRequest {
  readonly workbook: Workbook;
  readonly workshopId: string;
  /** The path without extension; each format is written beside it. */
  readonly stem: string;
  readonly formats: ReadonlyArray<'docx' | 'pdf'>;
  readonly printer?: PdfPrinter;
  readonly includeNames?: boolean;
  readonly generatedAt?: Date;
  readonly signal?: AbortSignal;
}

/** "Workshop report - Libraries and the Council Plan - leadership workshop": the title's colons become dashes. */
const titledStem = (what: string, w: Pick<Workshop, 'title'>): string =>
  workshopFileStem(`${what} - ${w.title.replace(/\s*:\s*/g, ' - ')}`);

export function reportFileStem(w: Pick<Workshop, 'title'>): string {
  return titledStem('Workshop report', w);
}

/** The folder the app prints a workshop's kit into, inside the folder the officer chose. */
export function kitFolderName(w: Pick<Workshop, 'title'>): string {
  return titledStem('Workshop kit', w);
}

/** The report in Word and/or PDF. */
export async function writeWorkshopReport(
  r: ReportRequest,
): Promise<Result<{ files: WrittenFile[]; document: DocModel }>> {
  const doc = buildWorkshopReport(r.workbook, r.workshopId, {
    generatedAt: r.generatedAt ?? new Date(),
    includeNames: r.includeNames ?? false,
  });
  if (!doc) return fail('NOT_FOUND', `There is no workshop with the id “${r.workshopId}” in this workbook.`);
  const files: WrittenFile[] = [];
  const formats = [...new Set(r.formats)];
  try {
    await mkdir(dirname(r.stem), { recursive: true });
  } catch (e) {
    return fail('WRITE_FAILED', describeWriteError(e, dirname(r.stem)));
  }
  for (const format of formats) {
    if (r.signal?.aborted) return fail('CANCELLED', 'The report was cancelled.');
    let bytes: Uint8Array;
    if (format === 'docx') bytes = await renderDocx(doc);
    else {
      if (!r.printer)
        return fail(
          'UNSUPPORTED',
          'A PDF needs a PDF printer, and none is available here. The Word version can still be made.',
        );
      bytes = (
        await printDocumentPdf(doc, r.printer, {
          fontCss: documentFontCss(),
          workbookSnapshot: workshopSnapshot(r.workbook, r.workshopId, r.includeNames ?? false),
          zlib: nodeZlib,
          ...(r.signal ? { signal: r.signal } : {}),
        })
      ).pdf;
    }
    const path = `${r.stem}.${format}`;
    const written = await write(path, bytes);
    if (!written.ok) return written;
    files.push({
      path,
      fileName: path.split(/[\\/]/).pop()!,
      bytes: written.value,
      description: doc.properties.title,
      part: 'report',
      format,
      pageSize: 'A4',
    });
  }
  return ok({ files, document: doc });
}
