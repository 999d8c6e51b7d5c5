/**
 * How an authority's library activity compares with a group of comparable authorities: figures per 1,000
 * residents (and per 1,000 children or adults where the source splits a measure by age), the group's median and
 * quartiles, and the authority's rank. Pure: the dataset and the authority list are passed in, so the Data step,
 * the command line and the document engine compute the same numbers.
 *
 * Quartiles use linear interpolation between the closest ranks (R's default "type 7", Excel's QUARTILE.INC): sort
 * the n values, and the p-quantile is found at position (n − 1) × p counting the smallest as position 0.
 *
 * A figure covering fewer than the year's twelve months is shown but left out of the rank, median and quartiles,
 * since part of a year is not comparable with a whole one. The median and quartiles describe the comparator
 * group without the authority itself; the rank places the authority among the group (1 is the highest figure
 * per 1,000 residents).
 */
import {
  ACTIVITY_MEASURES,
  type ActivityDataset,
  type ActivityFigure,
  type ActivityMeasureInfo,
  type AuthorityActivity,
} from '../reference/activity';

import type { ComparatorKind } from '../model/workbook-schema';

export { COMPARATOR_KINDS, type ComparatorKind } from '../model/workbook-schema';

export const COMPARATOR_LABELS: Record<ComparatorKind, string> = {
  neighbours: 'Five nearest neighbours',
  type: 'Same type of authority',
  region: 'Same region',
  population: 'Similar population',
  chosen: 'Authorities you choose',
};

/** Authorities nearest in resident population that make up the "similar population" group. */
export const POPULATION_GROUP_SIZE = 10;

export interface ComparatorChoice {
  readonly kind: ComparatorKind;
  /** GSS codes, for kind "chosen". */
  readonly chosen: readonly string[];
}

/** What the comparison needs to know of each authority (a subset of the reference AuthorityRecord). */
export interface AuthorityInfo {
  readonly gss: string;
  readonly name: string;
  readonly type: string;
  readonly region: string;
}

export function residentPopulation(a: AuthorityActivity | undefined): number | null {
  if (!a?.population) return null;
  return a.population.under12 + a.population.age12to17 + a.population.adult;
}

/** value per 1,000 of population; null when either is unknown or the population is not positive. */
export function perThousand(
  value: number | null | undefined,
  population: number | null | undefined,
): number | null {
  if (
    value === null ||
    value === undefined ||
    population === null ||
    population === undefined ||
    population <= 0
  )
    return null;
  return (value / population) * 1000;
}

/** The p-quantile (0 ≤ p ≤ 1) of the values by linear interpolation between closest ranks; null for no values. */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export interface Spread {
  readonly count: number;
  readonly lowerQuartile: number;
  readonly median: number;
  readonly upperQuartile: number;
}

export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  return {
    count: values.length,
    lowerQuartile: quantile(values, 0.25)!,
    median: quantile(values, 0.5)!,
    upperQuartile: quantile(values, 0.75)!,
  };
}

/** 1 for the highest; equal values share a rank. */
export function rankOf(value: number, among: readonly number[]): { position: number; of: number } {
  return { position: 1 + among.filter((v) => v > value).length, of: among.length };
}

export interface ComparatorGroup {
  readonly kind: ComparatorKind;
  readonly label: string;
  /** Where the group comes from, in a sentence. */
  readonly description: string;
  /** GSS codes, without the authority itself. */
  readonly members: readonly string[];
}

export function comparatorGroup(
  gss: string,
  choice: ComparatorChoice,
  dataset: ActivityDataset,
  authorities: readonly AuthorityInfo[],
): ComparatorGroup {
  const self = authorities.find((a) => a.gss === gss);
  const others = authorities.filter((a) => a.gss !== gss);
  const known = new Set(authorities.map((a) => a.gss));
  const group = (members: readonly string[], description: string): ComparatorGroup => ({
    kind: choice.kind,
    label: COMPARATOR_LABELS[choice.kind],
    description,
    members: members.filter((m) => m !== gss && known.has(m)),
  });
  switch (choice.kind) {
    case 'neighbours':
      return group(
        dataset[gss]?.neighbours ?? [],
        'The five “nearest neighbour” authorities listed for this authority in the Libraries Hacked activity dataset; the dataset does not say how they were chosen.',
      );
    case 'type':
      return group(
        others.filter((a) => a.type === self?.type).map((a) => a.gss),
        `Every other English library authority of the same type (${(self?.type ?? 'unknown').toLowerCase()}).`,
      );
    case 'region':
      return group(
        others.filter((a) => a.region !== '' && a.region === self?.region).map((a) => a.gss),
        `Every other library authority in the same region (${self?.region || 'unknown'}).`,
      );
    case 'population': {
      const own = residentPopulation(dataset[gss]);
      if (own === null)
        return group(
          [],
          'The dataset gives no population for this authority, so no authorities of similar size can be found.',
        );
      const nearest = others
        .map((a) => ({ a, pop: residentPopulation(dataset[a.gss]) }))
        .filter((x): x is { a: AuthorityInfo; pop: number } => x.pop !== null)
        .sort(
          (x, y) =>
            Math.abs(Math.log(x.pop / own)) - Math.abs(Math.log(y.pop / own)) ||
            x.a.name.localeCompare(y.a.name, 'en-GB'),
        )
        .slice(0, POPULATION_GROUP_SIZE);
      return group(
        nearest.map((x) => x.a.gss),
        `The ${POPULATION_GROUP_SIZE} authorities whose resident population (in the dataset) is nearest to this one’s, by ratio.`,
      );
    }
    case 'chosen':
      return group([...new Set(choice.chosen)], 'Authorities chosen by the officer.');
  }
}

