/**
 * Binding: template + workbook + answers → document model, with the pre-export warnings the officer sees before
 * exporting. Pure and total: any template problem comes back as a located error, never an exception.
 */
import { analyseWorkbook } from '../analysis/report';
import type { ProtectiveMarking } from '../model/vocabulary';
import type { BusinessCaseData } from '../model/business-case-schema';
import { decisionBasisProblems, type DecisionBasis } from './decision-basis';
import type { DraftScope, Workbook } from '../model/workbook-schema';
import { fail, ok, type Result } from '../result';
import { allBlocks, guidanceIn, inlineText, type Block, type DocModel, type DocumentMode, type DocumentSection, type Inline, type Reference } from './model';
import { countWords } from './plain-text';
import { computeFacts } from './facts/facts';
import { objectiveTree } from './facts/roll-up';
import { resolveScope } from './facts/scope';
import { renderNamedBlock, type BlockContext } from './template/blocks';
import { buildDataView, MarkdownText, officialName, Unanswered, type ViewValue } from './template/data-view';
import { evaluate, resolvePath, type EvalHost, type EvalState } from './template/evaluate';
import { asSentence } from '../text/words';
import { formatDate } from '../text/dates';
import { parseMoney } from '../text/numbers';
import type { Template } from './template/load-template';
import type { Question } from './template/manifest';
import { markdownToBlocks } from './template/markdown';
import { TemplateError, type Node } from './template/syntax';

export interface BindOptions {
  readonly protectiveMarking: ProtectiveMarking;
  readonly generatedAt: Date;
  readonly partnerId?: string | null;
  /** What the document proposes (the draft's scope); absent means the whole service. */
  readonly scope?: DraftScope;
  /** A draft keeps guidance and unanswered-question markers; a final has none and is refused while incomplete. Default draft. */
  readonly mode?: DocumentMode;
  /** The decision data the business-case blocks print (a draft's businessCase); absent or null when there is none. */
  readonly businessCase?: BusinessCaseData | null;
  /** The business case a committee report asks a decision on (its draft's basedOnDraftId), when it is in the workbook. */
  readonly basedOn?: DecisionBasis | null;
  /** True when the draft names a business case, even one no longer in the workbook. */
  readonly basedOnNamed?: boolean;
}

export type { DocumentMode } from './model';

/** Why a final cannot be made yet: what is missing, and where (a question, the partner, the scope, a section). */
export type FinalBlockerKind = 'unanswered-required' | 'unanswered-in-text' | 'missing-partner' | 'empty-scope' | 'missing-fact' | 'missing-decision-basis';

export interface FinalBlocker {
  readonly kind: FinalBlockerKind;
  /** Where it is: "Question “…”", "Partner", "Scope", "Business case", or "Section “…”" for a fact a section needs. */
  readonly where: string;
  readonly message: string;
  readonly questionId?: string;
}

export type PreExportWarningKind =
  | 'unanswered-required'
  | 'unanswered'
  | 'missing-alt-text'
  | 'unsupported-claim'
  | 'weak-evidence'
  | 'word-limit'
  | 'missing-partner'
  | 'missing-business-case'
  | 'empty-data';

export interface PreExportWarning {
  readonly kind: PreExportWarningKind;
  readonly message: string;
  readonly questionId?: string;
  readonly alignmentId?: string;
}

export interface BindOutput {
  readonly document: DocModel;
  readonly warnings: readonly PreExportWarning[];
  /** Questions the document shows as guidance because they have no answer, in template order. */
  readonly unanswered: readonly Question[];
  /** What stands between this document and a final one; empty when a final can be made. */
  readonly blockers: readonly FinalBlocker[];
}

/** The questions to ask now: those without a `when`, or whose `when` answer matches. */
export function questionsToAsk(template: Template, answers: Readonly<Record<string, string>>): Question[] {
  const qs = template.manifest.questions;
  const valueOf = (id: string) => {
    const q = qs.find((x) => x.id === id);
    return (Object.hasOwn(answers, id) ? answers[id] : q?.default) ?? '';
  };
  return qs.filter((q) => !q.when || q.when.in.includes(valueOf(q.when.question).trim()));
}

