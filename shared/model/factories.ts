/**
 * New objectives and services with every field at its empty default, so callers name only what they know and
 * a field added to the schema is added here once.
 */
import { newId } from './ids';
import type { DraftScope, Objective, Service } from './workbook-schema';

export function newObjective(fields: Pick<Objective, 'level' | 'title'> & Partial<Omit<Objective, 'id'>>): Objective {
  return {
    id: newId('objective'),
    parentId: null,
    description: '',
    source: null,
    themeRef: '',
    kpis: [],
    evidenceIds: [],
    priority: null,
    ...fields,
  };
}

export function newService(fields: Pick<Service, 'name' | 'offer'> & Partial<Omit<Service, 'id'>>): Service {
  return {
    id: newId('service'),
    description: '',
    outcomes: [],
    targetGroups: [],
    branches: [],
    measures: [],
    cost: null,
    staffFte: null,
    volunteers: null,
    catalogueRef: '',
    evidenceIds: [],
    priority: null,
    ...fields,
  };
}

/** A document scope: the whole service, or (to be filled in) a proposal's own services and objectives. */
export function newDraftScope(fields: Partial<DraftScope> = {}): DraftScope {
  return { wholeService: false, serviceIds: [], objectiveIds: [], amount: null, period: { label: '', start: null, end: null }, ...fields };
}
