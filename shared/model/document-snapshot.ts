/**
 * What a document may carry of the workbook it was made from (attached to its PDF when the officer chooses):
 * the document's own scope and nothing else. Kept: the workbook's identity and authority, the objectives in scope
 * (with the themes and objectives above them, so the hierarchy reads), the services in scope, the links between
 * them with the evidence and KPIs they cite (with their results), the one partner a proposal is for, and the
 * actions of the action plan that concern what is in scope (the whole plan for the whole service). Never: workshops (facilitator
 * notes, participants' names and ballots), other partners, document drafts, the officer's notes, dismissed
 * suggestions; and no names at all (the author, who recorded a link) unless the export was made with names.
 * The result is itself a valid workbook, so it can be opened and the document checked or made again. Pure.
 */
import { serialiseWorkbook } from './workbook-format';
import type { Objective, Workbook } from './workbook-schema';

export interface SnapshotScope {
  /** Services the document is about; null for all. */
  readonly serviceIds: readonly string[] | null;
  /** Objectives the document is about; null for all. */
  readonly objectiveIds: readonly string[] | null;
  /** The partner a partnership proposal is for; null for none. */
  readonly partnerId: string | null;
  /** Whether the export was made with people's names. */
  readonly includeNames: boolean;
}

export function documentSnapshot(wb: Workbook, scope: SnapshotScope): Workbook {
  const byId = new Map(wb.objectives.map((o) => [o.id, o]));
  const wanted = new Set<string>();
  for (const o of wb.objectives) {
    if (scope.objectiveIds !== null && !scope.objectiveIds.includes(o.id)) continue;
    // Up to the theme, so an objective in scope is not cut off from where it sits in the plan.
    for (let at: Objective | undefined = o; at && !wanted.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) wanted.add(at.id);
  }
  const services = wb.services.filter((s) => scope.serviceIds === null || scope.serviceIds.includes(s.id));
  const serviceIds = new Set(services.map((s) => s.id));
  const objectives = wb.objectives.filter((o) => wanted.has(o.id));
  const alignments = wb.alignments.filter((a) => serviceIds.has(a.serviceId) && wanted.has(a.objectiveId));
  const partners = wb.partners
    .filter((p) => p.id === scope.partnerId)
    .map((p) => ({ ...p, contact: scope.includeNames ? p.contact : '', objectives: p.objectives.map((po) => ({ ...po, objectiveIds: po.objectiveIds.filter((id) => wanted.has(id)) })) }));

  const citedEvidence = new Set([...objectives, ...services, ...alignments].flatMap((x) => x.evidenceIds));
  // Priorities and provenance may name a workshop, which is never carried.
  const noWorkshop = <T extends { priority: { workshopId: string | null } | null }>(x: T): T =>
    x.priority ? { ...x, priority: { ...x.priority, workshopId: null } } : x;

  const kpiIds = new Set(objectives.flatMap((o) => o.kpis.map((k) => k.id)));
  const whole = scope.serviceIds === null && scope.objectiveIds === null;
  // An action's origin names a workshop or a draft, which are never carried; it stays as an action entered.
  const actionPlan = wb.actionPlan
    .filter((a) => whole || a.objectiveIds.some((id) => wanted.has(id)) || a.serviceIds.some((id) => serviceIds.has(id)))
    .map((a) => ({
      ...a,
      objectiveIds: a.objectiveIds.filter((id) => wanted.has(id)),
      serviceIds: a.serviceIds.filter((id) => serviceIds.has(id)),
      kpiIds: a.kpiIds.filter((id) => kpiIds.has(id)),
      origin: { kind: 'entered' as const },
      updates: a.updates.map((u) => ({ ...u, by: scope.includeNames ? u.by : '' })),
    }));

  return {
    ...wb,
    author: scope.includeNames ? wb.author : '',
    notes: '',
    objectives: objectives.map(noWorkshop),
    services: services.map(noWorkshop),
    alignments: alignments.map((a) => ({
      ...a,
      provenance: { ...a.provenance, workshopId: null, by: scope.includeNames ? a.provenance.by : '' },
    })),
    evidence: wb.evidence.filter((e) => citedEvidence.has(e.id)),
    partners,
    workshops: [],
    drafts: [],
    dismissedSuggestions: [],
    actionPlan,
  };
}

/** The snapshot as the attachment's text: a workbook file. */
export function documentSnapshotText(wb: Workbook, scope: SnapshotScope): string {
  return serialiseWorkbook(documentSnapshot(wb, scope));
}
