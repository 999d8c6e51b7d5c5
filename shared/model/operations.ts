/**
 * Edits that must keep the workbook's references whole: deleting or merging an entity removes or redirects
 * every reference to it (links, dismissed suggestions, partner mappings, workshop items), so a workbook can
 * always be saved and reopened. Each function mutates the workbook it is given; callers pass an immer draft
 * (the renderer's store, the command line) so the change is one undoable step.
 */
import { newId } from './ids';
import type { Alignment, Provenance, Workbook } from './workbook-schema';
import type { EvidenceKind, EvidenceQuality, Strength } from './vocabulary';
import { unlinkKpiFromBusinessCase } from './business-case-integrity';

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
  for (const d of wb.drafts) removeIds(d.scope.serviceIds, ids);
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
  for (const d of wb.drafts) for (const k of kpis) unlinkKpiFromBusinessCase(d.businessCase, k);
  filterInPlace(wb.dismissedSuggestions, (d) => !ids.has(d.objectiveId));
  for (const p of wb.partners) for (const po of p.objectives) removeIds(po.objectiveIds, ids);
  for (const d of wb.drafts) removeIds(d.scope.objectiveIds, ids);
  dropWorkshopRefs(wb, ids);
}

export function removeKpi(wb: Workbook, objectiveId: string, kpiId: string): void {
  const o = wb.objectives.find((x) => x.id === objectiveId);
  if (o) filterInPlace(o.kpis, (k) => k.id !== kpiId);
  const ids = new Set([kpiId]);
  for (const a of wb.alignments) removeIds(a.kpiIds, ids);
  for (const d of wb.drafts) unlinkKpiFromBusinessCase(d.businessCase, kpiId);
}

export function removeEvidence(wb: Workbook, evidenceId: string): void {
  const ids = new Set([evidenceId]);
  filterInPlace(wb.evidence, (e) => e.id !== evidenceId);
  for (const a of wb.alignments) removeIds(a.evidenceIds, ids);
  for (const s of wb.services) removeIds(s.evidenceIds, ids);
  for (const o of wb.objectives) removeIds(o.evidenceIds, ids);
}

/**
 * Removes a workshop. What the room agreed stays in the workbook (links, priorities, services made from ideas),
 * still marked as coming from a workshop, but no longer pointing at one that is gone.
 */
export function removeWorkshop(wb: Workbook, workshopId: string): void {
  filterInPlace(wb.workshops, (w) => w.id !== workshopId);
  for (const a of wb.alignments) if (a.provenance.workshopId === workshopId) a.provenance.workshopId = null;
  for (const x of [...wb.objectives, ...wb.services]) if (x.priority?.workshopId === workshopId) x.priority.workshopId = null;
}

export function removePartner(wb: Workbook, partnerId: string): void {
  filterInPlace(wb.partners, (p) => p.id !== partnerId);
  for (const d of wb.drafts) if (d.partnerId === partnerId) d.partnerId = null;
}

/** Removes a document draft; a committee report that was based on it is then based on none. */
export function removeDraft(wb: Workbook, draftId: string): void {
  filterInPlace(wb.drafts, (d) => d.id !== draftId);
  for (const d of wb.drafts) if (d.basedOnDraftId === draftId) d.basedOnDraftId = null;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
/** Two reasons as one, when links or proposals combine: each different text kept, a blank line between. */
const joinText = (kept: string, more: string) => (!more || more === kept ? kept : kept ? `${kept}\n\n${more}` : more);

/** Adds up amounts given to the same option (after two options became one), keeping the first one's place. */
function combineAmounts(list: Array<{ optionId: string; amount: number }>): void {
  const first = new Map<string, { optionId: string; amount: number }>();
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    const earlier = first.get(item.optionId);
    if (!earlier) {
      first.set(item.optionId, item);
      continue;
    }
    earlier.amount += item.amount;
    list.splice(i--, 1);
  }
}

/**
 * Points workshop references at merged objectives to the objective kept: ideas, scopes, vote options and
 * ballots (votes for both add up, so no vote is lost), grid places (the kept one's own wins) and walk-the-map
 * proposals (two for the same service combine like links).
 */
