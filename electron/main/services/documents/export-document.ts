/**
 * The whole export in one call: bind, then Word and/or PDF, with progress and cancellation between steps. Used
 * by the document service, which the app and the command line share, so both produce the same files.
 */
import { bindDocument, type BindOptions, type PreExportWarning } from '../../../../shared/documents/bind';
import type { DocModel } from '../../../../shared/documents/model';
import { printDocumentPdf } from '../../../../shared/documents/pdf/print-document-pdf';
import { isCancellation, type PdfPrinter } from '../../../../shared/documents/pdf/printer';
import type { Template } from '../../../../shared/documents/template/load-template';
import type { Question } from '../../../../shared/documents/template/manifest';
import { documentSnapshotText, type SnapshotScope } from '../../../../shared/model/document-snapshot';
import type { Workbook } from '../../../../shared/model/workbook-schema';
import { fail, ok, type Result } from '../../../../shared/result';
import { documentFontCss } from './fonts';
import { nodeZlib } from './node-zlib';
import { renderDocx } from './render-docx';

export type ExportStep = 'binding' | 'docx' | 'html' | 'pdf' | 'finishing';

export interface ExportInput {
  readonly template: Template;
  readonly workbook: Workbook;
  readonly answers: Readonly<Record<string, string>>;
  readonly options: BindOptions;
  readonly formats: ReadonlyArray<'docx' | 'pdf'>;
  /** Needed when formats include 'pdf'. */
  readonly printer?: PdfPrinter;
  readonly houseStyle?: Uint8Array;
  /** What of the workbook the PDF carries, when the officer chose to attach it; nothing otherwise. */
  readonly attachment?: SnapshotScope | null;
  readonly signal?: AbortSignal;
  readonly onProgress?: (step: ExportStep, fraction: number) => void;
}

export interface ExportOutput {
  readonly docx?: Uint8Array;
  readonly pdf?: Uint8Array;
  readonly document: DocModel;
  readonly warnings: readonly PreExportWarning[];
  readonly unanswered: readonly Question[];
}

export async function exportDocument(input: ExportInput): Promise<Result<ExportOutput>> {
  const { signal, onProgress } = input;
  const cancelled = () => fail('CANCELLED', 'The export was cancelled; no files were written.');
  onProgress?.('binding', 0);
  const bound = bindDocument(input.template, input.workbook, input.answers, input.options);
  if (!bound.ok) return bound;
  if (signal?.aborted) return cancelled();
  const { document } = bound.value;
  const wantPdf = input.formats.includes('pdf');
  const wantDocx = input.formats.includes('docx');
  if (wantPdf && !input.printer) return fail('UNSUPPORTED', 'PDF export needs a PDF printer, and none is available.');
  // The PDF goes first: its HTML is laid out and handed to the browser, and the Word file is written here while
  // the browser prints, so the two take little longer than the slower of them. Word waits until the browser is
  // printing: writing it takes this thread for a second or more, and each step of handing over the document
  // (loading it, waiting for its fonts, asking for the print) needs the thread in between.
  let pdfJob: Promise<Uint8Array> | null = null;
  let printing: Promise<void> = Promise.resolve();
  if (wantPdf && input.printer) {
    let nowPrinting = () => undefined as void;
    printing = new Promise<void>((resolve) => (nowPrinting = resolve));
    onProgress?.('html', 0.15);
    pdfJob = printDocumentPdf(document, input.printer, {
      fontCss: documentFontCss(),
      workbookSnapshot: input.attachment ? documentSnapshotText(input.workbook, input.attachment) : null,
      zlib: nodeZlib,
      ...(signal ? { signal } : {}),
      onStep: (s) => onProgress?.(s === 'finishing' ? 'finishing' : 'pdf', s === 'printing' ? 0.55 : s === 'numbering' ? 0.75 : 0.9),
      onPrinting: nowPrinting,
    }).then((printed) => printed.pdf);
    pdfJob.then(nowPrinting, nowPrinting);
    // Awaited below; a failure here must not go unhandled while the Word file is written.
    pdfJob.catch(() => undefined);
  }
  let docx: Uint8Array | undefined;
  let pdf: Uint8Array | undefined;
  try {
    if (wantDocx) {
      await printing;
      onProgress?.('docx', 0.2);
      try {
        docx = await renderDocx(document, input.houseStyle ? { houseStyle: input.houseStyle } : {});
      } catch (e) {
        if (input.houseStyle) return fail('INVALID_INPUT', e instanceof Error ? e.message : 'The house style could not be used.');
        throw e;
      }
      if (signal?.aborted) return cancelled();
    }
    if (pdfJob) {
      onProgress?.('pdf', 0.5);
      pdf = await pdfJob;
    }
  } catch (e) {
    if (isCancellation(e) || signal?.aborted) return cancelled();
    return fail('INTERNAL', `The document could not be produced: ${e instanceof Error ? e.message : String(e)}.`);
  }
  onProgress?.('finishing', 1);
  return ok({
    ...(docx ? { docx } : {}),
    ...(pdf ? { pdf } : {}),
    document,
    warnings: bound.value.warnings,
    unanswered: bound.value.unanswered,
  });
}
