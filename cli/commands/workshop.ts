/**
 * `workshop kit <workbook> --out <dir> [--wall-poster a0|a1|a3-sheets]` prints the workshop kit (agenda, objective
 * and service cards, the A3 matrix poster, the wall poster when asked for, voting sheets) as PDFs; `workshop report <workbook> --workshop <id> --format docx,pdf --out <dir>`
 * writes the workshop report. Both go through the same service as the app, so the files are the ones the app
 * would write. Problems are plain messages saying what and where; never a stack trace.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { PdfPrinter } from '../../shared/documents';
import type { Workbook } from '../../shared/model/workbook-schema';
import type { WallPoster } from '../../shared/workshop/kit/wall-poster';
import { longDate } from '../../shared/text/dates';
import { createChromiumPrinter } from '../../electron/main/services/documents';
import {
  chooseWorkshop,
  reportFileStem,
  writeWorkshopKit,
  writeWorkshopReport,
  type WrittenFile,
} from '../../electron/main/services/workshop/workshop-documents';
import type { CliCommand } from '../command';
import { loadWorkbook } from '../load-workbook';
import { describeError, EXIT, lines, type ExitCode, type Io } from '../output';

const bytes = (n: number) =>
  n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

interface KitOptions {
  out: string;
  workshop?: string;
  largePrint?: boolean;
  wallPoster?: string;
  chromium?: string;
}

/** --wall-poster a0, a1 or a3-sheets, in any case. */
function wallPosterOption(value: string | undefined): WallPoster | null | undefined {
  if (value === undefined) return null;
  const v = value.trim().toUpperCase();
  return v === 'A0' || v === 'A1' ? v : v === 'A3-SHEETS' ? 'A3-sheets' : undefined;
}

interface ReportOptions {
  out: string;
  workshop?: string;
  format?: string;
  names?: boolean;
  chromium?: string;
}

function workshopList(wb: Workbook): string {
  return (
    wb.workshops.map((w) => `  ${w.id}  ${w.title}${w.date ? ` (${longDate(w.date)})` : ''}`).join('\n') ||
    '  (none)'
  );
}

async function startPrinter(chromium: string | undefined, io: Io): Promise<PdfPrinter | null> {
  try {
    return await createChromiumPrinter(chromium ? { executablePath: chromium } : {});
  } catch (e) {
    lines(
      io.err,
      `PDFs cannot be made: ${e instanceof Error ? e.message : String(e)}`,
      'Give the path of Chromium, Chrome or Edge with --chromium <path>.',
    );
    return null;
  }
}

function report(io: Io, files: readonly WrittenFile[]): void {
  for (const f of files)
    lines(io.out, `Wrote ${f.path} (${f.pageSize ? `${f.pageSize}, ` : ''}${bytes(f.bytes)})`);
}

async function runKit(file: string, options: KitOptions, io: Io, folder: string): Promise<ExitCode> {
  const read = await loadWorkbook(file, folder);
  if (!read.ok) {
    lines(io.err, ...describeError(read.error));
    return EXIT.INVALID;
  }
  const wallPoster = wallPosterOption(options.wallPoster);
  if (wallPoster === undefined) {
    lines(io.err, `--wall-poster must be a0, a1 or a3-sheets (“${options.wallPoster}” is not one of them).`);
    return EXIT.USAGE;
  }
  const wb = read.value.workbook;
  const chosen = chooseWorkshop(wb, options.workshop ?? null);
  if (!chosen.ok) {
    lines(io.err, chosen.error.message, 'The workshops in this workbook are:', workshopList(wb));
    return EXIT.USAGE;
  }
  const printer = await startPrinter(options.chromium, io);
  if (!printer) return EXIT.INVALID;
  try {
    const made = await writeWorkshopKit({
      workbook: wb,
      workshopId: chosen.value?.id ?? null,
      folder: resolve(folder, options.out),
      largePrint: options.largePrint ?? false,
      wallPoster,
      printer,
    });
    if (!made.ok) {
      lines(io.err, `Could not print the kit: ${made.error.message}`);
      return EXIT.INVALID;
    }
    const w = made.value.workshop;
    lines(
      io.out,
      w
        ? `Kit for “${w.title}”${w.date ? ` (${longDate(w.date)})` : ''}${options.largePrint ? ', large print' : ''}:`
        : 'This workbook has no workshop yet, so the kit has the cards and the poster but no agenda or voting sheets:',
    );
    report(io, made.value.files);
    if (!options.workshop && wb.workshops.length > 1)
      lines(io.out, '', 'Another workshop? Choose it with --workshop <id>:', workshopList(wb));
    return EXIT.OK;
  } finally {
    await printer.close?.().catch(() => undefined);
  }
}

