/**
 * The workbook: the single source of truth for everything the officer captures. Types are inferred from these
 * schemas; nothing else declares the shape. Objects are strict so a mistyped or foreign key is reported, not
 * silently dropped (a newer file is refused before it gets here, see format.ts).
 */
import { z } from 'zod';
import { LongText, ShortText, Title } from './schema-text';
import { BusinessCaseDataSchema } from './business-case-schema';
import { IdSchema } from './ids';
import { PeriodSchema } from './periods';
import {
  AmbitionOutcomeIdSchema,
  AuthorityTypeSchema,
  ConfidenceSchema,
  EvidenceKindSchema,
  EvidenceQualitySchema,
  KpiDirectionSchema,
  ObjectiveLevelSchema,
  PartnerTypeSchema,
  ProtectiveMarkingSchema,
  StrengthSchema,
  UniversalOfferSchema,
} from './vocabulary';

export { LongText, ShortText, Title };

const isoDateTime = z.iso.datetime({ offset: true, error: 'Expected a date and time such as 2026-11-28T09:30:00Z' });
const isoDate = z.iso.date({ error: 'Expected a date such as 2026-11-28' });

/** Web links that may appear in documents: only http(s). A javascript: or file: URL is refused. */
export const WebUrl = z
  .string()
  .max(2_000, { error: 'Link is too long (the limit is 2,000 characters)' })
  .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), { error: 'Link must start with https:// or http://' });

const finite = z.number({ error: "Expected a number" });
const nonNegative = finite.min(0, { error: 'Must not be negative' });

