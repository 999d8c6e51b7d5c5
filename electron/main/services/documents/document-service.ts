/**
 * The app's side of the document engine: which templates there are, the live preview, and generation jobs with
 * progress, cancellation and atomic writing. Node only (no electron): the Electron main process, the browser
 * test harness and the tests run this same code with different PDF printers.
 *
 * The preview and the exported PDF are rendered from one bound document by the same engine functions, so what
 * the officer sees is what is printed (the PDF adds the page numbers to its table of contents).
 */
import { safeFileStem } from '../file-names';
import { realpath } from 'node:fs/promises';
import { basename, extname, isAbsolute, relative, resolve } from 'node:path';
import { bindDocument, questionsToAsk, type FinalBlocker, type PreExportWarning } from '../../../../shared/documents/bind';
import { bindOptionsForDraft } from '../../../../shared/documents/decision-basis';
import { attachmentScope } from '../../../../shared/documents/facts/scope';
import { isCancellation, whenStarted, type PdfPrinter } from '../../../../shared/documents/pdf/printer';
import type { Template } from '../../../../shared/documents/template/load-template';
import type { Question } from '../../../../shared/documents/template/manifest';
import type {
  DocumentFormat,
  DocumentModeName,
  DocumentPreview,
  DocumentProgress,
  DocumentWarning,
  GeneratedFile,
  GenerateOutcome,
  GenerationStep,
  TemplateInfo,
  TemplateListing,
  TemplateQuestion,
  FinalBlockerInfo,
} from '../../../../shared/ipc/documents-contract';
import type { Draft, Workbook } from '../../../../shared/model/workbook-schema';
import { fail, ok, type Result } from '../../../../shared/result';
import { describeWriteError, writeFileAtomic } from '../atomic-write';
import { renderPreviewHtml } from './print-html';
import { documentFontCss } from './fonts';
import { listTemplates, type TemplateSummary } from './template-folders';

export interface DocumentServiceOptions {
  /** The folder of built-in templates shipped with the app. */
  readonly builtInDir: string;
  /** The officer's template folders, read at each listing so a change in preferences shows at once. */
  readonly userFolders: () => readonly string[];
  /** Starts the PDF printer; called on the first PDF and kept until close(). */
  readonly startPrinter: () => Promise<PdfPrinter>;
  readonly now?: () => Date;
  /** Writes a finished file; atomic by default so a failed write never leaves half a document. */
  readonly writeFile?: (path: string, data: Uint8Array) => Promise<void>;
}

export interface GenerateRequest {
  readonly jobId: string;
  readonly workbook: Workbook;
  readonly draftId: string;
  readonly formats: readonly DocumentFormat[];
  /** Draft (the default) or final; a final is refused, with what is missing, while anything is. */
  readonly mode?: DocumentModeName;
  /** The path the officer chose; each format is written beside it with its own extension. */
  readonly destination: string;
  /** Attach the document's scope of the workbook to the PDF (off unless the officer asks). */
  readonly attachWorkbook?: boolean;
  readonly onProgress?: (progress: DocumentProgress) => void;
}

const STEP_MESSAGES: Record<GenerationStep, string> = {
  binding: 'Filling in the template…',
  docx: 'Writing the Word document…',
  html: 'Laying out the pages…',
  pdf: 'Printing the PDF…',
  finishing: 'Finishing the PDF (title, language, bookmarks)…',
  writing: 'Saving the files…',
};

const EXTENSIONS: Record<DocumentFormat, string> = { docx: '.docx', pdf: '.pdf' };

/** "…/Business case.docx" → "…/Business case" (only our own extensions are taken off). */
export function destinationStem(path: string): string {
  const ext = extname(path).toLowerCase();
  return ext === '.docx' || ext === '.pdf' ? path.slice(0, -ext.length) : path;
}

/** A file name Windows, macOS and Linux all accept, from a document title. */
export const documentFileStem = (title: string): string => safeFileStem(title, 'Document');

/**
 * The draft's answers as the engine takes them. A table row the officer added but left empty is dropped here
 * (the form keeps it while they type elsewhere), and a table with no filled row counts as unanswered, so an
 * empty row never reaches the document as a row of empty cells.
 */
