/**
 * `generate <workbook> --template <id> --format docx,pdf --out <dir> [--answers answers.json] [--draft | --final]`:
 * makes a document from a workbook file through the same document service the app uses, so the files are the
 * ones the app would write. The workbook's latest draft for that template gives the scope, answers, marking and
 * partner; the answers file adds to or replaces its answers. A draft (the default) shows unanswered questions as
 * guidance and lists them here; a final is refused, with the list of what is missing, until nothing is. Every
 * problem is a plain message saying what and where; never a stack trace.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { businessCaseDrafts, type PdfPrinter } from '../../shared/documents';
import { DOCUMENT_FORMATS, type DocumentFormat, type TemplateInfo } from '../../shared/ipc/documents-contract';
import { newId } from '../../shared/model/ids';
import { newDraftScope } from '../../shared/model/factories';
import { parseGuardedJson } from '../../shared/model/json-guard';
import { BusinessCaseDataSchema, type BusinessCaseData } from '../../shared/model/business-case-schema';
import { checkBusinessCase } from '../../shared/model/business-case-integrity';
import { formatPath } from '../../shared/model/integrity';
import { PROTECTIVE_MARKINGS, type ProtectiveMarking } from '../../shared/model/vocabulary';
import type { Draft, Workbook } from '../../shared/model/workbook-schema';
import { createChromiumPrinter } from '../../electron/main/services/documents';
import { documentFileStem } from '../../electron/main/services/documents/document-service';
import type { CliCommand } from '../command';
import { loadWorkbook } from '../load-workbook';
import { describeError, EXIT, lines, type ExitCode, type Io } from '../output';
import { cliDocumentService } from './templates';

export interface GenerateOptions {
  template: string;
  format?: string;
  out: string;
  answers?: string;
  marking?: string;
  partner?: string;
  name?: string;
  templatesFolder?: string[];
  chromium?: string;
  draft?: boolean;
  final?: boolean;
  /** Answers that take precedence over the draft's and the answers file's (a command's own options). */
  setAnswers?: Readonly<Record<string, string>>;
}

/** A problem with what was asked for: the message says what and where, and the exit code says what kind. */
class Refusal extends Error {
  constructor(
    message: string,
    readonly code: ExitCode,
  ) {
    super(message);
  }
}
/** A file could not be used (workbook, answers): exit 1, as for validate. */
const unusable = (message: string) => new Refusal(message, EXIT.INVALID);
/** The command line itself was wrong (format, template id, partner, marking): exit 2. */
const misused = (message: string) => new Refusal(message, EXIT.USAGE);

const bytes = (n: number) => (n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

function parseFormats(text: string): DocumentFormat[] {
  const parts = text
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const bad = parts.filter((p) => !(DOCUMENT_FORMATS as readonly string[]).includes(p));
  if (parts.length === 0 || bad.length > 0)
    throw misused(`--format must be docx, pdf or docx,pdf${bad.length > 0 ? ` (“${bad[0]}” is not one of them)` : ''}.`);
  return [...new Set(parts)] as DocumentFormat[];
}

function fileProblem(e: unknown, path: string, what: string): string {
  const code = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : '';
  switch (code) {
    case 'ENOENT':
      return `Cannot read the ${what} “${path}”: there is no such file.`;
    case 'EISDIR':
      return `Cannot read the ${what} “${path}”: it is a folder, not a file.`;
    case 'EACCES':
    case 'EPERM':
      return `Cannot read the ${what} “${path}”: permission denied.`;
    default:
      return `Cannot read the ${what} “${path}” (${e instanceof Error ? e.message : String(e)}).`;
  }
}

async function readText(path: string, what: string, limit: number): Promise<string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    if (info.size > limit) throw unusable(`The ${what} “${path}” is too large (${bytes(info.size)}).`);
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof Refusal) throw e;
    throw unusable(fileProblem(e, path, what));
  }
}

async function readWorkbook(file: string, folder: string): Promise<Workbook> {
  const read = await loadWorkbook(file, folder);
  if (read.ok) return read.value.workbook;
  throw unusable(describeError(read.error).join('\n'));
}

export interface AnswersFile {
  readonly answers: Record<string, string | null>;
  /** The file's "businessCase": undefined when absent, null to clear the draft's. */
  readonly businessCase: BusinessCaseData | null | undefined;
  /** The file's "basedOn" (a committee report's business case, by draft id or title): undefined when absent, null to clear. */
  readonly basedOn?: string | null;
}