function redirectWorkshopRefs(wb: Workbook, from: ReadonlySet<string>, to: string): void {
  const swap = (ids: readonly string[]) => [...new Set(ids.map((id) => (from.has(id) ? to : id)))];
  for (const w of wb.workshops) {
    for (const a of w.activities) {
      a.scope.objectiveIds = swap(a.scope.objectiveIds);
      switch (a.kind) {
        case 'ideas':
          for (const idea of a.ideas) if (idea.targetId && from.has(idea.targetId)) idea.targetId = to;
          break;
        case 'dot-vote':
        case 'points':
          a.optionIds = swap(a.optionIds);
          for (const b of a.ballots) {
            for (const al of b.allocations) if (from.has(al.optionId)) al.optionId = to;
            combineAmounts(b.allocations);
          }
          if (a.kind === 'dot-vote') {
            for (const t of a.totals) if (from.has(t.optionId)) t.optionId = to;
            combineAmounts(a.totals);
          }
          break;
        case 'two-by-two': {
          a.optionIds = swap(a.optionIds);
          // One place per option: the kept objective's own, else the first of those merged into it.
          let placed = a.placements.some((p) => p.optionId === to);
          for (let i = 0; i < a.placements.length; i++) {
            const p = a.placements[i]!;
            if (!from.has(p.optionId)) continue;
            if (placed) a.placements.splice(i--, 1);
            else {
              p.optionId = to;
              placed = true;
            }
          }
          break;
        }
        case 'walk-the-map': {
          const byService = new Map<string, (typeof a.proposals)[number]>();
          for (const p of a.proposals) if (p.objectiveId === to) byService.set(p.serviceId, p);
          const folded = new Set<number>();
          a.proposals.forEach((p, i) => {
            if (!from.has(p.objectiveId)) return;
            const into = byService.get(p.serviceId);
            if (!into) {
              p.objectiveId = to;
              byService.set(p.serviceId, p);
              return;
            }
            into.strength = Math.max(into.strength, p.strength) as Strength;
            into.rationale = joinText(into.rationale, p.rationale);
            into.objections = joinText(into.objections, p.objections);
            folded.add(i);
          });
          for (const i of [...folded].reverse()) a.proposals.splice(i, 1);
          break;
        }
      }
    }
    for (const action of w.actions) if (action.objectiveId && from.has(action.objectiveId)) action.objectiveId = to;
  }
}

/**
 * Merges objectives into one: KPIs, evidence and children move to the one kept; links to the same service
 * combine into the kept objective's own link (strongest strength, evidence and KPIs together, rationales
 * joined); references are redirected, and the hierarchy is put right (children of a merged theme cannot sit
 * under an outcome).
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
  // In list order, so the link already on the kept objective (or the first moved across) is the one that stays,
  // keeping its id for anything that refers to it.
  const onKept = new Map<string, Alignment>();
  for (const a of wb.alignments) if (a.objectiveId === keepId) onKept.set(a.serviceId, a);
  const folded = new Set<string>();
  for (const a of wb.alignments) {
    if (!merging.has(a.objectiveId)) continue;
    const into = onKept.get(a.serviceId);
    if (!into) {
      a.objectiveId = keepId;
      onKept.set(a.serviceId, a);
      continue;
    }
    into.strength = Math.max(into.strength, a.strength) as Strength;
    into.evidenceIds = union(into.evidenceIds, a.evidenceIds);
    into.kpiIds = union(into.kpiIds, a.kpiIds);
    into.rationale = joinText(into.rationale, a.rationale);
    folded.add(a.id);
  }
  filterInPlace(wb.alignments, (a) => !folded.has(a.id));
  filterInPlace(wb.dismissedSuggestions, (d) => !merging.has(d.objectiveId));
  for (const p of wb.partners)
    for (const po of p.objectives)
      po.objectiveIds = [...new Set(po.objectiveIds.map((id) => (merging.has(id) ? keepId : id)))];
  for (const d of wb.drafts) d.scope.objectiveIds = [...new Set(d.scope.objectiveIds.map((id) => (merging.has(id) ? keepId : id)))];
  redirectWorkshopRefs(wb, merging, keepId);
  filterInPlace(wb.objectives, (o) => !merging.has(o.id));
  normaliseHierarchy(wb);
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

/**
 * Puts every objective at a level its parent allows: themes only at the top, objectives at the top or under a
 * theme, outcomes under an objective (an outcome's children move up beside it). Run after any move.
 */
export function normaliseHierarchy(wb: Workbook): void {
  const byId = new Map(wb.objectives.map((o) => [o.id, o]));
  // Parents first, so each child sees its parent's final level.
  const depth = (id: string): number => {
    let d = 0;
    const seen = new Set<string>();
    let current = byId.get(id);
    while (current?.parentId && byId.has(current.parentId) && !seen.has(current.id)) {
      seen.add(current.id);
      d++;
      current = byId.get(current.parentId);
    }
    return d;
  };
  const order = [...wb.objectives].sort((a, b) => depth(a.id) - depth(b.id));
  for (const o of order) {
    let parent = o.parentId ? byId.get(o.parentId) : undefined;
    if (o.parentId && !parent) o.parentId = null;
    if (parent?.level === 'outcome') {
      o.parentId = parent.parentId;
      parent = o.parentId ? byId.get(o.parentId) : undefined;
    }
    if (!parent) {
      if (o.level === 'outcome') o.level = 'objective';
    } else if (parent.level === 'theme') o.level = 'objective';
    else o.level = 'outcome';
  }
}