export function answersOf(template: Template, draft: Pick<Draft, 'answers'>): Record<string, string> {
  const kinds = new Map(template.manifest.questions.map((q) => [q.id, q.kind]));
  const out: Record<string, string> = Object.create(null);
  for (const a of draft.answers) {
    let value = a.value;
    if (kinds.get(a.questionId) === 'table') value = withoutBlankRows(value);
    if (value.trim() !== '') out[a.questionId] = value;
  }
  return out;
}

function withoutBlankRows(value: string): string {
  let rows: unknown;
  try {
    rows = JSON.parse(value);
  } catch {
    return value; // the " | " line format: the engine reads it as it is
  }
  if (!Array.isArray(rows)) return value;
  const filled = rows.filter(
    (r) => r !== null && typeof r === 'object' && Object.values(r as Record<string, unknown>).some((v) => String(v ?? '').trim() !== ''),
  );
  return filled.length === 0 ? '' : JSON.stringify(filled);
}

const ABORTED = Symbol('aborted');

function whenAborted(signal: AbortSignal): Promise<typeof ABORTED> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(ABORTED);
    else signal.addEventListener('abort', () => resolve(ABORTED), { once: true });
  });
}

function toQuestionInfo(q: Question): TemplateQuestion {
  return {
    id: q.id,
    label: q.label,
    hint: q.hint,
    required: q.required,
    kind: q.kind,
    options: q.options.map((o) => ({ value: o.value, label: o.label })),
    columns: q.columns.map((c) => ({ id: c.id, label: c.label })),
    defaultValue: q.default ?? null,
    group: q.group,
    wordLimit: q.wordLimit ?? null,
  };
}

function toTemplateInfo(t: TemplateSummary): TemplateInfo {
  return {
    id: t.id,
    name: t.name,
    kind: t.kind,
    description: t.description,
    version: t.version,
    origin: t.origin,
    folder: t.folder,
    partner: t.template.manifest.partner,
    scope: t.template.manifest.scope,
    basedOn: t.template.manifest.basedOn,
    questions: t.template.manifest.questions.map(toQuestionInfo),
  };
}

function toWarning(w: PreExportWarning): DocumentWarning {
  return {
    kind: w.kind,
    message: w.message,
    ...(w.questionId ? { questionId: w.questionId } : {}),
    ...(w.alignmentId ? { alignmentId: w.alignmentId } : {}),
  };
}

const toUnanswered = (q: Question) => ({ id: q.id, label: q.label, required: q.required });

const toBlocker = (b: FinalBlocker): FinalBlockerInfo => ({ kind: b.kind, where: b.where, message: b.message, ...(b.questionId ? { questionId: b.questionId } : {}) });

export class DocumentService {
  private readonly now: () => Date;
  private readonly writeFile: (path: string, data: Uint8Array) => Promise<void>;
  private printer: Promise<PdfPrinter> | null = null;
  private templates = new Map<string, TemplateSummary>();
  private listed = false;
  private readonly jobs = new Map<string, AbortController>();
  /** Files made in this session: the only ones the renderer may ask the operating system to open. */
  private readonly generated = new Set<string>();

  constructor(private readonly options: DocumentServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.writeFile = options.writeFile ?? ((path, data) => writeFileAtomic(path, data, { backupPath: null }));
  }

  async listTemplates(): Promise<TemplateListing> {
    const userFolders = [...this.options.userFolders()];
    const found = await listTemplates(this.options.builtInDir, userFolders);
    this.templates = new Map(found.templates.map((t) => [t.id, t]));
    this.listed = true;
    const problems = [...found.problems];
    // A folder that holds no template at all is almost always the wrong folder: say so rather than show nothing.
    for (const folder of userFolders) {
      // Template folders come back as real paths (links resolved), so compare with both spellings of the folder.
      const forms = [resolve(folder), await realpath(folder).catch(() => resolve(folder))];
      const within = (path: string) => forms.some((f) => isWithin(resolve(path), f));
      const used = found.templates.some((t) => t.origin === 'user' && within(t.folder));
      const reported = problems.some((p) => within(p.folder));
      if (!used && !reported)
        problems.push({
          folder,
          message: `No templates were found in “${folder}”. A template is a folder with a template.json file and its section files; choose that folder, or the folder that holds several of them.`,
        });
    }
    return {
      templates: found.templates.map(toTemplateInfo),
      problems: problems.map((p) => ({ folder: p.folder, message: p.message })),
      userFolders,
    };
  }