/** A title field as text; an unanswered question shows as "[its label]" in a draft and leaves nothing in a final. */
function plainText(nodes: readonly Node[], root: ViewValue, final: boolean): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'value') {
      const v = resolvePath(n.path, root, []);
      if (v instanceof Unanswered) out += final ? '' : `[${v.question.label}]`;
      else if (v instanceof MarkdownText) out += v.source.replace(/\s+/g, ' ');
      else if (typeof v === 'string' || typeof v === 'number') out += String(v);
    }
  }
  return out.trim();
}

/** The sum a document asks for when its scope does not say: the answer to its first money question, with the period question beside it. */
function amountAnswer(asked: readonly Question[], answers: Readonly<Record<string, string>>): { amount: number; period: string } | null {
  const q = asked.find((x) => x.kind === 'money' && Object.hasOwn(answers, x.id));
  const amount = q ? parseMoney(answers[q.id] ?? '') : null;
  if (amount === null) return null;
  const period = asked.find((x) => x.kind === 'text' && /period/.test(x.id) && Object.hasOwn(answers, x.id));
  return { amount, period: period ? (answers[period.id] ?? '').trim() : '' };
}

export function bindDocument(
  template: Template,
  workbook: Workbook,
  answers: Readonly<Record<string, string>>,
  options: BindOptions,
): Result<BindOutput> {
  const partnerId = options.partnerId ?? null;
  const mode: DocumentMode = options.mode ?? 'draft';
  const final = mode === 'final';
  const warnings: PreExportWarning[] = [];
  const asked = questionsToAsk(template, answers);
  const unanswered = new Map<string, Question>();
  const references: Reference[] = [];
  const evidence = new Map(workbook.evidence.map((e) => [e.id, e]));
  const ids = new Set<string>();
  const analysis = analyseWorkbook(workbook);
  const generatedAt = options.generatedAt;
  const tree = objectiveTree(workbook.objectives);
  // A committee report prints the decision data of the business case it is based on, never data of its own.
  const basedOn = template.manifest.basedOn === 'business-case' ? (options.basedOn ?? null) : null;
  const facts = computeFacts({
    workbook,
    tree,
    scope: resolveScope(workbook, options.scope, template, partnerId, tree),
    amountFromAnswers: amountAnswer(asked, answers),
    businessCase: template.manifest.basedOn === 'business-case' ? (basedOn?.businessCase ?? null) : (options.businessCase ?? null),
  });

  if (template.manifest.partner === 'required' && !(partnerId && workbook.partners.some((p) => p.id === partnerId)))
    warnings.push({ kind: 'missing-partner', message: 'This template is written for a named partner: choose one of the workbook’s partners.' });

  const cite = (evidenceId: string): Inline | null => {
    const e = evidence.get(evidenceId);
    if (!e) return null;
    if (!references.some((r) => r.id === e.id)) {
      const who = e.publisher || 'Unknown publisher';
      references.push({
        id: e.id,
        text: `${who}${e.year ? ` (${e.year})` : ''}. ${asSentence(e.title)}${e.figure ? ` Headline figure: ${asSentence(e.figure)}` : ''}`,
        ...(e.url ? { url: e.url } : {}),
      });
    }
    return { kind: 'citation', refId: e.id };
  };
  const warned = new Set<string>();
  /** Guidance boxes a named block put in for a fact the workbook lacks (no KPIs, no partner…), not for a question. */
  const missingFacts = new WeakSet<Block>();
  let blockAskedQuestion = false;
  let blockMissedPartner = false;
  const blockContext: BlockContext = {
    workbook,
    analysis,
    facts,
    questions: asked,
    answers,
    partnerId,
    basedOn,
    generatedAt,
    ids,
    cite,
    unanswered: (q) => {
      blockAskedQuestion = true;
      unanswered.set(q.id, q);
    },
    warn: (kind, message) => {
      // Both are listed once as blockers of their own (the partner, the business case), not as a missing fact per block.
      if (kind === 'missing-partner' || kind === 'missing-business-case') blockMissedPartner = true;
      if (warned.has(message)) return;
      warned.add(message);
      warnings.push({ kind, message });
    },
  };
  const state: EvalState = { blocks: [], inlines: [], length: 0 };
  const host: EvalHost = {
    renderBlock: (name, opts, at) => {
      blockAskedQuestion = false;
      blockMissedPartner = false;
      const out = renderNamedBlock(blockContext, name, opts, at);
      // A block's guidance stands either for an unanswered question (left out of a final; a required one is
      // listed below) or for a fact the workbook lacks, which blocks a final. A missing partner is listed once.
      const isBox = (b: Block) => b.kind === 'callout' && b.tone === 'guidance';
      if (blockAskedQuestion || blockMissedPartner) return final ? out.filter((b) => !isBox(b)) : out;
      for (const b of out) if (guidanceIn(b).length > 0) missingFacts.add(b);
      return out;
    },
    answerBlocks: (source) => markdownToBlocks(source, { blocks: state.blocks, inlines: state.inlines, ids, demoteHeadings: true }),
    templateBlocks: (source) => markdownToBlocks(source, { blocks: state.blocks, inlines: state.inlines, ids }),
    cite,
    unanswered: (q) => unanswered.set(q.id, q),
    final,
  };

  let sections: DocumentSection[];
  let root: ViewValue;
  try {
    root = buildDataView({
      workbook,
      analysis,
      facts,
      questions: asked,
      answers,
      marking: options.protectiveMarking,
      generatedAt,
    });
    sections = template.sections.map((s) => {
      const markdown = evaluate(s.nodes, root, host, state);
      return { orientation: s.orientation, blocks: markdownToBlocks(markdown, { blocks: state.blocks, inlines: state.inlines, ids }) };
    });
  } catch (e) {
    if (e instanceof TemplateError)
      return fail('INVALID_INPUT', `The template “${template.manifest.name}” has a problem in ${e.message}`, [
        { path: `${e.where.file}:${e.where.line}:${e.where.column}`, message: e.detail },
      ]);
    return fail('INTERNAL', `The document could not be produced from “${template.manifest.name}”: ${e instanceof Error ? e.message : String(e)}.`);
  }

  const title = plainText(template.documentFields.title, root, final) || template.manifest.name;
  const subtitle = plainText(template.documentFields.subtitle, root, final);
  const subject = plainText(template.documentFields.subject, root, final) || template.manifest.description.slice(0, 200);
  const organisation = officialName(workbook);
  const author = workbook.author || organisation;

  for (const q of asked) {
    const raw = (Object.hasOwn(answers, q.id) ? answers[q.id] : q.default) ?? '';
    if (raw.trim() === '') {
      if (q.required) warnings.push({ kind: 'unanswered-required', questionId: q.id, message: `“${q.label}” is required but not answered; the document shows guidance in its place.` });
      else if (unanswered.has(q.id)) warnings.push({ kind: 'unanswered', questionId: q.id, message: `“${q.label}” is not answered; the document shows guidance in its place.` });
    } else if (q.wordLimit && countWords(raw) > q.wordLimit)
      warnings.push({ kind: 'word-limit', questionId: q.id, message: `“${q.label}” has ${countWords(raw)} words; the limit is ${q.wordLimit}.` });
  }
  const services = new Map(workbook.services.map((s) => [s.id, s.name]));
  const objectives = new Map(workbook.objectives.map((o) => [o.id, o.title]));
  // Only the claims this document makes: those of the services in scope, towards the objectives in scope.
  const scopedServices = new Set(facts.scope.serviceIds);
  const scopedObjectives = new Set(facts.scope.objectiveIds);
  const claims = analysis.weakClaims.filter((w) => scopedServices.has(w.serviceId) && scopedObjectives.has(facts.tree.reportedOf.get(w.objectiveId) ?? ''));
  for (const w of claims) {
    const what = `${w.strength === 3 ? 'Strong' : 'Medium'} contribution of “${services.get(w.serviceId) ?? w.serviceId}” to “${objectives.get(w.objectiveId) ?? w.objectiveId}”`;
    if (w.reasons.includes('no-evidence')) warnings.push({ kind: 'unsupported-claim', alignmentId: w.alignmentId, message: `${what} cites no evidence.` });
    else if (w.reasons.includes('weak-evidence'))
      warnings.push({ kind: 'weak-evidence', alignmentId: w.alignmentId, message: `${what} rests only on limited or anecdotal evidence.` });
  }

  const blockers: FinalBlocker[] = [];
  for (const q of asked) {
    const raw = (Object.hasOwn(answers, q.id) ? answers[q.id] : q.default) ?? '';
    if (q.required && raw.trim() === '')
      blockers.push({ kind: 'unanswered-required', where: `Question “${q.label}”`, questionId: q.id, message: 'Required and not answered.' });
  }
  if (template.manifest.partner === 'required' && !(partnerId && workbook.partners.some((p) => p.id === partnerId)))
    blockers.push({ kind: 'missing-partner', where: 'Partner', message: 'No partner is chosen: this template is written for one of the workbook’s partners.' });
  const scope = options.scope;
  if (template.manifest.scope === 'proposal' && scope && !scope.wholeService && scope.serviceIds.length === 0)
    blockers.push({ kind: 'empty-scope', where: 'Scope', message: 'No services are in scope: choose the services this proposal is about.' });
  if (template.manifest.basedOn === 'business-case')
    for (const message of decisionBasisProblems(basedOn, options.basedOnNamed ?? false))
      blockers.push({ kind: 'missing-decision-basis', where: 'Business case', message });
  const missingRequired = new Set(blockers.flatMap((b) => (b.kind === 'unanswered-required' && b.questionId ? [b.questionId] : [])));
  for (const s of sections) {
    let heading = template.manifest.name;
    for (const b of s.blocks) {
      if (b.kind === 'heading') heading = inlineText(b.content);
      for (const g of guidanceIn(b)) {
        // A marker in a sentence cannot be left out of a final, so even an optional question is needed there.
        const inSentence = /^\[To complete: (.+)\]$/.exec(g.text);
        if (inSentence) {
          const q = asked.find((x) => x.label === inSentence[1]);
          if (!q || !missingRequired.has(q.id))
            blockers.push({
              kind: 'unanswered-in-text',
              where: `Section “${heading}”`,
              message: `“${inSentence[1]}” is not answered, and a sentence here needs it.`,
              ...(q ? { questionId: q.id } : {}),
            });
        } else if (final || missingFacts.has(b))
          // In a final, any guidance still present blocks it; in a draft, only the boxes that stand for a missing fact.
          blockers.push({ kind: 'missing-fact', where: `Section “${heading}”`, message: g.title ? `${g.title.replace(/\.$/, '')}: ${g.text}` : g.text });
      }
    }
  }
  if (final && blockers.length > 0)
    return fail(
      'INVALID_INPUT',
      `A final “${template.manifest.name}” cannot be made yet: ${blockers.length === 1 ? 'one thing is' : `${blockers.length} things are`} missing. Complete ${blockers.length === 1 ? 'it' : 'them'}, or export a draft.`,
      blockers.map((b) => ({ path: b.where, message: b.message })),
    );

  const document: DocModel = {
    properties: {
      title,
      subject,
      author,
      organisation,
      language: 'en-GB',
      keywords: [...template.manifest.document.keywords, ...(workbook.authority ? [workbook.authority.name] : [])],
      description: template.manifest.description,
      generatedAt: generatedAt.toISOString(),
      templateId: template.manifest.id,
      templateVersion: template.manifest.version,
    },
    marking: options.protectiveMarking,
    status: mode,
    runningTitle: title,
    titlePage: {
      title,
      subtitle,
      organisation,
      details: [
        { label: 'Prepared by', value: author },
        { label: 'Organisation', value: organisation },
        { label: 'Date', value: formatDate(generatedAt) },
      ],
    },
    sections: sections.filter((s) => s.blocks.length > 0),
    references,
  };
  for (const b of allBlocks(document))
    if (b.kind === 'figure' && b.alt.trim() === '') warnings.push({ kind: 'missing-alt-text', message: `The figure “${b.caption}” has no alt text.` });
  return ok({ document, warnings, unanswered: asked.filter((q) => unanswered.has(q.id)), blockers });
}

