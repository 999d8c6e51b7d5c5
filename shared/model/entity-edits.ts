/**
 * Named edits to the things a workbook lists: services (with their branches and figures), evidence, partners
 * and their objectives, and the evidence attached to a service, an objective or a link. Like operations.ts,
 * each mutates the workbook it is given (an immer draft in the renderer, a plain object in the command line)
 * and returns whether it found what it was asked to change, so a caller can say so rather than fail silently.
 */
import { ensureLibraryEvidence, type LibraryEvidenceItem } from './operations';
import type { Evidence, Measure, Partner, PartnerObjective, Service, Workbook } from './workbook-schema';

/** The fields of a service the officer edits directly (its id, activities and links are kept by other edits). */
export type ServiceFields = Partial<
  Pick<Service, 'name' | 'description' | 'offer' | 'outcomes' | 'targetGroups' | 'branches' | 'cost' | 'staffFte' | 'volunteers'>
>;
export type MeasureFields = Partial<Omit<Measure, 'id'>>;
export type EvidenceFields = Partial<Omit<Evidence, 'id' | 'origin' | 'libraryRef'>>;
export type PartnerFields = Partial<Pick<Partner, 'name' | 'type' | 'description' | 'contact'>>;
export type PartnerObjectiveFields = Partial<Omit<PartnerObjective, 'id'>>;

const byId = <T extends { id: string }>(list: T[], id: string): T | undefined => list.find((x) => x.id === id);

export function addService(wb: Workbook, service: Service): void {
  wb.services.push(service);
}

/**
 * Adds services picked from the catalogue, each with the library evidence gathered for it (copied into the
 * workbook once, however many services cite it).
 */
export function addCatalogueServices(wb: Workbook, picked: ReadonlyArray<{ service: Service; evidence: readonly LibraryEvidenceItem[] }>): void {
  for (const { service, evidence } of picked) {
    for (const item of evidence) {
      const id = ensureLibraryEvidence(wb, item);
      if (!service.evidenceIds.includes(id)) service.evidenceIds.push(id);
    }
    wb.services.push(service);
  }
}

export function updateService(wb: Workbook, serviceId: string, fields: ServiceFields): boolean {
  const s = byId(wb.services, serviceId);
  if (s) Object.assign(s, fields);
  return s !== undefined;
}

export function addMeasure(wb: Workbook, serviceId: string, measure: Measure): boolean {
  const s = byId(wb.services, serviceId);
  s?.measures.push(measure);
  return s !== undefined;
}

export function updateMeasure(wb: Workbook, serviceId: string, measureId: string, fields: MeasureFields): boolean {
  const m = byId(wb.services, serviceId)?.measures.find((x) => x.id === measureId);
  if (m) Object.assign(m, fields);
  return m !== undefined;
}

export function removeMeasure(wb: Workbook, serviceId: string, measureId: string): boolean {
  const s = byId(wb.services, serviceId);
  const i = s ? s.measures.findIndex((m) => m.id === measureId) : -1;
  if (s && i >= 0) s.measures.splice(i, 1);
  return i >= 0;
}

export function addEvidence(wb: Workbook, evidence: Evidence): void {
  wb.evidence.push(evidence);
}

export function updateEvidence(wb: Workbook, evidenceId: string, fields: EvidenceFields): boolean {
  const e = byId(wb.evidence, evidenceId);
  if (e) Object.assign(e, fields);
  return e !== undefined;
}

export function addPartner(wb: Workbook, partner: Partner): void {
  wb.partners.push(partner);
}

export function updatePartner(wb: Workbook, partnerId: string, fields: PartnerFields): boolean {
  const p = byId(wb.partners, partnerId);
  if (p) Object.assign(p, fields);
  return p !== undefined;
}

export function addPartnerObjective(wb: Workbook, partnerId: string, objective: PartnerObjective): boolean {
  const p = byId(wb.partners, partnerId);
  p?.objectives.push(objective);
  return p !== undefined;
}

export function updatePartnerObjective(wb: Workbook, partnerId: string, objectiveId: string, fields: PartnerObjectiveFields): boolean {
  const po = byId(wb.partners, partnerId)?.objectives.find((o) => o.id === objectiveId);
  if (po) Object.assign(po, fields);
  return po !== undefined;
}

export function removePartnerObjective(wb: Workbook, partnerId: string, objectiveId: string): boolean {
  const p = byId(wb.partners, partnerId);
  const i = p ? p.objectives.findIndex((o) => o.id === objectiveId) : -1;
  if (p && i >= 0) p.objectives.splice(i, 1);
  return i >= 0;
}

/** What evidence can be attached to. */
export type EvidenceHolder =
  | { readonly kind: 'service'; readonly serviceId: string }
  | { readonly kind: 'objective'; readonly objectiveId: string }
  | { readonly kind: 'link'; readonly serviceId: string; readonly objectiveId: string };

function evidenceListOf(wb: Workbook, holder: EvidenceHolder): string[] | undefined {
  switch (holder.kind) {
    case 'service':
      return byId(wb.services, holder.serviceId)?.evidenceIds;
    case 'objective':
      return byId(wb.objectives, holder.objectiveId)?.evidenceIds;
    case 'link':
      return wb.alignments.find((a) => a.serviceId === holder.serviceId && a.objectiveId === holder.objectiveId)?.evidenceIds;
  }
}

/**
 * Attaches evidence already in the workbook (by id) or from the app's library (copied in once). Returns the
 * workbook evidence id, or null when the holder is not in the workbook.
 */
export function attachEvidence(wb: Workbook, holder: EvidenceHolder, evidence: { readonly workbookId: string } | { readonly library: LibraryEvidenceItem }): string | null {
  const list = evidenceListOf(wb, holder);
  if (!list) return null;
  const id = 'workbookId' in evidence ? evidence.workbookId : ensureLibraryEvidence(wb, evidence.library);
  if (!list.includes(id)) list.push(id);
  return id;
}

export function detachEvidence(wb: Workbook, holder: EvidenceHolder, evidenceId: string): boolean {
  const list = evidenceListOf(wb, holder);
  const at = list ? list.indexOf(evidenceId) : -1;
  if (list && at >= 0) list.splice(at, 1);
  return at >= 0;
}
