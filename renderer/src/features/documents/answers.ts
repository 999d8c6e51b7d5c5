/**
 * Document drafts and their answers, as pure functions over the workbook: find or start the draft for a template,
 * read and write answers, and check them before export. The Documents step applies these through the undoable
 * store; the checks are the same ones the error summary lists.
 */
import type { Draft as Mutable } from 'immer';
import type { TemplateInfo, TemplateQuestion } from '../../../../shared/ipc/documents-contract';
import { newId } from '../../../../shared/model/ids';
import type { ProtectiveMarking } from '../../../../shared/model/vocabulary';
import type { Draft, Workbook } from '../../../../shared/model/workbook-schema';
import { defaultScope } from '../../../../shared/documents/facts/scope';
import { businessCaseDrafts } from '../../../../shared/documents/decision-basis';

export const MARKING_LABELS: Record<ProtectiveMarking, string> = {
  OFFICIAL: 'OFFICIAL',
  'OFFICIAL-SENSITIVE': 'OFFICIAL-SENSITIVE',
  NONE: 'No marking',
};

/** The draft the officer worked on most recently. */
export function latestDraft(workbook: Pick<Workbook, 'drafts'>): Draft | undefined {
  return workbook.drafts.reduce<Draft | undefined>((best, d) => (!best || d.modified > best.modified ? d : best), undefined);
}

/** The draft the officer worked on most recently for this template. */
export function latestDraftFor(workbook: Workbook, templateId: string): Draft | undefined {
  return latestDraft({ drafts: workbook.drafts.filter((d) => d.templateId === templateId) });
}

/**
 * A new draft for a template: its default answers and the default scope (the whole service for a template about
 * the whole service; for a proposal, the services its answers name), worked out as the documents engine does.
 */
export function newDraft(template: TemplateInfo, marking: ProtectiveMarking, workbook: Workbook, now = new Date()): Draft {
  const stamp = now.toISOString();
  const answers = template.questions
    .filter((q) => q.defaultValue !== null && q.defaultValue !== '')
    .map((q) => ({ questionId: q.id, value: q.defaultValue ?? '' }));
  const answerRecord = Object.fromEntries(answers.map((a) => [a.questionId, a.value]));
  // A committee report starts from the latest business case that holds decision data, and its scope.
  const basis = template.basedOn === 'business-case' ? (businessCaseDrafts(workbook, () => false)[0] ?? null) : null;
  const scope = defaultScope({ manifest: { scope: template.scope, questions: template.questions } }, workbook, answerRecord);
  return {
    id: newId('draft'),
    templateId: template.id,
    title: template.name,
    scope: basis && scope.serviceIds.length === 0 ? { ...scope, serviceIds: [...basis.scope.serviceIds], objectiveIds: [...basis.scope.objectiveIds] } : scope,
    answers,
    protectiveMarking: marking,
    partnerId: null,
    businessCase: null,
    basedOnDraftId: basis?.id ?? null,
    created: stamp,
    modified: stamp,
  };
}

export function answerOf(draft: Pick<Draft, 'answers'>, questionId: string): string {
  return draft.answers.find((a) => a.questionId === questionId)?.value ?? '';
}

/** Sets (or, when blank, removes) an answer on a draft inside an edit() recipe. */
export function setAnswer(draft: Mutable<Draft>, questionId: string, value: string, now = new Date()): void {
  const i = draft.answers.findIndex((a) => a.questionId === questionId);
  if (value.trim() === '') {
    if (i >= 0) draft.answers.splice(i, 1);
  } else if (i >= 0) draft.answers[i]!.value = value;
  else draft.answers.push({ questionId, value });
  draft.modified = now.toISOString();
}

// ---- Table answers: a JSON list of rows keyed by column id --------------------------------------------------

export type TableRow = Record<string, string>;

