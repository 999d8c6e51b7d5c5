/**
 * The Arts Council England libraries activity data for 2023/24 (as published by Libraries Hacked), derived into
 * data/activity-2023-24.json by scripts/derive-reference-data.ts. Its shape and the measures it holds are declared
 * here; the renderer loads the figures on demand (loadActivity), the document engine and command line read
 * them through activity-data.ts.
 */

import type { LibraryEvidence } from './catalogue';

export const ACTIVITY_MEASURE_IDS = [
  'users',
  'visits',
  'loans',
  'events',
  'attendance',
  'computerHours',
  'wifiSessions',
] as const;
export type ActivityMeasureId = (typeof ACTIVITY_MEASURE_IDS)[number];

export interface ActivityMeasureInfo {
  readonly id: ActivityMeasureId;
  /** As a heading: "Visits". */
  readonly label: string;
  /** Within a sentence: "visits", "Wi-Fi sessions". */
  readonly phrase: string;
  /** After a number: "3,100,468 visits". */
  readonly unit: string;
  /** What is counted, in the source's terms. */
  readonly definition: string;
  /** Whether the source splits it by age (children under 12, 12 to 17, adults), so per-1,000 children and adults can be given. */
  readonly ageSpecific: boolean;
}

export const ACTIVITY_MEASURES: readonly ActivityMeasureInfo[] = [
  {
    id: 'users',
    label: 'Active users',
    phrase: 'active users',
    unit: 'active users',
    definition: 'People who used their library membership during the year',
    ageSpecific: true,
  },
  {
    id: 'visits',
    label: 'Visits',
    phrase: 'visits',
    unit: 'visits',
    definition: 'Physical visits to libraries, shared buildings, mobile libraries and home delivery',
    ageSpecific: false,
  },
  {
    id: 'loans',
    label: 'Loans',
    phrase: 'loans',
    unit: 'loans',
    definition:
      'Loans of physical books and audiobooks, e-books and e-audio, by the age group the item is for',
    ageSpecific: true,
  },
  {
    id: 'events',
    label: 'Events',
    phrase: 'events',
    unit: 'events',
    definition: 'Events held in person or online',
    ageSpecific: true,
  },
  {
    id: 'attendance',
    label: 'Event attendance',
    phrase: 'event attendance',
    unit: 'attendances',
    definition: 'Attendances at events held in person or online',
    ageSpecific: true,
  },
  {
    id: 'computerHours',
    label: 'Computer hours',
    phrase: 'computer hours',
    unit: 'hours',
    definition: 'Hours of use of the public computers',
    ageSpecific: false,
  },
  {
    id: 'wifiSessions',
    label: 'Wi-Fi sessions',
    phrase: 'Wi-Fi sessions',
    unit: 'sessions',
    definition: 'Sessions on the public Wi-Fi',
    ageSpecific: false,
  },
];


export interface AgeSplit {
  readonly under12?: number;
  readonly age12to17?: number;
  readonly adult?: number;
  /** Counted without an age group ("Unknown", "All ages"). */
  readonly unattributed?: number;
}

export interface ActivityFigure {
  /** The year's total as published. */
  readonly value: number;
  /** First and last days the figures cover (ISO dates). */
  readonly start: string;
  readonly end: string;
  /** How many of the year's twelve months the figures cover. */
  readonly months: number;
  /** How the authority reported: by month, by quarter, one annual figure, or a mixture. */
  readonly granularity: 'month' | 'quarter' | 'year' | 'mixed';
  readonly byAge?: AgeSplit;
  /** Figures by month or quarter (ISO 8601 interval, such as 2023-04-01/P1M), summed over the source's other splits. */
  readonly periodic: ReadonlyArray<{ readonly period: string; readonly value: number }>;
}

export interface AuthorityActivity {
  /** The dataset's resident population by age band; null when it gives none. */
  readonly population: {
    readonly under12: number;
    readonly age12to17: number;
    readonly adult: number;
  } | null;
  /** The five "nearest neighbour" authorities the dataset lists (GSS codes). */
  readonly neighbours: readonly string[];
  /** null: the authority did not report the measure (unknown, not zero). */
  readonly measures: Readonly<Record<ActivityMeasureId, ActivityFigure | null>>;
}

export type ActivityDataset = Readonly<Record<string, AuthorityActivity>>;

export const ACTIVITY_YEAR = { label: '2023/24', start: '2023-04-01', end: '2024-03-31' } as const;

export const ACTIVITY_SOURCE = {
  title: 'Libraries Activity Data 2023/24',
  publisher: 'Arts Council England, as published by Libraries Hacked (public-libraries-activity-dataset)',
  url: 'https://github.com/LibrariesHacked/public-libraries-activity-dataset',
  /** As a source line under a table or figure. */
  short: 'Arts Council England, Libraries Activity Data 2023/24 (via Libraries Hacked)',
  neighbours:
    'The five “nearest neighbour” authorities listed for each authority in the Libraries Hacked activity dataset (services.csv). The dataset does not say how they were chosen, so treat them as a starting point rather than an official comparator set.',
} as const;

/** The dataset as an evidence-library entry, so a document citing the comparison lists it once in its references. */
export const ACTIVITY_EVIDENCE: LibraryEvidence = {
  id: 'ace-libraries-activity-2023-24',
  title:
    'Libraries Activity Data 2023/24: users, visits, loans, events, computer and Wi-Fi use for each English library authority',
  publisher: ACTIVITY_SOURCE.publisher,
  year: '2023/24',
  url: ACTIVITY_SOURCE.url,
  keyFinding:
    'Annual activity figures reported by English library authorities to Arts Council England for April 2023 to March 2024, with resident populations by age band. Coverage is partial: about 120 of 153 authorities report users, loans and visits; fewer report events and Wi-Fi.',
  figure: '',
  kind: 'national-statistics',
  quality: 'strong',
};

let cache: Promise<ActivityDataset> | null = null;

/** The whole dataset, loaded once (it is one of the larger reference files and only the Data step needs it). */
export function loadActivity(): Promise<ActivityDataset> {
  cache ??= import('./data/activity-2023-24.json', { with: { type: 'json' } }).then(
    (m) => m.default as unknown as ActivityDataset,
  );
  return cache;
}
