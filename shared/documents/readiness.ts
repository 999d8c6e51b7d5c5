/**
 * The readiness checklist of a document draft: what the Review step would say about the part of the workbook the
 * document covers (weak or missing evidence, services with no link, objectives no service in scope reaches) and
 * what the draft itself still lacks (required answers, the partner, the services in scope). None of it is ever
 * printed in a document; the Documents step lists it, each item with the place to fix it. Items that stop a
 * final say so; the rest are advice.
 */
import { weakClaims } from '../analysis/coverage';
import type { DraftScope, Workbook } from '../model/workbook-schema';
import { scopeServiceIds } from './facts/scope';
import { decisionBasis, decisionBasisProblems } from './decision-basis';

export type ReadinessKind =
  | 'unanswered-required'
  | 'unanswered'
  | 'missing-partner'
  | 'missing-business-case'
  | 'empty-scope'
  | 'scope-gap'
  | 'unlinked-service'
  | 'unsupported-claim'
  | 'weak-evidence';

/** Where the officer goes to fix an item: a field of the Documents step, or an item in another step. */
export type ReadinessTarget =
  | { readonly kind: 'question'; readonly questionId: string }
  | { readonly kind: 'partner-field' }
  | { readonly kind: 'based-on-field' }
  | { readonly kind: 'scope-field' }
  | { readonly kind: 'objective'; readonly id: string }
  | { readonly kind: 'service'; readonly id: string }
  | { readonly kind: 'link'; readonly id: string };

export interface ReadinessItem {
  readonly kind: ReadinessKind;
  readonly message: string;
  /** True when a final cannot be made until this is done. */
  readonly blocksFinal: boolean;
  readonly target: ReadinessTarget;
}

/** What the checklist needs of a template: the manifest and the IPC description both have these. */
export interface ReadinessTemplate {
  readonly scope: 'proposal' | 'whole-service';
  readonly partner: 'none' | 'optional' | 'required';
  /** A committee report is based on a business case (absent: 'none'). */
  readonly basedOn?: 'none' | 'business-case';
  readonly questions: ReadonlyArray<{ readonly id: string; readonly label: string; readonly required: boolean }>;
}

export interface ReadinessDraft {
  readonly scope: DraftScope;
  readonly answers: ReadonlyArray<{ readonly questionId: string; readonly value: string }>;
  readonly partnerId: string | null;
  readonly id?: string;
  /** The business case a committee report asks a decision on. */
  readonly basedOnDraftId?: string | null;
}

export interface ReadinessInput {
  readonly workbook: Workbook;
  readonly template: ReadinessTemplate;
  readonly draft: ReadinessDraft;
  /** The questions that apply given the answers (some depend on others); all of the template's when absent. */
  readonly askedQuestionIds?: ReadonlySet<string>;
}

/** The services a draft covers: every service for a whole-service document, otherwise the ones chosen that exist. */
export function servicesInScope(workbook: Workbook, template: Pick<ReadinessTemplate, 'scope'>, scope: DraftScope): string[] {
  return scopeServiceIds(workbook, scope, template.scope);
}

/** Each objective with itself and everything beneath it, so a link to an outcome counts for its objective. */
function withDescendants(workbook: Workbook): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const o of workbook.objectives) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  const out = new Map<string, Set<string>>();
  for (const o of workbook.objectives) {
    const all = new Set<string>();
    const stack = [o.id];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (all.has(id)) continue;
      all.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    out.set(o.id, all);
  }
  return out;
}