/** The answers file's "businessCase", checked against the schema; a problem is named by its path in the file. */
function parseBusinessCase(value: unknown, fileName: string): BusinessCaseData | null {
  if (value === null) return null;
  const parsed = BusinessCaseDataSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw unusable(
    [
      `In “${fileName}”, “businessCase” is not a valid business case:`,
      ...parsed.error.issues.slice(0, 10).map((i) => `  ${formatPath(['businessCase', ...i.path.map((k) => (typeof k === 'number' ? k : String(k)))])}: ${i.message}`),
    ].join('\n'),
  );
}

/**
 * Reads an answers file: an object mapping question ids to answers (text, a number, or rows for a table), and
 * optionally "businessCase", the decision data in the workbook's shape (options appraisal, financial,
 * commercial and management cases).
 */
export function parseAnswersFile(text: string, fileName: string, template: TemplateInfo): AnswersFile {
  const parsed = parseGuardedJson(text);
  if (!parsed.ok) {
    const e = parsed.error;
    if (e.kind === 'syntax')
      throw unusable(
        `The answers file “${fileName}” is not valid JSON${e.line !== null ? ` at line ${e.line}, column ${e.column}` : ''}: ${e.detail}.`,
      );
    if (e.kind === 'too-deep' || e.kind === 'too-many')
      throw unusable(`The answers file “${fileName}” nests too deeply or holds too many lists at line ${e.line}, column ${e.column}.`);
    throw unusable(`The answers file “${fileName}” has a field named “${e.key}” at ${formatPath(e.path)}, which is not allowed.`);
  }
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw unusable(
      `The answers file “${fileName}” must be a JSON object that maps question ids to answers, for example {"decision": "Approve the new hub"}.`,
    );
  const questions = new Map(template.questions.map((q) => [q.id, q]));
  const out: Record<string, string | null> = {};
  let businessCase: BusinessCaseData | null | undefined;
  let basedOn: string | null | undefined;
  for (const [id, answer] of Object.entries(value)) {
    if (id === 'basedOn' && template.basedOn === 'business-case') {
      if (answer !== null && typeof answer !== 'string')
        throw unusable(`In “${fileName}”, “basedOn” must be the id or title of a business case draft in the workbook, or null.`);
      basedOn = answer === null || answer.trim() === '' ? null : answer.trim();
      continue;
    }
    if (id === 'businessCase') {
      businessCase = parseBusinessCase(answer, fileName);
      continue;
    }
    const q = questions.get(id);
    if (!q)
      throw unusable(
        `In “${fileName}”, “${id}” is not a question of the template “${template.id}”. Its questions are: ${[...questions.keys()].join(', ') || '(none)'}.`,
      );
    if (answer === null) out[id] = null;
    else if (typeof answer === 'string') out[id] = answer;
    else if (typeof answer === 'number' && Number.isFinite(answer)) out[id] = String(answer);
    else if (q.kind === 'table' && Array.isArray(answer)) out[id] = JSON.stringify(answer);
    else
      throw unusable(
        `In “${fileName}”, the answer to “${id}” must be ${q.kind === 'table' ? 'a list of rows or text' : 'text or a number'}.`,
      );
  }
  return { answers: out, businessCase, ...(basedOn !== undefined ? { basedOn } : {}) };
}

function latestDraft(workbook: Workbook, templateId: string): Draft | undefined {
  return workbook.drafts
    .filter((d) => d.templateId === templateId)
    .reduce<Draft | undefined>((best, d) => (!best || d.modified > best.modified ? d : best), undefined);
}

function choosePartner(workbook: Workbook, wanted: string | undefined, base: string | null, template: TemplateInfo): string | null {
  if (wanted !== undefined) {
    const w = wanted.trim().toLowerCase();
    const found = workbook.partners.find((p) => p.id.toLowerCase() === w || p.name.trim().toLowerCase() === w);
    if (!found)
      throw misused(
        `There is no partner “${wanted}” in the workbook. Its partners are: ${workbook.partners.map((p) => `${p.id} (${p.name})`).join(', ') || '(none)'}.`,
      );
    return found.id;
  }
  if (template.partner === 'required' && !workbook.partners.some((p) => p.id === base))
    throw misused(
      `The template “${template.id}” is addressed to a partner: choose one with --partner <id or name>. Partners in the workbook: ${workbook.partners.map((p) => `${p.id} (${p.name})`).join(', ') || '(none)'}.`,
    );
  return base;
}

