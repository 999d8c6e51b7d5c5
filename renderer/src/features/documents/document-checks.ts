/**
 * What the step checks before an export, worked out from the draft, its template and the latest preview: the
 * questions asked, the readiness checklist, the facts a section lacks, format errors, and whether the export the
 * officer chose would be refused. Pure, so the step only shows what this returns.
 */
import type { DocumentWarning, FinalBlockerInfo, TemplateInfo, TemplateQuestion } from '../../../../shared/ipc/documents-contract';
import { readinessChecklist, type ReadinessItem } from '../../../../shared/documents/readiness';
import type { Draft, Workbook } from '../../../../shared/model/workbook-schema';
import { answerOf, formatProblem, type AnswerError } from './answers';
import type { ExportMode } from './ExportPanel';
import type { PreviewState } from './use-document-preview';

/** Preview warnings the readiness checklist does not already list (it covers answers, partner and claims). */
const LISTED_BY_READINESS = new Set([
  'unanswered-required',
  'unanswered',
  'missing-partner',
  'missing-business-case',
  'unsupported-claim',
  'weak-evidence',
]);

export interface DocumentChecks {
  /** The template's questions that apply given the answers so far (all of them until the first preview). */
  readonly questions: readonly TemplateQuestion[];
  readonly readiness: readonly ReadinessItem[];
  readonly finalBlockers: readonly ReadinessItem[];
  /** Facts a section needs that the workbook lacks: they stop a final too. */
  readonly missingFacts: readonly FinalBlockerInfo[];
  readonly otherWarnings: readonly DocumentWarning[];
  /** A wrong format stops any export. */
  readonly formatErrors: readonly AnswerError[];
  /** Whether an export in this mode would be refused now. */
  readonly refused: boolean;
}

export function documentChecks(input: {
  workbook: Workbook;
  draft: Draft;
  template: TemplateInfo;
  preview: PreviewState;
  mode: ExportMode;
}): DocumentChecks {
  const { workbook, draft, template, preview, mode } = input;
  const ready = preview?.kind === 'ready' ? preview.result : null;
  const asked = ready ? new Set(ready.askedQuestionIds) : null;
  const questions = template.questions.filter((q) => !asked || asked.has(q.id));
  const blockers = ready?.blockers ?? [];
  // An optional question a sentence of the document needs stops a final like a required one.
  const neededInText = new Set(blockers.flatMap((b) => (b.kind === 'unanswered-in-text' && b.questionId ? [b.questionId] : [])));
  const readiness = readinessChecklist({ workbook, template, draft, ...(asked ? { askedQuestionIds: asked } : {}) }).map((i) =>
    i.kind === 'unanswered' && i.target.kind === 'question' && neededInText.has(i.target.questionId)
      ? { ...i, blocksFinal: true, message: `${i.message.replace(/\.$/, '')}: a sentence in the document needs it.` }
      : i,
  );
  const missingFacts = blockers.filter((b) => b.kind === 'missing-fact' || (b.kind === 'unanswered-in-text' && !b.questionId));
  const otherWarnings = ready ? ready.warnings.filter((w) => !LISTED_BY_READINESS.has(w.kind)) : [];
  const formatErrors = questions.flatMap((q) => {
    const message = formatProblem(q, answerOf(draft, q.id));
    return message ? [{ questionId: q.id, message }] : [];
  });
  const finalBlockers = readiness.filter((i) => i.blocksFinal);
  const refused = formatErrors.length > 0 || (mode === 'final' && finalBlockers.length + missingFacts.length > 0);
  return { questions, readiness, finalBlockers, missingFacts, otherWarnings, formatErrors, refused };
}

/** The message beside a question: what stops a final (once the officer has tried one), or a wrong format. */
export function questionError(checks: DocumentChecks, question: TemplateQuestion, value: string, showFinalBlockers: boolean): string | null {
  if (showFinalBlockers) {
    const blocker = checks.finalBlockers.find((i) => i.target.kind === 'question' && i.target.questionId === question.id);
    if (blocker) return blocker.message;
  }
  return formatProblem(question, value);
}
