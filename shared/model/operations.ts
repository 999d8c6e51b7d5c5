/**
 * Edits that must keep the workbook's references whole: deleting or merging an entity removes or redirects
 * every reference to it (links, dismissed suggestions, partner mappings, workshop items), so a workbook can
 * always be saved and reopened. Each function mutates the workbook it is given; callers pass an immer draft
 * (the renderer's store, the command line) so the change is one undoable step.
 */
import { newId } from './ids';
import type { Alignment, Provenance, Workbook } from './workbook-schema';
import type { Strength } from './vocabulary';

function removeIds(list: string[], ids: ReadonlySet<string>): void {
  for (let i = list.length - 1; i >= 0; i--) if (ids.has(list[i]!)) list.splice(i, 1);
}

function filterInPlace<T>(list: T[], keep: (item: T) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) if (!keep(list[i]!)) list.splice(i, 1);
}

/** Removes references to objectives or services (by id) from workshops. */
function dropWorkshopRefs(wb: Workbook, ids: ReadonlySet<string>): void {
  for (const w of wb.workshops) {
    for (const a of w.activities) {
      removeIds(a.scope.objectiveIds, ids);
      removeIds(a.scope.serviceIds, ids);
      switch (a.kind) {
        case 'ideas':
          for (const idea of a.ideas) if (idea.targetId && ids.has(idea.targetId)) idea.targetId = null;
          break;
        case 'dot-vote':
        case 'points':
          removeIds(a.optionIds, ids);
          for (const b of a.ballots) filterInPlace(b.allocations, (al) => !ids.has(al.optionId));
          if (a.kind === 'dot-vote') filterInPlace(a.totals, (t) => !ids.has(t.optionId));
          break;
        case 'two-by-two':
          removeIds(a.optionIds, ids);
          filterInPlace(a.placements, (p) => !ids.has(p.optionId));
          break;
        case 'walk-the-map':
          filterInPlace(a.proposals, (p) => !ids.has(p.serviceId) && !ids.has(p.objectiveId));
          break;
      }
    }
    for (const action of w.actions) if (action.objectiveId && ids.has(action.objectiveId)) action.objectiveId = null;
  }
}

export function removeService(wb: Workbook, serviceId: string): void {
  const ids = new Set([serviceId]);
  filterInPlace(wb.services, (s) => s.id !== serviceId);
  filterInPlace(wb.alignments, (a) => a.serviceId !== serviceId);
  filterInPlace(wb.dismissedSuggestions, (d) => d.serviceId !== serviceId);
  dropWorkshopRefs(wb, ids);
}

/** Ids of an objective and everything beneath it. */
export function objectiveWithDescendants(wb: Workbook, objectiveId: string): Set<string> {
  const ids = new Set([objectiveId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of wb.objectives)
      if (o.parentId && ids.has(o.parentId) && !ids.has(o.id)) {
        ids.add(o.id);
        grew = true;
      }
  }
  return ids;
}

/** Removes an objective with everything beneath it, and every reference to them. */
export function removeObjective(wb: Workbook, objectiveId: string): void {
  const ids = objectiveWithDescendants(wb, objectiveId);
  const kpis = new Set(wb.objectives.filter((o) => ids.has(o.id)).flatMap((o) => o.kpis.map((k) => k.id)));
  filterInPlace(wb.objectives, (o) => !ids.has(o.id));
  filterInPlace(wb.alignments, (a) => !ids.has(a.objectiveId));
  for (const a of wb.alignments) removeIds(a.kpiIds, kpis);
  filterInPlace(wb.dismissedSuggestions, (d) => !ids.has(d.objectiveId));
  for (const p of wb.partners) for (const po of p.objectives) removeIds(po.objectiveIds, ids);
  dropWorkshopRefs(wb, ids);
}

export function removeKpi(wb: Workbook, objectiveId: string, kpiId: string): void {
  const o = wb.objectives.find((x) => x.id === objectiveId);
  if (o) filterInPlace(o.kpis, (k) => k.id !== kpiId);
  for (const a of wb.alignments) removeIds(a.kpiIds, new Set([kpiId]));
}

