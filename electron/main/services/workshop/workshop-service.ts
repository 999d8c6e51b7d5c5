/**
 * The app's side of the workshop kit and report: one job at a time, a PDF printer started on first use and kept
 * until the app closes, and a record of the files this session wrote, so only those can be opened from the
 * renderer (a path from the renderer must never become "open this program").
 */
import { dirname } from 'node:path';
import type { PdfPrinter } from '../../../../shared/documents/pdf/printer';
import type { WorkshopFile } from '../../../../shared/ipc/workshop-contract';
import type { Workbook } from '../../../../shared/model/workbook-schema';
import { fail, ok, type Result } from '../../../../shared/result';
import type { WallPoster } from '../../../../shared/workshop/kit/wall-poster';
import {
  reportFileStem,
  writeWorkshopKit,
  writeWorkshopReport,
  type WrittenFile,
} from './workshop-documents';

export interface WorkshopServiceOptions {
  readonly startPrinter: () => Promise<PdfPrinter>;
  readonly now?: () => Date;
}

const toFile = (f: WrittenFile): WorkshopFile => ({
  path: f.path,
  fileName: f.fileName,
  bytes: f.bytes,
  description: f.description,
  format: f.format,
  pageSize: f.pageSize ?? null,
});

export class WorkshopService {
  private printer: Promise<PdfPrinter> | null = null;
  private readonly written = new Set<string>();
  private running = false;

  constructor(private readonly options: WorkshopServiceOptions) {}

  get busy(): boolean {
    return this.running;
  }

  wasWritten(path: string): boolean {
    return this.written.has(path);
  }

  /** The report's file stem, for the save dialog. */
  suggestedReportName(workbook: Workbook, workshopId: string): string | null {
    const w = workbook.workshops.find((x) => x.id === workshopId);
    return w ? reportFileStem(w) : null;
  }

  private async startPrinter(): Promise<Result<PdfPrinter>> {
    this.printer ??= this.options.startPrinter();
    try {
      return ok(await this.printer);
    } catch (e) {
      this.printer = null;
      return fail(
        'UNSUPPORTED',
        `PDFs cannot be made on this computer (${e instanceof Error ? e.message : String(e)}).`,
      );
    }
  }

  private async exclusive<T>(job: () => Promise<Result<T>>): Promise<Result<T>> {
    if (this.running)
      return fail('FORBIDDEN', 'The kit or report is still being made. Wait for it to finish and try again.');
    this.running = true;
    try {
      return await job();
    } finally {
      this.running = false;
    }
  }

  printKit(
    workbook: Workbook,
    workshopId: string,
    folder: string,
    largePrint: boolean,
    votingSheetsFor?: string,
    wallPoster: WallPoster | null = null,
  ): Promise<Result<{ folder: string; files: WorkshopFile[] }>> {
    return this.exclusive(async () => {
      const printer = await this.startPrinter();
      if (!printer.ok) return printer;
      const made = await writeWorkshopKit({
        workbook,
        workshopId,
        folder,
        largePrint,
        wallPoster,
        ...(votingSheetsFor !== undefined ? { votingSheetsFor } : {}),
        printer: printer.value,
        generatedAt: (this.options.now ?? (() => new Date()))(),
      });
      if (!made.ok) return made;
      for (const f of made.value.files) this.written.add(f.path);
      return ok({ folder, files: made.value.files.map(toFile) });
    });
  }

  writeReport(
    workbook: Workbook,
    workshopId: string,
    stem: string,
    formats: ReadonlyArray<'docx' | 'pdf'>,
    includeNames: boolean,
  ): Promise<Result<{ folder: string; files: WorkshopFile[] }>> {
    return this.exclusive(async () => {
      let printer: PdfPrinter | undefined;
      if (formats.includes('pdf')) {
        const p = await this.startPrinter();
        if (!p.ok) return p;
        printer = p.value;
      }
      const made = await writeWorkshopReport({
        workbook,
        workshopId,
        stem,
        formats,
        includeNames,
        generatedAt: (this.options.now ?? (() => new Date()))(),
        ...(printer ? { printer } : {}),
      });
      if (!made.ok) return made;
      for (const f of made.value.files) this.written.add(f.path);
      return ok({ folder: dirname(stem), files: made.value.files.map(toFile) });
    });
  }

  async close(): Promise<void> {
    const p = this.printer;
    this.printer = null;
    if (p) await (await p.catch(() => null))?.close?.();
  }
}