export function readinessChecklist(input: ReadinessInput): ReadinessItem[] {
  const { workbook, template, draft } = input;
  const items: ReadinessItem[] = [];
  const answered = new Set(draft.answers.filter((a) => a.value.trim() !== '').map((a) => a.questionId));

  const services = servicesInScope(workbook, template, draft.scope);
  if (template.scope === 'proposal' && !draft.scope.wholeService && services.length === 0)
    items.push({ kind: 'empty-scope', blocksFinal: true, target: { kind: 'scope-field' }, message: 'Choose the services this proposal is about: none are in scope.' });
  if (template.partner === 'required' && !workbook.partners.some((p) => p.id === draft.partnerId))
    items.push({ kind: 'missing-partner', blocksFinal: true, target: { kind: 'partner-field' }, message: 'Choose the partner this document is for.' });
  if (template.basedOn === 'business-case') {
    const link = { id: draft.id ?? '', basedOnDraftId: draft.basedOnDraftId ?? null };
    for (const message of decisionBasisProblems(decisionBasis(workbook, link), link.basedOnDraftId !== null))
      items.push({ kind: 'missing-business-case', blocksFinal: true, target: { kind: 'based-on-field' }, message });
  }
  for (const q of template.questions) {
    if (input.askedQuestionIds && !input.askedQuestionIds.has(q.id)) continue;
    if (answered.has(q.id)) continue;
    items.push(
      q.required
        ? { kind: 'unanswered-required', blocksFinal: true, target: { kind: 'question', questionId: q.id }, message: `Answer “${q.label}” (required).` }
        : { kind: 'unanswered', blocksFinal: false, target: { kind: 'question', questionId: q.id }, message: `Answer “${q.label}”.` },
    );
  }

  const inScope = new Set(services);
  const serviceName = new Map(workbook.services.map((s) => [s.id, s.name]));
  const objectiveTitle = new Map(workbook.objectives.map((o) => [o.id, o.title]));
  const links = workbook.alignments.filter((a) => a.strength > 0 && inScope.has(a.serviceId));
  const below = withDescendants(workbook);
  const chosenObjectives = draft.scope.objectiveIds.filter((id) => objectiveTitle.has(id));
  // Objectives the document serves: those chosen (with their outcomes), or else those its services link to.
  const served = new Set(chosenObjectives.length > 0 ? chosenObjectives.flatMap((id) => [...(below.get(id) ?? [id])]) : links.map((a) => a.objectiveId));

  for (const id of chosenObjectives) {
    const reach = below.get(id) ?? new Set([id]);
    if (!links.some((a) => reach.has(a.objectiveId)))
      items.push({
        kind: 'scope-gap',
        blocksFinal: false,
        target: { kind: 'objective', id },
        message: `No service in scope contributes to “${objectiveTitle.get(id)}”: link one on the Map, or take the objective out of scope.`,
      });
  }
  // A document about the whole service answers for every objective: one that no service reaches is a gap in it.
  if (template.scope === 'whole-service' || draft.scope.wholeService)
    for (const o of workbook.objectives) {
      const leaf = (below.get(o.id)?.size ?? 1) === 1;
      if (leaf && !links.some((a) => a.objectiveId === o.id))
        items.push({
          kind: 'scope-gap',
          blocksFinal: false,
          target: { kind: 'objective', id: o.id },
          message: `No service contributes to “${o.title}”: link one on the Map if one does.`,
        });
    }
  for (const id of services)
    if (!links.some((a) => a.serviceId === id))
      items.push({
        kind: 'unlinked-service',
        blocksFinal: false,
        target: { kind: 'service', id },
        message: `“${serviceName.get(id)}” is in scope but linked to no objective.`,
      });
  for (const w of weakClaims(workbook)) {
    if (!inScope.has(w.serviceId) || !served.has(w.objectiveId)) continue;
    const what = `${w.strength === 3 ? 'Strong' : 'Medium'} contribution of “${serviceName.get(w.serviceId) ?? w.serviceId}” to “${objectiveTitle.get(w.objectiveId) ?? w.objectiveId}”`;
    if (w.reasons.includes('no-evidence'))
      items.push({ kind: 'unsupported-claim', blocksFinal: false, target: { kind: 'link', id: w.alignmentId }, message: `${what} cites no evidence.` });
    else if (w.reasons.includes('weak-evidence'))
      items.push({ kind: 'weak-evidence', blocksFinal: false, target: { kind: 'link', id: w.alignmentId }, message: `${what} rests only on limited or anecdotal evidence.` });
  }
  return items;
}