export async function runGenerate(
  workbookFile: string,
  options: GenerateOptions,
  io: Io,
  folder: string,
  startPrinter: () => Promise<PdfPrinter> = () => createChromiumPrinter(options.chromium ? { executablePath: options.chromium } : {}),
): Promise<ExitCode> {
  const service = cliDocumentService(
    (options.templatesFolder ?? []).map((f) => resolve(folder, f)),
    startPrinter,
  );
  try {
    if (options.draft && options.final) throw misused('Choose one of --draft and --final, not both.');
    const mode = options.final ? 'final' : 'draft';
    const formats = parseFormats(options.format ?? 'docx,pdf');
    // The browser starts now, while the workbook is read and the document bound and laid out: it is ready by the
    // time the document is. If the command stops short (a bad workbook, an unknown template) it is closed unused.
    if (formats.includes('pdf')) service.warmPrinter();
    const workbook = await readWorkbook(workbookFile, folder);
    const listing = await service.listTemplates();
    for (const p of listing.problems) lines(io.err, `Warning: a template in ${p.folder} cannot be used: ${p.message}`);
    const template = listing.templates.find((t) => t.id === options.template);
    if (!template)
      throw misused(
        `There is no template “${options.template}”. The templates are: ${listing.templates.map((t) => t.id).join(', ')}. (The templates command lists them with their names.)`,
      );

    const base = latestDraft(workbook, template.id);
    const answers = new Map((base?.answers ?? []).map((a) => [a.questionId, a.value]));
    let businessCase = base?.businessCase ?? null;
    let named: string | null | undefined;
    if (options.answers) {
      const path = resolve(folder, options.answers);
      const text = await readText(path, 'answers file', 5 * 1024 * 1024);
      const file = parseAnswersFile(text, basename(path), template);
      named = file.basedOn;
      for (const [id, value] of Object.entries(file.answers)) {
        if (value === null || value.trim() === '') answers.delete(id);
        else answers.set(id, value);
      }
      if (file.businessCase !== undefined) {
        const problems: string[] = [];
        const kpis = new Set(workbook.objectives.flatMap((o) => o.kpis.map((k) => k.id)));
        if (file.businessCase) checkBusinessCase(file.businessCase, ['businessCase'], kpis, (at, message) => problems.push(`  ${formatPath(at)}: ${message}`));
        if (problems.length > 0) throw unusable([`In “${basename(path)}”, “businessCase” does not fit the workbook:`, ...problems].join('\n'));
        businessCase = file.businessCase;
      }
    }
    // A committee report asks a decision on a business case: the draft's own, the one --answers names, or else the
    // workbook's latest business case.
    let basedOnDraftId = base?.basedOnDraftId ?? null;
    let scope = base?.scope ?? null;
    if (template.basedOn === 'business-case') {
      const candidates = businessCaseDrafts(workbook, (id) => listing.templates.find((t) => t.id === id)?.kind === 'business-case', base?.id ?? null);
      if (named !== undefined) {
        const found = named === null ? null : candidates.find((d) => d.id === named || d.title.trim().toLowerCase() === named.toLowerCase());
        if (found === undefined)
          throw unusable(
            `The answers file names the business case “${named}”, which is not a business case draft in the workbook. Its business cases are: ${candidates.map((d) => `${d.id} (${d.title})`).join(', ') || '(none)'}.`,
          );
        basedOnDraftId = found?.id ?? null;
      } else if (basedOnDraftId === null && candidates[0]) basedOnDraftId = candidates[0].id;
      const basis = workbook.drafts.find((d) => d.id === basedOnDraftId);
      if (basis && !base) scope = basis.scope;
      if (basis) lines(io.out, `Based on the business case “${basis.title}” (${basis.id}).`);
    }
    for (const [id, value] of Object.entries(options.setAnswers ?? {})) answers.set(id, value);
    let marking: ProtectiveMarking = base?.protectiveMarking ?? 'OFFICIAL';
    if (options.marking !== undefined) {
      const m = options.marking.trim().toUpperCase();
      if (!(PROTECTIVE_MARKINGS as readonly string[]).includes(m))
        throw misused(`--marking must be one of ${PROTECTIVE_MARKINGS.join(', ')} (found “${options.marking}”).`);
      marking = m as ProtectiveMarking;
    }
    const partnerId = choosePartner(workbook, options.partner, base?.partnerId ?? null, template);

    const stamp = new Date().toISOString();
    const draft: Draft = {
      id: newId('draft'),
      templateId: template.id,
      title: base?.title ?? template.name,
      // Without a draft, the document describes the whole service, as a draft made before scopes existed does.
      scope: scope ?? newDraftScope({ wholeService: true }),
      answers: [...answers].map(([questionId, value]) => ({ questionId, value })),
      protectiveMarking: marking,
      partnerId,
      businessCase,
      basedOnDraftId,
      created: stamp,
      modified: stamp,
    };
    const out = resolve(folder, options.out);
    try {
      await mkdir(out, { recursive: true });
    } catch (e) {
      throw unusable(`Cannot create the output folder “${out}” (${e instanceof Error ? e.message : String(e)}).`);
    }
    const stem = documentFileStem(options.name ?? template.id);
    const made = await service.generate({
      jobId: 'cli',
      workbook: { ...workbook, drafts: [...workbook.drafts, draft] },
      draftId: draft.id,
      formats,
      mode,
      destination: join(out, `${stem}.${formats[0]}`),
    });
    if (!made.ok) {
      const issues = made.error.issues ?? [];
      const refusedFinal = mode === 'final' && made.error.code === 'INVALID_INPUT' && issues.length > 0;
      lines(io.err, `${refusedFinal ? 'No final was made' : 'Could not make the document'}: ${made.error.message}`, ...issues.map((i) => `  ${i.path}: ${i.message}`));
      if (refusedFinal) lines(io.err, 'Nothing was written. Without --final, a draft shows these as guidance to complete.');
      if (made.error.code === 'UNSUPPORTED' && formats.includes('pdf'))
        lines(io.err, 'Give the path of Chromium, Chrome or Edge with --chromium <path>, or make only the Word file with --format docx.');
      return EXIT.INVALID;
    }
    if (made.value.status === 'cancelled') {
      lines(io.err, 'Cancelled; no files were written.');
      return EXIT.INVALID;
    }
    for (const f of made.value.files) lines(io.out, `Wrote ${f.path} (${bytes(f.bytes)})`);
    lines(
      io.out,
      mode === 'final'
        ? 'This is a final: no guidance, no markers.'
        : 'This is a draft: marked DRAFT, with guidance (and, in Word, comments) where there is something to do. --final makes a final.',
    );
    const { unanswered, warnings } = made.value;
    if (unanswered.length > 0 && mode === 'draft')
      lines(
        io.out,
        '',
        `Unanswered questions (${unanswered.length}), shown in the document as guidance to complete:`,
        ...unanswered.map((q) => `  ${q.id}: ${q.label}${q.required ? ' (required)' : ''}`),
      );
    const others = warnings.filter((w) => w.kind !== 'unanswered' && w.kind !== 'unanswered-required');
    if (others.length > 0) lines(io.out, '', `Things to check before publishing (${others.length}):`, ...others.map((w) => `  ${w.message}`));
    return EXIT.OK;
  } catch (e) {
    if (e instanceof Refusal) {
      lines(io.err, e.message);
      return e.code;
    }
    throw e;
  } finally {
    await service.close().catch(() => undefined);
  }
}

