import type { EvidenceKind, EvidenceQuality } from '../../../../shared/model/vocabulary';

export const QUALITY_LABELS: Record<EvidenceQuality, string> = {
  strong: 'Strong evidence',
  moderate: 'Moderate evidence',
  limited: 'Limited evidence',
  anecdotal: 'Anecdotal',
};

export const KIND_LABELS: Record<EvidenceKind, string> = {
  'national-research': 'National research',
  'national-statistics': 'National statistics',
  'local-data': 'Local data',
  'local-survey': 'Local survey',
  'case-study': 'Case study',
  report: 'Report',
  other: 'Other',
};
