/**
 * What a document is about: the services in scope, the objectives they serve and the partner. A proposal is
 * scoped to what the draft names; only a template about the whole service (the strategic alignment statement)
 * or a draft that says so describes every service. The Documents step edits the draft's scope and starts it
 * from `defaultScope`.
 */
import type { SnapshotScope } from '../../model/document-snapshot';
import { newDraftScope } from '../../model/factories';
import { parsePeriod } from '../../model/periods';
import type { DraftScope, Workbook } from '../../model/workbook-schema';
import { parseMoney } from '../../text/numbers';
import type { Manifest, Question } from '../template/manifest';
import { objectiveTree, rollUpLinks, type ObjectiveTree } from './roll-up';

/** The part of a template the scope depends on (a loaded Template has it). */
export interface ScopedTemplate {
  readonly manifest: { readonly scope: Manifest['scope']; readonly questions: ReadonlyArray<Pick<Question, 'id' | 'kind'>> };
}

export interface ResolvedScope {
  /** True when the document describes the whole library service. */
  readonly wholeService: boolean;
  /** Services in scope, in the workbook's order. */
  readonly serviceIds: readonly string[];
  /** Reported objectives the document serves, in tree order. */
  readonly objectiveIds: readonly string[];
  /** Themes (top-level items) of those objectives, in tree order, for headings and context. */
  readonly themeIds: readonly string[];
  /** Whether the objectives were named in the draft (true) or follow from the services' links (false). */
  readonly objectivesNamed: boolean;
  readonly partnerId: string | null;
  /** The sum asked for and its period, when the draft gives them. */
  readonly amount: number | null;
  readonly period: string;
}

/**
 * The scope a document is bound to. Services: every one for a whole-service template or draft, otherwise those
 * the draft names that still exist. Objectives: those the draft names (an outcome or theme named there stands for
 * the objectives it rolls up to or contains); when it names none, every objective the services in scope
 * contribute to after the roll-up (every objective, for the whole service). Unknown ids are dropped.
 */
/**
 * The services a scope covers, in the workbook's order: every one for a whole-service template or draft (or no
 * scope at all), otherwise those the draft names that still exist. The Documents step, the readiness checklist
 * and resolveScope all count them this way.
 */
export function scopeServiceIds(
  workbook: Pick<Workbook, 'services'>,
  scope: DraftScope | null | undefined,
  templateScope: Manifest['scope'] = 'proposal',
): string[] {
  if (templateScope === 'whole-service' || !scope || scope.wholeService) return workbook.services.map((s) => s.id);
  const named = new Set(scope.serviceIds);
  return workbook.services.filter((s) => named.has(s.id)).map((s) => s.id);
}

export function resolveScope(
  workbook: Workbook,
  scope: DraftScope | null | undefined,
  template: ScopedTemplate,
  partnerId: string | null | undefined,
  tree: ObjectiveTree = objectiveTree(workbook.objectives),
): ResolvedScope {
  const wholeService = template.manifest.scope === 'whole-service' || !scope || scope.wholeService;
  const serviceIds = scopeServiceIds(workbook, scope, template.manifest.scope);

  const wanted = new Set<string>();
  for (const id of scope?.objectiveIds ?? []) {
    const reported = tree.reportedOf.get(id);
    if (reported) wanted.add(reported);
    else if (tree.index.byId.has(id))
      // A theme with children: the objectives within it.
      for (const o of tree.reported) if (isWithin(tree, o.id, id)) wanted.add(o.id);
  }
  const objectivesNamed = wanted.size > 0;
  let objectiveIds: string[];
  if (objectivesNamed) objectiveIds = tree.reported.filter((o) => wanted.has(o.id)).map((o) => o.id);
  else if (wholeService) objectiveIds = tree.reported.map((o) => o.id);
  else {
    const inScope = new Set(serviceIds);
    const reached = new Set([...rollUpLinks(workbook, tree).values()].filter((l) => inScope.has(l.serviceId)).map((l) => l.objectiveId));
    objectiveIds = tree.reported.filter((o) => reached.has(o.id)).map((o) => o.id);
  }
  const themes = new Set(objectiveIds.map((id) => tree.themeOf.get(id)).filter((id): id is string => id !== undefined));
  const themeIds = [...themes].sort((a, b) => (tree.order.get(a) ?? 0) - (tree.order.get(b) ?? 0));
  const partner = partnerId && workbook.partners.some((p) => p.id === partnerId) ? partnerId : null;
  return {
    wholeService,
    serviceIds,
    objectiveIds,
    themeIds,
    objectivesNamed,
    partnerId: partner,
    amount: scope?.amount ?? null,
    period: scope?.period.label ?? '',
  };
}

