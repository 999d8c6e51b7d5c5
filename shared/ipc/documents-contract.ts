/**
 * The document channels' data: templates as the Documents step sees them, the preview, and generation with its
 * progress. Kept apart from contract.ts so the channel list there stays readable; contract.ts wires these in.
 *
 * Templates cross the boundary as plain descriptions (questions, not the parsed sections): the renderer asks and
 * shows, and only the main process binds and renders, so the preview and the exported files come from one place.
 */
import { z } from 'zod';
import { parseGuardedJson } from '../model/json-guard';
import { WorkbookSchema } from '../model/workbook-schema';
import { MAX_FILE_BYTES } from '../model/workbook-format';

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export const DocumentFormatSchema = z.enum(DOCUMENT_FORMATS);
export type DocumentFormat = z.infer<typeof DocumentFormatSchema>;

export const QUESTION_KINDS = ['text', 'paragraphs', 'choice', 'date', 'money', 'number', 'table'] as const;

export const TemplateQuestionSchema = z.object({
  id: z.string(),
  label: z.string(),
  hint: z.string(),
  required: z.boolean(),
  kind: z.enum(QUESTION_KINDS),
  /** For choice questions. */
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  /** For table questions: the columns of each row. */
  columns: z.array(z.object({ id: z.string(), label: z.string() })),
  defaultValue: z.string().nullable(),
  /** Heading the question is shown under, so long templates read as a short form per part. */
  group: z.string(),
  wordLimit: z.number().nullable(),
});
export type TemplateQuestion = z.infer<typeof TemplateQuestionSchema>;

export const TemplateInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  description: z.string(),
  version: z.string(),
  origin: z.enum(['built-in', 'user']),
  folder: z.string(),
  /** Whether the document is addressed to one of the workbook's partners. */
  partner: z.enum(['none', 'optional', 'required']),
  /** Whether the document is about a proposal (services in scope chosen in its draft) or the whole service. */
  scope: z.enum(['proposal', 'whole-service']),
  /** Whether the document asks for a decision on one of the workbook's business-case drafts (a committee report). */
  basedOn: z.enum(['none', 'business-case']),
  questions: z.array(TemplateQuestionSchema),
});
export type TemplateInfo = z.infer<typeof TemplateInfoSchema>;

/** A user template that could not be loaded; the message names the file, line and column where it can. */
export const TemplateProblemSchema = z.object({
  folder: z.string(),
  message: z.string(),
});
export type TemplateProblem = z.infer<typeof TemplateProblemSchema>;

export const TemplateListingSchema = z.object({
  templates: z.array(TemplateInfoSchema),
  problems: z.array(TemplateProblemSchema),
  /** The folders the officer added, in the order added (from preferences). */
  userFolders: z.array(z.string()),
});
export type TemplateListing = z.infer<typeof TemplateListingSchema>;

export const DocumentWarningSchema = z.object({
  /** unanswered-required | unanswered | missing-alt-text | unsupported-claim | weak-evidence | word-limit | missing-partner | empty-data */
  kind: z.string(),
  message: z.string(),
  questionId: z.string().optional(),
  alignmentId: z.string().optional(),
});
export type DocumentWarning = z.infer<typeof DocumentWarningSchema>;

/**
 * A draft keeps the guidance for the officer and is marked DRAFT; a final has none and is refused, with the list
 * of what is missing, until every required question is answered and every fact the template needs is there.
 */
export const DocumentModeSchema = z.enum(['draft', 'final']);
export type DocumentModeName = z.infer<typeof DocumentModeSchema>;

/** One thing that stops a final: what is missing and where (a question, the partner, the scope, a section). */
export const FinalBlockerSchema = z.object({
  /** unanswered-required | missing-partner | empty-scope | missing-fact */
  kind: z.string(),
  where: z.string(),
  message: z.string(),
  questionId: z.string().optional(),
});
export type FinalBlockerInfo = z.infer<typeof FinalBlockerSchema>;

/** Which draft of the workbook to render; the draft holds the template, scope, answers, marking and partner. */
export const DocumentRequestSchema = z.object({
  workbook: WorkbookSchema,
  draftId: z.string().min(1).max(64),
});

/**
 * The preview's request: as DocumentRequestSchema, but with the workbook as its JSON text, parsed and checked here
 * as a workbook file's text is. The preview is asked for on every change in the Documents step, and through the
 * browser mode's binding (and the test harness, which uses it) an object the size of the sample workbook took
 * about 150 ms to cross, every value serialised in script, where its text takes a few; over Electron's IPC either
 * is one copy.
 */
export const PreviewRequestSchema = z.object({
  workbook: z
    .string()
    .max(MAX_FILE_BYTES)
    .transform((text, ctx) => {
      const parsed = parseGuardedJson(text);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: 'The workbook sent for the preview is not readable JSON.' });
      return z.NEVER;
    })
    .pipe(WorkbookSchema),
  draftId: DocumentRequestSchema.shape.draftId,
});

/** Questions still without an answer; they appear in the document as guidance for the officer. */
const UnansweredSchema = z.array(z.object({ id: z.string(), label: z.string(), required: z.boolean() }));

export const DocumentPreviewSchema = z.object({
  /**
   * The print HTML the PDF is printed from (the PDF adds TOC page numbers), without the fonts: the preview adds the
   * documentFonts rules, which are the same for every document, so each preview does not carry them again.
   */
  html: z.string(),
  title: z.string(),
  warnings: z.array(DocumentWarningSchema),
  unanswered: UnansweredSchema,
  /** The questions that apply given the answers so far (some are asked only for, say, an Outline Business Case). */
  askedQuestionIds: z.array(z.string()),
  /** What stops a final being made now; empty when one can be. */
  blockers: z.array(FinalBlockerSchema),
});
export type DocumentPreview = z.infer<typeof DocumentPreviewSchema>;

export const JobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A job id is 1 to 64 letters, digits, "_" or "-"');

export const GeneratedFileSchema = z.object({
  format: DocumentFormatSchema,
  path: z.string(),
  fileName: z.string(),
  bytes: z.number(),
});
export type GeneratedFile = z.infer<typeof GeneratedFileSchema>;

export const GenerateOutcomeSchema = z.discriminatedUnion('status', [
  /** The officer closed the save dialog, or pressed Cancel while the document was being made; nothing was written. */
  z.object({ status: z.literal('cancelled') }),
  z.object({
    status: z.literal('generated'),
    mode: DocumentModeSchema,
    files: z.array(GeneratedFileSchema),
    unanswered: UnansweredSchema,
    warnings: z.array(DocumentWarningSchema),
  }),
]);
export type GenerateOutcome = z.infer<typeof GenerateOutcomeSchema>;

export const GENERATION_STEPS = ['binding', 'docx', 'html', 'pdf', 'finishing', 'writing'] as const;
export const GenerationStepSchema = z.enum(GENERATION_STEPS);
export type GenerationStep = z.infer<typeof GenerationStepSchema>;

export const DocumentProgressSchema = z.object({
  jobId: z.string(),
  step: GenerationStepSchema,
  /** 0 to 1 across the whole job. */
  fraction: z.number().min(0).max(1),
  /** What is happening, for the progress label and screen readers: "Printing the PDF…". */
  message: z.string(),
});
export type DocumentProgress = z.infer<typeof DocumentProgressSchema>;