/** Moves an objective before or after its neighbouring sibling; returns false at either end. */
export function moveAmongSiblings(wb: Workbook, objectiveId: string, direction: -1 | 1): boolean {
  const index = wb.objectives.findIndex((o) => o.id === objectiveId);
  if (index < 0) return false;
  const parentId = wb.objectives[index]!.parentId;
  const siblings = wb.objectives.map((o, i) => ({ o, i })).filter(({ o }) => o.parentId === parentId);
  const at = siblings.findIndex(({ i }) => i === index);
  const other = siblings[at + direction];
  if (!other) return false;
  const [moved] = wb.objectives.splice(index, 1);
  const target = wb.objectives.findIndex((o) => o.id === other.o.id);
  wb.objectives.splice(direction < 0 ? target : target + 1, 0, moved!);
  return true;
}

/** Makes an objective a child of the sibling above it. */
export function indentObjective(wb: Workbook, objectiveId: string): boolean {
  const o = wb.objectives.find((x) => x.id === objectiveId);
  if (!o) return false;
  const siblings = wb.objectives.filter((x) => x.parentId === o.parentId);
  const above = siblings[siblings.indexOf(o) - 1];
  if (!above || above.level === 'outcome') return false;
  // It becomes the last of the new parent's children.
  const lastChild = wb.objectives.reduce((last, x, i) => (x.parentId === above.id ? i : last), -1);
  o.parentId = above.id;
  if (lastChild >= 0) {
    wb.objectives.splice(wb.objectives.indexOf(o), 1);
    const after = wb.objectives.findIndex((x) => x.id === wb.objectives.filter((y) => y.parentId === above.id).at(-1)?.id);
    wb.objectives.splice(after + 1, 0, o);
  }
  normaliseHierarchy(wb);
  return true;
}

/** Moves an objective up a level, to sit just after its former parent. */
export function outdentObjective(wb: Workbook, objectiveId: string): boolean {
  const o = wb.objectives.find((x) => x.id === objectiveId);
  const parent = o?.parentId ? wb.objectives.find((x) => x.id === o.parentId) : undefined;
  if (!o || !parent) return false;
  o.parentId = parent.parentId;
  if (o.level === 'outcome') o.level = 'objective';
  const from = wb.objectives.indexOf(o);
  wb.objectives.splice(from, 1);
  wb.objectives.splice(wb.objectives.indexOf(parent) + 1, 0, o);
  normaliseHierarchy(wb);
  return true;
}

/** A finding from the app's evidence library, as ensureLibraryEvidence copies it (the library itself is reference data). */
export interface LibraryEvidenceItem {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly year: string;
  readonly url: string;
  readonly keyFinding: string;
  readonly figure: string;
  readonly kind: EvidenceKind;
  readonly quality: EvidenceQuality;
}

/** Copies a library item into the workbook once; returns the workbook evidence id. */
export function ensureLibraryEvidence(wb: Workbook, item: LibraryEvidenceItem): string {
  const existing = wb.evidence.find((e) => e.origin === 'library' && e.libraryRef === item.id);
  if (existing) return existing.id;
  const id = newId('evidence');
  wb.evidence.push({
    id,
    title: item.title.slice(0, 500),
    publisher: item.publisher.slice(0, 500),
    year: item.year,
    url: item.url,
    keyFinding: item.keyFinding,
    figure: item.figure.slice(0, 500),
    kind: item.kind,
    quality: item.quality,
    origin: 'library',
    libraryRef: item.id,
  });
  return id;
}

/**
 * Moves an objective (with everything beneath it) to where another one is, as its sibling: before it when
 * moving up the list, after it when moving down. Used by drag and drop; refuses to move into its own subtree.
 */
export function moveObjectiveTo(wb: Workbook, objectiveId: string, overId: string): boolean {
  if (objectiveId === overId) return false;
  if (objectiveWithDescendants(wb, objectiveId).has(overId)) return false;
  const from = wb.objectives.findIndex((o) => o.id === objectiveId);
  const over = wb.objectives.find((o) => o.id === overId);
  if (from < 0 || !over) return false;
  const movingDown = from < wb.objectives.indexOf(over);
  const [moved] = wb.objectives.splice(from, 1);
  moved!.parentId = over.parentId;
  const at = wb.objectives.indexOf(over);
  wb.objectives.splice(movingDown ? at + 1 : at, 0, moved!);
  normaliseHierarchy(wb);
  return true;
}