  private async template(id: string): Promise<Result<Template>> {
    if (!this.listed || !this.templates.has(id)) await this.listTemplates();
    const found = this.templates.get(id);
    if (!found)
      return fail(
        'NOT_FOUND',
        `The template “${id}” is not available. If it came from a template folder, check the folder is still there (Documents › Templates), or choose another template.`,
      );
    return ok(found.template);
  }

  private draftOf(workbook: Workbook, draftId: string): Result<Draft> {
    const draft = workbook.drafts.find((d) => d.id === draftId);
    return draft ? ok(draft) : fail('NOT_FOUND', 'That document draft is no longer in the workbook. Choose a template again.');
  }

  async preview(workbook: Workbook, draftId: string): Promise<Result<DocumentPreview>> {
    // A preview means the officer is in the Documents step: have the printer ready for their first export.
    this.warmPrinter();
    const draft = this.draftOf(workbook, draftId);
    if (!draft.ok) return draft;
    const template = await this.template(draft.value.templateId);
    if (!template.ok) return template;
    const answers = answersOf(template.value, draft.value);
    const bound = bindDocument(template.value, workbook, answers, bindOptionsForDraft(workbook, draft.value, this.now(), 'draft'));
    if (!bound.ok) return bound;
    const { document, warnings, unanswered, blockers } = bound.value;
    return ok({
      html: renderPreviewHtml(document),
      title: document.properties.title,
      warnings: warnings.map(toWarning),
      unanswered: unanswered.map(toUnanswered),
      askedQuestionIds: questionsToAsk(template.value, answers).map((q) => q.id),
      blockers: blockers.map(toBlocker),
    });
  }

  /**
   * Whether a final can be made from this draft now: ok, or the refusal with each thing missing and where. Asked
   * before the save dialog, so the officer is not asked where to save a file that will not be made.
   */
  async checkFinal(workbook: Workbook, draftId: string): Promise<Result<null>> {
    const draft = this.draftOf(workbook, draftId);
    if (!draft.ok) return draft;
    const template = await this.template(draft.value.templateId);
    if (!template.ok) return template;
    const bound = bindDocument(template.value, workbook, answersOf(template.value, draft.value), bindOptionsForDraft(workbook, draft.value, this.now(), 'final'));
    return bound.ok ? ok(null) : bound;
  }

  /** The printer is started on the first PDF or preview (a second or so for a browser) and reused after that. */
  private startPrinter(): Promise<PdfPrinter> {
    if (!this.printer) {
      this.printer = this.options.startPrinter();
      this.printer.catch(() => (this.printer = null));
    }
    return this.printer;
  }

  /**
   * Starts the printer and has it make ready (a browser page, a window) without waiting for it, so the first
   * export does not pay for that. A printer that cannot start is reported by the export that needs it.
   */
  warmPrinter(): void {
    this.startPrinter()
      .then((printer) => printer.warm?.())
      .catch(() => undefined);
  }

  /** The fonts every preview is shown in (the preview HTML leaves them out). */
  fontCss(): string {
    return documentFontCss();
  }

  /**
   * Readies everything the first export needs that does not depend on the document: the printer and the export code.
   * No trial print: once the printer has started, the first export measured no slower than the next (bench:preview,
   * alternating runs), so a trial would only hold the printer's one page when the officer's export arrives.
   */
  prepareExport(): void {
    this.warmPrinter();
    import('./export-document').catch(() => undefined);
  }

  get busy(): boolean {
    return this.jobs.size > 0;
  }

