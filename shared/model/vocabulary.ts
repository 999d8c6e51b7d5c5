/**
 * The fixed vocabularies the workbook speaks: Libraries Deliver's seven outcomes, the Universal Library Offers,
 * and the small enumerations used across the model. Names follow ../shared/reference/DOMAIN.md §1.2 and §2.
 */
import { z } from 'zod';

export const AMBITION_OUTCOMES = [
  { id: 1, name: 'Cultural and creative enrichment' },
  { id: 2, name: 'Increased reading and literacy' },
  { id: 3, name: 'Improved digital access and literacy' },
  { id: 4, name: 'Helping everyone achieve their full potential' },
  { id: 5, name: 'Healthier and happier lives' },
  { id: 6, name: 'Greater prosperity' },
  { id: 7, name: 'Stronger, more resilient communities' },
] as const;

export type AmbitionOutcomeId = (typeof AMBITION_OUTCOMES)[number]['id'];
export const AmbitionOutcomeIdSchema = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
  z.literal(7),
], { error: 'Ambition outcome must be a number from 1 to 7' });

export function ambitionOutcomeName(id: AmbitionOutcomeId): string {
  return AMBITION_OUTCOMES.find((o) => o.id === id)?.name ?? `Outcome ${id}`;
}

/** The four Universal Library Offers and the two Promises, as Libraries Connected names them. */
export const UNIVERSAL_OFFERS = [
  'Reading',
  'Information and Digital',
  'Health and Wellbeing',
  'Culture and Creativity',
  "Children's Promise",
  "Vision and Print Impaired People's Promise",
] as const;
export const UniversalOfferSchema = z.enum(UNIVERSAL_OFFERS);
export type UniversalOffer = z.infer<typeof UniversalOfferSchema>;

/** Local authority types, from the GSS code prefix (E06, E08, E09, E10). */
export const AUTHORITY_TYPES = [
  'Unitary authority',
  'Metropolitan district',
  'London borough',
  'County council',
] as const;
export const AuthorityTypeSchema = z.enum(AUTHORITY_TYPES);
export type AuthorityType = z.infer<typeof AuthorityTypeSchema>;

export const OBJECTIVE_LEVELS = ['theme', 'objective', 'outcome'] as const;
export const ObjectiveLevelSchema = z.enum(OBJECTIVE_LEVELS);
export type ObjectiveLevel = z.infer<typeof ObjectiveLevelSchema>;

/** Alignment strength: 0 none, 1 weak, 2 medium, 3 strong (WORKSHOPS.md §D.14 gives the symbols). */
export const STRENGTHS = [
  { value: 0, label: 'None', symbol: '' },
  { value: 1, label: 'Weak', symbol: '△' },
  { value: 2, label: 'Medium', symbol: '○' },
  { value: 3, label: 'Strong', symbol: '●' },
] as const;
export const StrengthSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], {
  error: 'Strength must be 0 (none), 1 (weak), 2 (medium) or 3 (strong)',
});
export type Strength = z.infer<typeof StrengthSchema>;

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export const ConfidenceSchema = z.enum(CONFIDENCE_LEVELS);
export type Confidence = z.infer<typeof ConfidenceSchema>;

export const EVIDENCE_QUALITIES = ['strong', 'moderate', 'limited', 'anecdotal'] as const;
export const EvidenceQualitySchema = z.enum(EVIDENCE_QUALITIES);
export type EvidenceQuality = z.infer<typeof EvidenceQualitySchema>;

export const EVIDENCE_KINDS = [
  'national-research',
  'national-statistics',
  'local-data',
  'local-survey',
  'case-study',
  'report',
  'other',
] as const;
export const EvidenceKindSchema = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;

export const KPI_DIRECTIONS = ['increase', 'decrease', 'maintain'] as const;
export const KpiDirectionSchema = z.enum(KPI_DIRECTIONS);
export type KpiDirection = z.infer<typeof KpiDirectionSchema>;

export const PARTNER_TYPES = [
  'nhs-icb',
  'public-health',
  'dwp-jobcentre',
  'adult-social-care',
  'schools',
  'voluntary-sector',
  'arts-council',
  'other',
] as const;
export const PartnerTypeSchema = z.enum(PARTNER_TYPES);
export type PartnerType = z.infer<typeof PartnerTypeSchema>;

export const PARTNER_TYPE_LABELS: Record<PartnerType, string> = {
  'nhs-icb': 'NHS integrated care board',
  'public-health': 'Public health',
  'dwp-jobcentre': 'DWP / Jobcentre Plus',
  'adult-social-care': 'Adult social care',
  schools: 'Schools',
  'voluntary-sector': 'Voluntary and community sector',
  'arts-council': 'Arts Council England',
  other: 'Other',
};

/** UK Government Security Classifications as councils mark documents (BUSINESS-CASES.md §6). */
export const PROTECTIVE_MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'NONE'] as const;
export const ProtectiveMarkingSchema = z.enum(PROTECTIVE_MARKINGS);
export type ProtectiveMarking = z.infer<typeof ProtectiveMarkingSchema>;
