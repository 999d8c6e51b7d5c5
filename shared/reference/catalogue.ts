/**
 * Starter content the officer picks from: the service catalogue, council themes, national indicators and the
 * evidence library. Derived from ../shared/data/reference-sets (see data/SOURCES.md); offers, outcome links and
 * theme judgements are editorial and shown as such.
 */
import { newService } from '../model/factories';
import type { LibraryEvidenceItem } from '../model/operations';
import type { AmbitionOutcomeId, KpiDirection, UniversalOffer } from '../model/vocabulary';
import type { Service } from '../model/workbook-schema';
import catalogueData from './data/service-catalogue.json' with { type: 'json' };
import serviceEvidenceData from './data/service-evidence.json' with { type: 'json' };
import headlineEvidenceData from './data/headline-evidence.json' with { type: 'json' };
import themesData from './data/themes.json' with { type: 'json' };
import indicatorsData from './data/indicators.json' with { type: 'json' };
import { ACTIVITY_EVIDENCE } from './activity';

export interface CatalogueService {
  readonly id: string;
  readonly name: string;
  readonly offer: UniversalOffer;
  readonly description: string;
  readonly targetGroups: readonly string[];
  readonly outcomes: readonly AmbitionOutcomeId[];
  readonly typicalOutputs: readonly string[];
  readonly typicalOutcomeMeasures: readonly string[];
  readonly programme: string;
  readonly evidenceRefs: readonly string[];
}

/** A finding in the app's evidence library: what a workbook copies (LibraryEvidenceItem), and where it came from. */
export interface LibraryEvidence extends LibraryEvidenceItem {
  /** Themes the finding speaks to (headline figures). */
  readonly themes?: readonly string[];
  /** Catalogue service the finding was gathered for. */
  readonly serviceRef?: string;
  readonly note?: string;
}

export interface Theme {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly exampleObjectives: readonly string[];
  /** Ambition outcomes the theme draws on most, main first (our judgement). */
  readonly outcomes: readonly AmbitionOutcomeId[];
  readonly keywords: readonly string[];
}

export interface Indicator {
  readonly id: string;
  readonly themeIds: readonly string[];
  readonly framework: string;
  readonly code: string;
  readonly name: string;
  readonly definition: string;
  readonly unit: string;
  readonly direction: KpiDirection;
  readonly sourceUrl: string;
  readonly contribution: string;
}

export const SERVICE_CATALOGUE = catalogueData as readonly CatalogueService[];
export const THEMES = themesData as readonly Theme[];
export const INDICATORS = indicatorsData as readonly Indicator[];
/** Headline national figures first, then the findings gathered for each catalogue service. */
export const EVIDENCE_LIBRARY = [...(headlineEvidenceData as LibraryEvidence[]), ACTIVITY_EVIDENCE, ...(serviceEvidenceData as LibraryEvidence[])] as readonly LibraryEvidence[];

/** A workbook service made from a catalogue entry (its offer, outcomes and target groups to start from). */
export function serviceFromCatalogue(c: CatalogueService, name = c.name): Service {
  return newService({ name, description: c.description, offer: c.offer, outcomes: [...c.outcomes], targetGroups: [...c.targetGroups], catalogueRef: c.id });
}

export const findCatalogueService = (id: string) => SERVICE_CATALOGUE.find((s) => s.id === id);
export const findTheme = (id: string) => THEMES.find((t) => t.id === id);
export const findLibraryEvidence = (id: string) => EVIDENCE_LIBRARY.find((e) => e.id === id);