async function runReport(file: string, options: ReportOptions, io: Io, folder: string): Promise<ExitCode> {
  const formats = (options.format ?? 'docx,pdf')
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const bad = formats.filter((f) => f !== 'docx' && f !== 'pdf');
  if (formats.length === 0 || bad.length > 0) {
    lines(
      io.err,
      `--format must be docx, pdf or docx,pdf${bad.length > 0 ? ` (“${bad[0]}” is not one of them)` : ''}.`,
    );
    return EXIT.USAGE;
  }
  const read = await loadWorkbook(file, folder);
  if (!read.ok) {
    lines(io.err, ...describeError(read.error));
    return EXIT.INVALID;
  }
  const wb = read.value.workbook;
  if (!options.workshop && wb.workshops.length !== 1) {
    lines(
      io.err,
      wb.workshops.length === 0
        ? 'This workbook has no workshops to report on.'
        : 'Say which workshop with --workshop <id>. The workshops in this workbook are:',
      ...(wb.workshops.length ? [workshopList(wb)] : []),
    );
    return wb.workshops.length === 0 ? EXIT.INVALID : EXIT.USAGE;
  }
  const workshop = options.workshop ? wb.workshops.find((w) => w.id === options.workshop) : wb.workshops[0];
  if (!workshop) {
    lines(
      io.err,
      `There is no workshop with the id “${options.workshop}”. The workshops in this workbook are:`,
      workshopList(wb),
    );
    return EXIT.USAGE;
  }
  const wantPdf = formats.includes('pdf');
  const printer = wantPdf ? await startPrinter(options.chromium, io) : null;
  if (wantPdf && !printer) return EXIT.INVALID;
  try {
    const made = await writeWorkshopReport({
      workbook: wb,
      workshopId: workshop.id,
      stem: resolve(folder, options.out, reportFileStem(workshop)),
      formats: formats as Array<'docx' | 'pdf'>,
      ...(printer ? { printer } : {}),
      includeNames: options.names ?? false,
    });
    if (!made.ok) {
      lines(io.err, `Could not write the report: ${made.error.message}`);
      return EXIT.INVALID;
    }
    report(io, made.value.files);
    if (workshop.status !== 'closed')
      lines(io.out, '', 'The session has not been closed yet, so the report says it is a draft.');
    return EXIT.OK;
  } finally {
    await printer?.close?.().catch(() => undefined);
  }
}

export const workshopCommand: CliCommand = {
  register(program, { io, folder, exit }) {
    const workshop: Command = program
      .command('workshop')
      .description('Print a workshop kit or write a workshop report');
    workshop
      .command('kit')
      .description(
        'Print the workshop kit as PDFs: agenda, objective and service cards (A6), the A3 matrix poster, voting sheets',
      )
      .argument('<workbook>', 'the workbook file (.awbook)')
      .requiredOption('--out <folder>', 'folder to write the PDFs to (made if missing)')
      .option('--workshop <id>', 'the workshop (default: the next one to run, or the latest)')
      .option('--large-print', 'large print: 18 pt type and larger')
      .option(
        '--wall-poster <format>',
        'also the map as a wall poster with 50 pt text, read from 2 m: a0, a1 or a3-sheets (numbered A3 sheets that join)',
      )
      .option('--chromium <path>', 'the Chromium, Chrome or Edge to print PDFs with')
      .addHelpText(
        'after',
        '\nExit codes: 0 the kit was written; 1 the workbook cannot be used or the files could not be made; 2 no such workshop.',
      )
      .action(async (file: string, options: KitOptions) => exit(await runKit(file, options, io, folder)));
    workshop
      .command('report')
      .description(
        'Write the workshop report (Word and/or PDF): attendance, methods, results, decisions, actions, next steps',
      )
      .argument('<workbook>', 'the workbook file (.awbook)')
      .option('--workshop <id>', 'the workshop (needed when the workbook has more than one)')
      .option('--format <formats>', 'docx, pdf or docx,pdf', 'docx,pdf')
      .requiredOption('--out <folder>', 'folder to write the report to (made if missing)')
      .option(
        '--names',
        'name the participants (only when the workshop recorded names); counts by organisation otherwise',
      )
      .option('--chromium <path>', 'the Chromium, Chrome or Edge to print the PDF with')
      .addHelpText(
        'after',
        '\nExit codes: 0 the report was written; 1 the workbook cannot be used or the files could not be made; 2 the command was not understood.',
      )
      .action(async (file: string, options: ReportOptions) =>
        exit(await runReport(file, options, io, folder)),
      );
  },
};
