/**
 * The guided steps. A step appears in the navigation only once it works; each feature adds its own entry here.
 */
import type { ComponentType } from 'react';
import { AuthorityStep } from '../features/authority/AuthorityStep';
import { DataStep } from '../features/data/DataStep';
import { DocumentsStep } from '../features/documents/DocumentsStep';
import { ObjectivesStep } from '../features/objectives/ObjectivesStep';
import { EvidenceStep } from '../features/evidence/EvidenceStep';
import { MapStep } from '../features/map/MapStep';
import { PartnersStep } from '../features/partners/PartnersStep';
import { ProgressStep } from '../features/progress/ProgressStep';
import { ReviewStep } from '../features/review/ReviewStep';
import { ServicesStep } from '../features/services/ServicesStep';
import { StartScreen } from '../features/start/StartScreen';
import { WorkshopsStep } from '../features/workshops/WorkshopsStep';

export interface StepDefinition {
  readonly id: string;
  readonly label: string;
  /** Steps that edit the workbook are disabled until one is open. */
  readonly needsWorkbook: boolean;
  readonly Component: ComponentType;
}

export const STEPS: ReadonlyArray<StepDefinition> = [
  { id: 'start', label: 'Start', needsWorkbook: false, Component: StartScreen },
  { id: 'authority', label: 'Authority', needsWorkbook: true, Component: AuthorityStep },
  { id: 'objectives', label: 'Objectives', needsWorkbook: true, Component: ObjectivesStep },
  { id: 'services', label: 'Services', needsWorkbook: true, Component: ServicesStep },
  { id: 'data', label: 'Data', needsWorkbook: true, Component: DataStep },
  { id: 'evidence', label: 'Evidence', needsWorkbook: true, Component: EvidenceStep },
  { id: 'map', label: 'Map', needsWorkbook: true, Component: MapStep },
  { id: 'review', label: 'Review', needsWorkbook: true, Component: ReviewStep },
  { id: 'partners', label: 'Partners', needsWorkbook: true, Component: PartnersStep },
  { id: 'workshops', label: 'Workshops', needsWorkbook: true, Component: WorkshopsStep },
  { id: 'documents', label: 'Documents', needsWorkbook: true, Component: DocumentsStep },
  { id: 'progress', label: 'Progress', needsWorkbook: true, Component: ProgressStep },
];

export function findStep(id: string): StepDefinition {
  return STEPS.find((s) => s.id === id) ?? STEPS[0]!;
}