/** Where a claim or objective comes from: a plan or report, with the page so a reader can check it. */
export const SourceRefSchema = z.strictObject({
  document: ShortText,
  page: ShortText.default(''),
  url: WebUrl.default(''),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

const noPeriod = { label: '', start: null, end: null };

/** A value measured over a period: "12,400 loans, 2023/24". */
export const PeriodValueSchema = z.strictObject({
  value: finite,
  period: PeriodSchema.default(noPeriod),
});
export type PeriodValue = z.infer<typeof PeriodValueSchema>;

export const KpiSchema = z.strictObject({
  id: IdSchema,
  name: Title,
  unit: ShortText.default(''),
  direction: KpiDirectionSchema.default('increase'),
  baseline: PeriodValueSchema.nullable().default(null),
  target: PeriodValueSchema.nullable().default(null),
  /** A national indicator code (PHOF B19, ASCOF 1I…) when the KPI is one. */
  indicatorCode: ShortText.default(''),
  source: ShortText.default(''),
});
export type Kpi = z.infer<typeof KpiSchema>;

/** Priority the room gave an objective or service (dot votes, points), with where it came from. */
export const PrioritySchema = z.strictObject({
  score: nonNegative,
  method: ShortText,
  workshopId: IdSchema.nullable().default(null),
  date: isoDate,
});
export type Priority = z.infer<typeof PrioritySchema>;

export const ObjectiveSchema = z.strictObject({
  id: IdSchema,
  parentId: IdSchema.nullable().default(null),
  level: ObjectiveLevelSchema,
  title: Title,
  description: LongText.default(''),
  source: SourceRefSchema.nullable().default(null),
  /** Id of a starter theme (themes.json) this objective belongs to; drives suggestions. */
  themeRef: ShortText.default(''),
  kpis: z.array(KpiSchema).max(500).default([]),
  evidenceIds: z.array(IdSchema).max(1_000).default([]),
  priority: PrioritySchema.nullable().default(null),
});
export type Objective = z.infer<typeof ObjectiveSchema>;

/** A reach or usage figure for a service: always with its period and source. */
export const MeasureSchema = z.strictObject({
  id: IdSchema,
  label: Title,
  value: finite,
  unit: ShortText.default(''),
  period: PeriodSchema.default(noPeriod),
  source: ShortText.default(''),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const MoneySchema = z.strictObject({
  amount: nonNegative,
  period: PeriodSchema.default(noPeriod),
  source: ShortText.default(''),
});
export type Money = z.infer<typeof MoneySchema>;

/** A library that delivers a service. libraryRef points at the 2023 dataset when it came from there. */
export const BranchSchema = z.strictObject({
  libraryRef: ShortText.default(''),
  name: Title,
});
export type Branch = z.infer<typeof BranchSchema>;

export const ServiceSchema = z.strictObject({
  id: IdSchema,
  name: Title,
  description: LongText.default(''),
  offer: UniversalOfferSchema,
  outcomes: z.array(AmbitionOutcomeIdSchema).max(7).default([]),
  targetGroups: z.array(ShortText).max(100).default([]),
  branches: z.array(BranchSchema).max(2_000).default([]),
  measures: z.array(MeasureSchema).max(500).default([]),
  cost: MoneySchema.nullable().default(null),
  staffFte: nonNegative.nullable().default(null),
  volunteers: nonNegative.nullable().default(null),
  /** Id in the starter catalogue when the service was picked from it. */
  catalogueRef: ShortText.default(''),
  evidenceIds: z.array(IdSchema).max(1_000).default([]),
  priority: PrioritySchema.nullable().default(null),
});
export type Service = z.infer<typeof ServiceSchema>;

export const ProvenanceSchema = z.strictObject({
  kind: z.enum(['officer', 'workshop', 'suggestion', 'import']),
  date: isoDate,
  by: ShortText.default(''),
  workshopId: IdSchema.nullable().default(null),
  note: ShortText.default(''),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** One cell of the map: how strongly a service contributes to an objective, and why we believe it. */
export const AlignmentSchema = z.strictObject({
  id: IdSchema,
  serviceId: IdSchema,
  objectiveId: IdSchema,
  strength: StrengthSchema,
  confidence: ConfidenceSchema.default('medium'),
  rationale: LongText.default(''),
  evidenceIds: z.array(IdSchema).max(1_000).default([]),
  kpiIds: z.array(IdSchema).max(500).default([]),
  provenance: ProvenanceSchema,
});
export type Alignment = z.infer<typeof AlignmentSchema>;

export const EvidenceSchema = z.strictObject({
  id: IdSchema,
  title: Title,
  publisher: ShortText.default(''),
  /** The year or period the finding describes, as the source gives it: "2023", "2022/23", "March 2015". */
  year: ShortText.default(''),
  url: WebUrl.default(''),
  keyFinding: LongText.default(''),
  /** The headline figure as quoted, e.g. "£27.5m a year". */
  figure: ShortText.default(''),
  kind: EvidenceKindSchema.default('other'),
  quality: EvidenceQualitySchema.default('moderate'),
  /** 'library' when seeded from the app's evidence library; 'officer' when the user added it. */
  origin: z.enum(['library', 'officer']).default('officer'),
  libraryRef: ShortText.default(''),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const PartnerObjectiveSchema = z.strictObject({
  id: IdSchema,
  title: Title,
  description: LongText.default(''),
  /** Council objectives this partner objective overlaps with. */
  objectiveIds: z.array(IdSchema).max(1_000).default([]),
});
export type PartnerObjective = z.infer<typeof PartnerObjectiveSchema>;

export const PartnerSchema = z.strictObject({
  id: IdSchema,
  name: Title,
  type: PartnerTypeSchema,
  description: LongText.default(''),
  contact: ShortText.default(''),
  objectives: z.array(PartnerObjectiveSchema).max(500).default([]),
});
export type Partner = z.infer<typeof PartnerSchema>;

// ---- Workshops -------------------------------------------------------------------------------------------

export const ParticipantSchema = z.strictObject({
  id: IdSchema,
  name: ShortText.default(''),
  organisation: ShortText.default(''),
  role: ShortText.default(''),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const ScopeSchema = z.strictObject({
  objectiveIds: z.array(IdSchema).max(1_000).default([]),
  serviceIds: z.array(IdSchema).max(1_000).default([]),
});

export const IdeaSchema = z.strictObject({
  id: IdSchema,
  text: Title,
  group: ShortText.default(''),
  /** The objective or service the idea was captured against. */
  targetId: IdSchema.nullable().default(null),
  author: ShortText.default(''),
  /** What the idea became after the session, so it is not transferred twice. */
  becameId: IdSchema.nullable().default(null),
});
export type Idea = z.infer<typeof IdeaSchema>;

/** A ballot in dot voting or points allocation: option id → dots or points. */
export const BallotSchema = z.strictObject({
  id: IdSchema,
  participantId: IdSchema.nullable().default(null),
  allocations: z.array(z.strictObject({ optionId: IdSchema, amount: nonNegative })).max(1_000),
});
export type Ballot = z.infer<typeof BallotSchema>;

export const PlacementSchema = z.strictObject({
  optionId: IdSchema,
  x: finite.min(0).max(1),
  y: finite.min(0).max(1),
});
export type Placement = z.infer<typeof PlacementSchema>;

export const MapProposalSchema = z.strictObject({
  serviceId: IdSchema,
  objectiveId: IdSchema,
  strength: StrengthSchema,
  rationale: LongText.default(''),
  /** Spread of views in the room, not only the agreed value (WORKSHOPS.md §D.15). */
  objections: LongText.default(''),
  agreed: z.boolean().default(false),
  confidence: ConfidenceSchema.default('medium'),
});
export type MapProposal = z.infer<typeof MapProposalSchema>;

const activityBase = {
  id: IdSchema,
  title: Title,
  minutes: finite.int().min(0).max(600).default(15),
  scope: ScopeSchema.default({ objectiveIds: [], serviceIds: [] }),
  notes: LongText.default(''),
  status: z.enum(['planned', 'running', 'done']).default('planned'),
  /** What the room concluded and why, in words for the report (notes stay private to the facilitator). */
  summary: LongText.default(''),
};

export const ActivitySchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...activityBase, kind: z.literal('ideas'), ideas: z.array(IdeaSchema).max(5_000).default([]) }),
  z.strictObject({
    ...activityBase,
    kind: z.literal('dot-vote'),
    budget: finite.int().min(1).max(100).default(3),
    maxPerOption: finite.int().min(1).max(100).default(3),
    anonymous: z.boolean().default(true),
    mode: z.enum(['ballots', 'totals']).default('ballots'),
    optionIds: z.array(IdSchema).max(1_000).default([]),
    ballots: z.array(BallotSchema).max(1_000).default([]),
    totals: z.array(z.strictObject({ optionId: IdSchema, amount: nonNegative })).max(1_000).default([]),
    revealed: z.boolean().default(false),
    /** Once voting opens the options and budget are frozen (WORKSHOPS.md §5.C.8-9). */
    votingOpen: z.boolean().default(false),
    /** How many people voted on the paper wall, when totals were counted from one. */
    paperVoters: finite.int().min(0).max(10_000).nullable().default(null),
    /** The vote this one re-runs on tied items. */
    revoteOf: IdSchema.nullable().default(null),
  }),
  z.strictObject({
    ...activityBase,
    kind: z.literal('points'),
    total: finite.int().min(1).max(1_000).default(100),
    maxPerOption: finite.int().min(1).max(1_000).nullable().default(null),
    anonymous: z.boolean().default(true),
    optionIds: z.array(IdSchema).max(1_000).default([]),
    ballots: z.array(BallotSchema).max(1_000).default([]),
    revealed: z.boolean().default(false),
    votingOpen: z.boolean().default(false),
  }),
  z.strictObject({
    ...activityBase,
    kind: z.literal('two-by-two'),
    xAxis: ShortText.default('Effort'),
    yAxis: ShortText.default('Impact'),
    /** What each axis means, agreed before anything is placed (WORKSHOPS.md §5.C.13). */
    xDefinition: ShortText.default(''),
    yDefinition: ShortText.default(''),
    optionIds: z.array(IdSchema).max(1_000).default([]),
    placements: z.array(PlacementSchema).max(1_000).default([]),
  }),
  z.strictObject({
    ...activityBase,
    kind: z.literal('walk-the-map'),
    proposals: z.array(MapProposalSchema).max(100_000).default([]),
  }),
]);
export type Activity = z.infer<typeof ActivitySchema>;
export type ActivityKind = Activity['kind'];

export const DecisionSchema = z.strictObject({
  id: IdSchema,
  text: Title,
  rationale: LongText.default(''),
  method: ShortText.default(''),
  result: ShortText.default(''),
  decidedBy: ShortText.default(''),
  /** Minority views and reasoned disagreement, reported with the decision. */
  dissent: LongText.default(''),
});
export const ActionSchema = z.strictObject({
  id: IdSchema,
  text: Title,
  owner: ShortText.default(''),
  due: isoDate.nullable().default(null),
  status: z.enum(['open', 'done', 'dropped']).default('open'),
  objectiveId: IdSchema.nullable().default(null),
  /** Definition of done. */
  doneWhen: ShortText.default(''),
});
export const ParkedItemSchema = z.strictObject({
  id: IdSchema,
  text: Title,
  disposition: z.enum(['open', 'owner', 'future-agenda', 'dropped']).default('open'),
  /** The next step, the future meeting, or the reason it was dropped. */
  detail: ShortText.default(''),
  owner: ShortText.default(''),
});

export type Decision = z.infer<typeof DecisionSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type ParkedItem = z.infer<typeof ParkedItemSchema>;

/** How much the room can change, on the participation ladder (WORKSHOPS.md §2.2, §5.A.1). */
export const INFLUENCE_LEVELS = ['inform', 'consult', 'co-design'] as const;

export const WorkshopSchema = z.strictObject({
  id: IdSchema,
  title: Title,
  date: isoDate.nullable().default(null),
  venue: ShortText.default(''),
  facilitator: ShortText.default(''),
  /** The facilitator's role and any stake in the outcome, stated in the report (WORKSHOPS.md §5.A.5). */
  facilitatorRole: ShortText.default(''),
  facilitatorStake: ShortText.default(''),
  purpose: LongText.default(''),
  influence: z.enum(INFLUENCE_LEVELS).default('consult'),
  /** Who decides afterwards, and what the room cannot change. */
  whoDecides: ShortText.default(''),
  outOfScope: LongText.default(''),
  accessNeeds: LongText.default(''),
  anonymity: z.enum(['named', 'anonymous']).default('anonymous'),
  participants: z.array(ParticipantSchema).max(1_000).default([]),
  /** Head count when names are not recorded. */
  participantCount: finite.int().min(0).max(10_000).default(0),
  /** Attendance by organisation, for reports that give counts rather than names. */
  organisations: z.array(z.strictObject({ name: Title, count: finite.int().min(0).max(10_000).default(0) })).max(500).default([]),
  status: z.enum(['planned', 'running', 'closed']).default('planned'),
  activities: z.array(ActivitySchema).max(200).default([]),
  decisions: z.array(DecisionSchema).max(5_000).default([]),
  actions: z.array(ActionSchema).max(5_000).default([]),
  parkingLot: z.array(ParkedItemSchema).max(5_000).default([]),
  /** What happens next, when participants will hear back, and what cannot be done and why. */
  nextSteps: LongText.default(''),
  feedbackBy: isoDate.nullable().default(null),
});
export type Workshop = z.infer<typeof WorkshopSchema>;

// ---- Document drafts -------------------------------------------------------------------------------------

/**
 * What a document proposes: the services in scope (a subset of the workbook's, or the whole service where the
 * template is about the whole service, as the strategic alignment statement is), the objectives and outcomes it
 * serves, and the sum asked for over a period. Every figure a document prints is computed within this scope;
 * the rest of the service appears only where a section labels it as context.
 */
export const DraftScopeSchema = z.strictObject({
  wholeService: z.boolean().default(false),
  serviceIds: z.array(IdSchema).max(5_000).default([]),
  /** Objectives and outcomes the proposal serves; empty means every objective the services in scope link to. */
  objectiveIds: z.array(IdSchema).max(5_000).default([]),
  /** The sum asked for, in pounds, and the period it covers ("2026/27 and 2027/28"). */
  amount: nonNegative.nullable().default(null),
  period: PeriodSchema.default(noPeriod),
});
export type DraftScope = z.infer<typeof DraftScopeSchema>;

export const DraftSchema = z.strictObject({
  id: IdSchema,
  templateId: ShortText.min(1),
  title: Title,
  scope: DraftScopeSchema.default({ wholeService: true, serviceIds: [], objectiveIds: [], amount: null, period: noPeriod }),
  /** Answers to the template's questions, by question id. */
  answers: z.array(z.strictObject({ questionId: ShortText.min(1), value: LongText })).max(1_000).default([]),
  protectiveMarking: ProtectiveMarkingSchema.default('OFFICIAL'),
  partnerId: IdSchema.nullable().default(null),
  /**
   * The decision data of a business case (options appraisal, finance, deal, delivery). A committee report
   * reads it from the business case it asks a decision on (basedOnDraftId), so both print the same options.
   */
  businessCase: BusinessCaseDataSchema.nullable().default(null),
  basedOnDraftId: IdSchema.nullable().default(null),
  created: isoDateTime,
  modified: isoDateTime,
});
export type Draft = z.infer<typeof DraftSchema>;

// ---- Library activity ----------------------------------------------------------------------------------

/** Comparator groups for benchmarking (see shared/analysis/benchmark.ts for how each is made). */
export const COMPARATOR_KINDS = ['neighbours', 'type', 'region', 'population', 'chosen'] as const;
export type ComparatorKind = (typeof COMPARATOR_KINDS)[number];

/** What a service's own figure counts: the core dataset's physical visits, loans, membership and events. */
export const OWN_MEASURES = ['visits', 'loans', 'members', 'events', 'attendance'] as const;
export type OwnMeasure = (typeof OWN_MEASURES)[number];

const GssCode = z.string().regex(/^E(06|08|09|10)\d{6}$/, { error: 'Expected an English GSS code such as E10000012' });

/** One count the service imported (from a core-dataset file or its own spreadsheet), for a library and a period. */
export const OwnFigureSchema = z.strictObject({
  id: IdSchema,
  measure: z.enum(OWN_MEASURES),
  /** The library as the file names it; empty for the whole service (membership is counted by area, not library). */
  library: ShortText.default(''),
  /** The library in the 2023 dataset, when the name matched one. */
  libraryRef: ShortText.default(''),
  /** What else the row says: the count type, the kind of item lent, the area code. */
  detail: ShortText.default(''),
  period: PeriodSchema,
  value: nonNegative,
  /** The file the figure came from, with the date it was imported. */
  source: ShortText.default(''),
});
export type OwnFigure = z.infer<typeof OwnFigureSchema>;

/**
 * The Data step's choices and the service's own figures. Added after file format version 3 with a default, so
 * a version 3 file without it reads as "no figures, compared with the dataset's neighbours" and no migration
 * is needed.
 */
export const LibraryDataSchema = z.strictObject({
  comparator: z
    .strictObject({
      kind: z.enum(COMPARATOR_KINDS).default('neighbours'),
      /** The officer's own list, used when kind is "chosen". */
      chosen: z.array(GssCode).max(200).default([]),
    })
    .default({ kind: 'neighbours', chosen: [] }),
  figures: z.array(OwnFigureSchema).max(200_000).default([]),
});
export type LibraryData = z.infer<typeof LibraryDataSchema>;

// ---- The workbook ----------------------------------------------------------------------------------------

export const AuthoritySchema = z.strictObject({
  gss: GssCode,
  name: Title,
  type: AuthorityTypeSchema,
  region: ShortText.default(''),
  /**
   * Resident population for per-1,000 figures, when the officer records one (a newer estimate, or one for an
   * authority the reference data lacks); otherwise the 2020 estimate from the reference data is used.
   */
  population: z
    .strictObject({ value: finite.int().min(1, { error: 'Population must be at least 1' }), year: ShortText.default(''), source: ShortText.default('') })
    .nullable()
    .default(null),
});
export type Authority = z.infer<typeof AuthoritySchema>;

export const WorkbookSchema = z.strictObject({
  id: IdSchema,
  title: Title,
  author: ShortText.default(''),
  authority: AuthoritySchema.nullable().default(null),
  created: isoDateTime,
  modified: isoDateTime,
  notes: LongText.default(''),
  objectives: z.array(ObjectiveSchema).max(5_000).default([]),
  services: z.array(ServiceSchema).max(5_000).default([]),
  alignments: z.array(AlignmentSchema).max(250_000).default([]),
  evidence: z.array(EvidenceSchema).max(10_000).default([]),
  partners: z.array(PartnerSchema).max(1_000).default([]),
  workshops: z.array(WorkshopSchema).max(1_000).default([]),
  drafts: z.array(DraftSchema).max(1_000).default([]),
  /** Suggested links the officer has turned down, so they are not suggested again. */
  dismissedSuggestions: z
    .array(z.strictObject({ serviceId: IdSchema, objectiveId: IdSchema }))
    .max(250_000)
    .default([]),
  libraryData: LibraryDataSchema.default({ comparator: { kind: 'neighbours', chosen: [] }, figures: [] }),
});
export type Workbook = z.infer<typeof WorkbookSchema>;
/** What a workbook looks like before defaults are filled in (e.g. as written by a hand or an older version). */
export type WorkbookInput = z.input<typeof WorkbookSchema>;