export interface ComparisonRow {
  readonly gss: string;
  readonly name: string;
  readonly self: boolean;
  /** null: not reported. */
  readonly value: number | null;
  readonly perThousand: number | null;
  readonly months: number | null;
}

export interface AuthorityFigure {
  readonly value: number;
  readonly perThousand: number | null;
  /** Per 1,000 residents aged 0 to 17, from the part counted for children (null when not split by age). */
  readonly perThousandChildren: number | null;
  readonly perThousandAdults: number | null;
  readonly figure: ActivityFigure;
}

export interface MeasureComparison {
  readonly measure: ActivityMeasureInfo;
  /** null: the authority did not report this measure. */
  readonly own: AuthorityFigure | null;
  /** The authority and its group, highest per 1,000 first, those without a figure last. */
  readonly rows: readonly ComparisonRow[];
  /** Among the full-year figures of the authority and its group; null when its own figure is missing or partial. */
  readonly rank: { readonly position: number; readonly of: number } | null;
  /** The group's full-year figures per 1,000 residents, without the authority. */
  readonly group: Spread | null;
}

export interface Benchmark {
  readonly authority: AuthorityInfo;
  readonly population: number | null;
  readonly comparators: ComparatorGroup;
  readonly measures: readonly MeasureComparison[];
}

const FULL_YEAR = 12;

function ownFigure(a: AuthorityActivity, figure: ActivityFigure, ageSpecific: boolean): AuthorityFigure {
  const pop = a.population;
  const children =
    figure.byAge && (figure.byAge.under12 !== undefined || figure.byAge.age12to17 !== undefined)
      ? (figure.byAge.under12 ?? 0) + (figure.byAge.age12to17 ?? 0)
      : null;
  return {
    value: figure.value,
    perThousand: perThousand(figure.value, residentPopulation(a)),
    perThousandChildren: ageSpecific && pop ? perThousand(children, pop.under12 + pop.age12to17) : null,
    perThousandAdults: ageSpecific && pop ? perThousand(figure.byAge?.adult ?? null, pop.adult) : null,
    figure,
  };
}

export function benchmark(
  gss: string,
  choice: ComparatorChoice,
  dataset: ActivityDataset,
  authorities: readonly AuthorityInfo[],
): Benchmark | null {
  const authority = authorities.find((a) => a.gss === gss);
  if (!authority) return null;
  const comparators = comparatorGroup(gss, choice, dataset, authorities);
  const byGss = new Map(authorities.map((a) => [a.gss, a]));
  const activity = dataset[gss];
  const measures = ACTIVITY_MEASURES.map((measure): MeasureComparison => {
    const rows = [gss, ...comparators.members].map((code): ComparisonRow => {
      const f = dataset[code]?.measures[measure.id] ?? null;
      return {
        gss: code,
        name: byGss.get(code)?.name ?? code,
        self: code === gss,
        value: f?.value ?? null,
        perThousand: perThousand(f?.value, residentPopulation(dataset[code])),
        months: f?.months ?? null,
      };
    });
    rows.sort(
      (x, y) =>
        (y.perThousand ?? -Infinity) - (x.perThousand ?? -Infinity) || x.name.localeCompare(y.name, 'en-GB'),
    );
    const comparable = (r: ComparisonRow) => r.perThousand !== null && r.months === FULL_YEAR;
    const ownRow = rows.find((r) => r.self)!;
    const figure = activity?.measures[measure.id] ?? null;
    return {
      measure,
      own: activity && figure ? ownFigure(activity, figure, measure.ageSpecific) : null,
      rows,
      rank: comparable(ownRow)
        ? rankOf(
            ownRow.perThousand!,
            rows.filter(comparable).map((r) => r.perThousand!),
          )
        : null,
      group: spread(rows.filter((r) => !r.self && comparable(r)).map((r) => r.perThousand!)),
    };
  });
  return { authority, population: residentPopulation(activity), comparators, measures };
}

/** "3rd", "21st", "12th". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}