export const generateCommand: CliCommand = {
  register(program, { io, folder, exit, startPrinter }) {
    program
      .command('generate')
      .description('Make a document (Word and/or PDF) from a workbook with one of the templates')
      .argument('<workbook>', 'the workbook file (.awbook)')
      .requiredOption('--template <id>', 'template id (the templates command lists them)')
      .option('--format <formats>', 'docx, pdf or docx,pdf', 'docx,pdf')
      .requiredOption('--out <folder>', 'folder to write the files to (made if missing)')
      .option('--answers <file>', 'JSON file mapping question ids to answers, and optionally "businessCase" (appraisal, financial, commercial and management data) or, for a committee report, "basedOn" (the business case draft’s id or title); they replace the workbook draft’s')
      .option('--marking <marking>', `protective marking: ${PROTECTIVE_MARKINGS.join(', ')}`)
      .option('--partner <partner>', 'partner id or name, for a partnership proposal')
      .option('--name <name>', 'file name without the extension (default: the template id)')
      .option('--templates-folder <folder...>', 'also use the templates in these folders')
      .option('--chromium <path>', 'the Chromium, Chrome or Edge to print PDFs with')
      .option('--draft', 'a draft, marked DRAFT, with guidance where something is missing (the default)')
      .option('--final', 'a final for publication: no guidance; refused, with what is missing, while anything is')
      .addHelpText(
        'after',
        [
          '',
          'The workbook’s latest draft for this template gives the scope, answers, marking and partner; --answers adds',
          'to or replaces its answers. In a draft, questions left unanswered appear as guidance and are listed after the',
          'files. A final has no guidance; it is refused, with the list of what is missing, while anything is.',
          '',
          'Exit codes: 0 the files were written; 1 the workbook or answers file cannot be used, a final cannot be made',
          'yet, or the document could not be made or saved; 2 the command was not understood (format, template,',
          'partner, marking, or both --draft and --final).',
        ].join('\n'),
      )
      .action(async (workbook: string, options: GenerateOptions) =>
        exit(await runGenerate(workbook, options, io, folder, startPrinter && !options.chromium ? startPrinter : undefined)),
      );
  },
};