  async generate(request: GenerateRequest): Promise<Result<GenerateOutcome>> {
    if (this.jobs.has(request.jobId) || this.jobs.size > 0)
      return fail('FORBIDDEN', 'Another document is being made. Wait for it to finish, or cancel it, and try again.');
    const controller = new AbortController();
    this.jobs.set(request.jobId, controller);
    const { signal } = controller;
    let reached = 0;
    const report = (step: GenerationStep, fraction: number) => {
      // Steps report their own progress; the bar only ever moves forward.
      reached = Math.min(1, Math.max(reached, fraction));
      request.onProgress?.({ jobId: request.jobId, step, fraction: reached, message: STEP_MESSAGES[step] });
    };
    const cancelled = () => ok<GenerateOutcome>({ status: 'cancelled' });
    const mode = request.mode ?? 'draft';
    let writing: string | null = null;
    try {
      report('binding', 0);
      const draft = this.draftOf(request.workbook, request.draftId);
      if (!draft.ok) return draft;
      const template = await this.template(draft.value.templateId);
      if (!template.ok) return template;
      // The printer starts (if it has not yet) while the document is bound, laid out and written as Word; the
      // PDF waits for it only when it is ready to print.
      let printerFailure: unknown = null;
      let printer: PdfPrinter | undefined;
      if (request.formats.includes('pdf')) {
        const starting = this.startPrinter();
        starting.catch((e: unknown) => (printerFailure = e ?? new Error('the printer did not start')));
        printer = whenStarted(starting);
      }
      const unsupported = (e: unknown) =>
        fail(
          'UNSUPPORTED',
          `PDFs cannot be made on this computer (${e instanceof Error ? e.message.replace(/\.$/, '') : String(e)}). The Word document can still be exported.`,
        );
      if (signal.aborted) return cancelled();
      // Loaded here, not at the top: listing templates and previewing need none of the Word and PDF libraries.
      const { exportDocument } = await import('./export-document');
      const exporting = exportDocument({
        template: template.value,
        workbook: request.workbook,
        answers: answersOf(template.value, draft.value),
        options: bindOptionsForDraft(request.workbook, draft.value, this.now(), mode),
        formats: [...request.formats],
        attachment: request.attachWorkbook ? attachmentScope(request.workbook, draft.value.scope, template.value, draft.value.partnerId) : null,
        ...(printer ? { printer } : {}),
        signal,
        onProgress: (step, fraction) => {
          if (!signal.aborted) report(step, fraction * 0.95);
        },
      });
      // Cancel answers at once, even in the middle of printing: the engine stops at its next step and its result
      // is thrown away, never written.
      exporting.catch(() => undefined);
      const result = await Promise.race([exporting, whenAborted(signal)]);
      if (signal.aborted || result === ABORTED) return cancelled();
      if (printerFailure !== null) return unsupported(printerFailure);
      if (!result.ok) return result;

      report('writing', 0.95);
      const stem = destinationStem(request.destination);
      const files: GeneratedFile[] = [];
      for (const format of request.formats) {
        const bytes = format === 'docx' ? result.value.docx : result.value.pdf;
        if (!bytes) return fail('INTERNAL', `The ${format === 'docx' ? 'Word' : 'PDF'} file was not produced.`);
        const path = `${stem}${EXTENSIONS[format]}`;
        writing = path;
        await this.writeFile(path, bytes);
        this.generated.add(path);
        files.push({ format, path, fileName: basename(path), bytes: bytes.byteLength });
      }
      writing = null;
      report('writing', 1);
      return ok({
        status: 'generated',
        mode,
        files,
        unanswered: result.value.unanswered.map(toUnanswered),
        warnings: result.value.warnings.map(toWarning),
      });
    } catch (e) {
      if (signal.aborted || isCancellation(e)) return cancelled();
      if (writing) return fail('WRITE_FAILED', describeWriteError(e, writing));
      throw e;
    } finally {
      this.jobs.delete(request.jobId);
    }
  }

  /** Stops a job between steps; nothing is written. False when no such job is running (it may just have ended). */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    job.abort();
    return true;
  }

  wasGenerated(path: string): boolean {
    return this.generated.has(path);
  }

  async close(): Promise<void> {
    for (const job of this.jobs.values()) job.abort();
    const printer = this.printer;
    this.printer = null;
    if (printer) await (await printer.catch(() => null))?.close?.();
  }
}

function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