/** Reads a table answer; the engine also accepts lines of " | "-separated cells, so those are read too. */
export function parseTableAnswer(value: string, columns: TemplateQuestion['columns']): TableRow[] {
  const text = value.trim();
  if (text === '') return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed))
      return parsed
        .filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object' && !Array.isArray(r))
        .map((r) => Object.fromEntries(columns.map((c) => [c.id, typeof r[c.id] === 'string' ? (r[c.id] as string) : String(r[c.id] ?? '')])));
  } catch {
    // Not JSON: fall through to the line format.
  }
  return text.split(/\r?\n/).map((line) => {
    const cells = line.split(' | ');
    return Object.fromEntries(columns.map((c, i) => [c.id, (cells[i] ?? '').trim()]));
  });
}

const isBlankRow = (r: TableRow) => Object.values(r).every((v) => v.trim() === '');

/**
 * Keeps rows as the officer left them (a row just added and not yet filled in stays put while they type
 * elsewhere); a table with nothing in it is no answer at all. Blank rows are dropped when the document is made.
 */
export function serialiseTableAnswer(rows: readonly TableRow[]): string {
  return rows.every(isBlankRow) ? '' : JSON.stringify(rows);
}

export function filledRows(value: string, columns: TemplateQuestion['columns']): TableRow[] {
  return parseTableAnswer(value, columns).filter((r) => !isBlankRow(r));
}

// ---- Checks ------------------------------------------------------------------------------------------------

const MONEY = /^£?\s*\d{1,3}(,\d{3})*(\.\d+)?\s*(k|m|bn)?$|^£?\s*\d+(\.\d+)?\s*(k|m|bn)?$/i;
const NUMBER = /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/;

function validDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A problem with the answer as typed (wrong format), whether or not the question is required. */
export function formatProblem(question: TemplateQuestion, value: string): string | null {
  const text = value.trim();
  if (text === '') return null;
  switch (question.kind) {
    case 'money':
      return MONEY.test(text) ? null : `Enter an amount in pounds for “${question.label}”, for example 1250000 or £1.25m`;
    case 'number':
      return NUMBER.test(text) ? null : `Enter a number for “${question.label}”, for example 1250 or 3.5`;
    case 'date':
      return validDate(text) ? null : `Enter a real date for “${question.label}”`;
    case 'choice':
      return question.options.some((o) => o.value === text) ? null : `Choose one of the options for “${question.label}”`;
    default:
      return null;
  }
}

/** What stops the answer being used: missing when required, or in the wrong format. */
export function answerProblem(question: TemplateQuestion, value: string): string | null {
  if (value.trim() === '' || (question.kind === 'table' && filledRows(value, question.columns).length === 0)) {
    if (!question.required) return null;
    switch (question.kind) {
      case 'choice':
        return `Choose an option for “${question.label}”`;
      case 'table':
        return `Add at least one row to “${question.label}”`;
      case 'date':
        return `Enter a date for “${question.label}”`;
      default:
        return `Answer “${question.label}”`;
    }
  }
  return formatProblem(question, value);
}

export interface AnswerError {
  readonly questionId: string;
  readonly message: string;
}

/** Every problem that stops an export, in the order the questions are asked. */
export function checkAnswers(
  questions: readonly TemplateQuestion[],
  draft: Pick<Draft, 'answers'>,
  asked: ReadonlySet<string> | null,
): AnswerError[] {
  const out: AnswerError[] = [];
  for (const q of questions) {
    if (asked && !asked.has(q.id)) continue;
    const message = answerProblem(q, answerOf(draft, q.id));
    if (message) out.push({ questionId: q.id, message });
  }
  return out;
}

/** Questions in display order, grouped under their headings (ungrouped ones first, under no heading). */
export function groupQuestions(questions: readonly TemplateQuestion[]): Array<{ group: string; questions: TemplateQuestion[] }> {
  const groups: Array<{ group: string; questions: TemplateQuestion[] }> = [];
  for (const q of questions) {
    const last = groups.find((g) => g.group === q.group);
    if (last) last.questions.push(q);
    else groups.push({ group: q.group, questions: [q] });
  }
  return groups;
}

/** A DOM id for a question's field, safe for any question id a template declares. */
export const questionFieldId = (questionId: string) => `doc-q-${questionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