export function removeEvidence(wb: Workbook, evidenceId: string): void {
  const ids = new Set([evidenceId]);
  filterInPlace(wb.evidence, (e) => e.id !== evidenceId);
  for (const a of wb.alignments) removeIds(a.evidenceIds, ids);
  for (const s of wb.services) removeIds(s.evidenceIds, ids);
  for (const o of wb.objectives) removeIds(o.evidenceIds, ids);
}

export function removePartner(wb: Workbook, partnerId: string): void {
  filterInPlace(wb.partners, (p) => p.id !== partnerId);
  for (const d of wb.drafts) if (d.partnerId === partnerId) d.partnerId = null;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/**
 * Merges objectives into one: KPIs, evidence and children move to the one kept; links to the same service
 * combine (strongest strength, evidence and KPIs together, rationales joined); references are redirected.
 */
export function mergeObjectives(wb: Workbook, keepId: string, mergeIds: readonly string[]): void {
  const keep = wb.objectives.find((o) => o.id === keepId);
  if (!keep) return;
  const merging = new Set(mergeIds.filter((id) => id !== keepId));
  // Never merge an objective into one of its own descendants.
  for (const id of merging) if (objectiveWithDescendants(wb, id).has(keepId)) merging.delete(id);
  if (merging.size === 0) return;
  for (const o of wb.objectives) {
    if (merging.has(o.id)) {
      keep.kpis.push(...o.kpis);
      keep.evidenceIds = union(keep.evidenceIds, o.evidenceIds);
      if (!keep.description && o.description) keep.description = o.description;
    } else if (o.parentId && merging.has(o.parentId)) o.parentId = keepId;
  }
  for (const a of wb.alignments) if (merging.has(a.objectiveId)) a.objectiveId = keepId;
  // Combine links that now point at the same pair.
  const byService = new Map<string, Alignment>();
  filterInPlace(wb.alignments, (a) => {
    if (a.objectiveId !== keepId) return true;
    const first = byService.get(a.serviceId);
    if (!first) {
      byService.set(a.serviceId, a);
      return true;
    }
    first.strength = Math.max(first.strength, a.strength) as Strength;
    first.evidenceIds = union(first.evidenceIds, a.evidenceIds);
    first.kpiIds = union(first.kpiIds, a.kpiIds);
    if (a.rationale && a.rationale !== first.rationale)
      first.rationale = first.rationale ? `${first.rationale}\n\n${a.rationale}` : a.rationale;
    return false;
  });
  filterInPlace(wb.dismissedSuggestions, (d) => !merging.has(d.objectiveId));
  for (const p of wb.partners)
    for (const po of p.objectives)
      po.objectiveIds = [...new Set(po.objectiveIds.map((id) => (merging.has(id) ? keepId : id)))];
  for (const w of wb.workshops) for (const action of w.actions) if (action.objectiveId && merging.has(action.objectiveId)) action.objectiveId = keepId;
  dropWorkshopRefs(wb, merging);
  filterInPlace(wb.objectives, (o) => !merging.has(o.id));
}

/** Sets (or creates) the link between a service and an objective. */
export function setLink(
  wb: Workbook,
  serviceId: string,
  objectiveId: string,
  patch: Partial<Omit<Alignment, 'id' | 'serviceId' | 'objectiveId'>>,
  provenance: Provenance,
): Alignment {
  let link = wb.alignments.find((a) => a.serviceId === serviceId && a.objectiveId === objectiveId);
  if (!link) {
    link = {
      id: newId('alignment'),
      serviceId,
      objectiveId,
      strength: 0,
      confidence: 'medium',
      rationale: '',
      evidenceIds: [],
      kpiIds: [],
      provenance,
    };
    wb.alignments.push(link);
    link = wb.alignments[wb.alignments.length - 1]!;
  }
  Object.assign(link, patch);
  filterInPlace(wb.dismissedSuggestions, (d) => !(d.serviceId === serviceId && d.objectiveId === objectiveId));
  return link;
}

export function removeLink(wb: Workbook, serviceId: string, objectiveId: string): void {
  filterInPlace(wb.alignments, (a) => !(a.serviceId === serviceId && a.objectiveId === objectiveId));
}
