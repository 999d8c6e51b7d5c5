/** The Services step's undoable changes: each names a workbook edit from shared/model and labels it for undo. */
import {
  addCatalogueServices,
  addMeasure,
  addService,
  removeMeasure,
  updateMeasure,
  updateService,
  type MeasureFields,
  type ServiceFields,
} from '../../../../shared/model/entity-edits';
import { newService } from '../../../../shared/model/factories';
import { newId } from '../../../../shared/model/ids';
import { removeService } from '../../../../shared/model/operations';
import { parsePeriod } from '../../../../shared/model/periods';
import type { Service } from '../../../../shared/model/workbook-schema';
import { findLibraryEvidence, serviceFromCatalogue, type CatalogueService } from '../../../../shared/reference/catalogue';
import { editWorkbook as edit } from '../../state/workbook-store';

/** Adds a blank service and returns it, so the step can select it. */
export function addOwnService(): Service {
  const s = newService({ name: 'New service', offer: 'Reading' });
  edit('Add a service', (wb) => addService(wb, s));
  return s;
}

/** Adds services from the catalogue, with the evidence gathered for each when asked; returns the new services. */
export function addFromCatalogue(picked: readonly CatalogueService[], withEvidence: boolean): Service[] {
  const entries = picked.map((c) => ({
    service: serviceFromCatalogue(c),
    evidence: withEvidence ? c.evidenceRefs.map(findLibraryEvidence).filter((e) => e !== undefined) : [],
  }));
  edit(`Add ${entries.length} services from the catalogue`, (wb) => addCatalogueServices(wb, entries));
  return entries.map((e) => e.service);
}

export const changeService = (s: Service, label: string, fields: ServiceFields, key?: string) =>
  edit(label, (wb) => void updateService(wb, s.id, fields), key ? { coalesceKey: `${s.id}:${key}` } : undefined);

export const deleteService = (s: Service) => edit(`Delete ${s.name}`, (wb) => removeService(wb, s.id));

/** Adds a blank figure to a service and returns its id, so the step can focus it. */
export function addFigure(s: Service): string {
  const id = newId('measure');
  edit('Add figure', (wb) => void addMeasure(wb, s.id, { id, label: 'New figure', value: 0, unit: '', period: parsePeriod(''), source: '' }));
  return id;
}

export const changeFigure = (s: Service, measureId: string, label: string, fields: MeasureFields, key?: string) =>
  edit(label, (wb) => void updateMeasure(wb, s.id, measureId, fields), key ? { coalesceKey: `${s.id}:${measureId}:${key}` } : undefined);

export const deleteFigure = (s: Service, measureId: string) => edit('Delete figure', (wb) => void removeMeasure(wb, s.id, measureId));