function isWithin(tree: ObjectiveTree, id: string, ancestor: string): boolean {
  const seen = new Set<string>();
  let current = tree.index.byId.get(id);
  while (current && !seen.has(current.id)) {
    if (current.id === ancestor) return true;
    seen.add(current.id);
    current = current.parentId ? tree.index.byId.get(current.parentId) : undefined;
  }
  return false;
}

const MONEY_QUESTIONS = ['total_cost', 'price', 'amount'];
const PERIOD_QUESTIONS = ['cost_period', 'price_period', 'period'];

/** A service's name and its name without a bracketed aside, lower-cased, for finding it in the officer's words. */
function namesOf(name: string): string[] {
  const full = name.toLowerCase().replace(/\s+/g, ' ').trim();
  const short = full.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  return [...new Set([full, short])].filter((n) => n.length >= 6);
}

/**
 * A starting scope for a new draft: the whole service for a whole-service template; otherwise the services the
 * answers name (by their name, with or without a bracketed aside), and the sum and period from the answers to
 * the template's money and period questions. The officer confirms or changes it in the Documents step.
 */
export function defaultScope(template: ScopedTemplate, workbook: Workbook, answers: Readonly<Record<string, string>>): DraftScope {
  if (template.manifest.scope === 'whole-service') return newDraftScope({ wholeService: true });
  const text = Object.values(answers).join('\n').toLowerCase().replace(/\s+/g, ' ');
  const serviceIds = workbook.services.filter((s) => namesOf(s.name).some((n) => text.includes(n))).map((s) => s.id);
  const answerOf = (ids: readonly string[], kind: string) => {
    const q = template.manifest.questions.find((x) => ids.includes(x.id) && x.kind === kind);
    return q && Object.hasOwn(answers, q.id) ? String(answers[q.id]).trim() : '';
  };
  const amount = parseMoney(answerOf(MONEY_QUESTIONS, 'money'));
  const period = answerOf(PERIOD_QUESTIONS, 'text');
  return newDraftScope({
    serviceIds,
    amount: amount !== null && amount >= 0 ? amount : null,
    period: parsePeriod(period),
  });
}

/**
 * What a PDF may carry of the workbook when the officer chooses to attach it: the document's own scope, resolved
 * as the document was (so a whole-service paper carries every service and a proposal only its own), with the
 * outcomes beneath each objective so the links that roll up to it travel too, and never names.
 */
export function attachmentScope(
  workbook: Workbook,
  scope: DraftScope | null | undefined,
  template: ScopedTemplate,
  partnerId: string | null | undefined,
): SnapshotScope {
  const tree = objectiveTree(workbook.objectives);
  const resolved = resolveScope(workbook, scope, template, partnerId, tree);
  const inScope = new Set(resolved.objectiveIds);
  return {
    serviceIds: resolved.serviceIds,
    // Each objective in scope with everything that rolls up to it (its outcomes).
    objectiveIds: workbook.objectives.filter((o) => inScope.has(tree.reportedOf.get(o.id) ?? '')).map((o) => o.id),
    partnerId: resolved.partnerId,
    includeNames: false,
  };
}
