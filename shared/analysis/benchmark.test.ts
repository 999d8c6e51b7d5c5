import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_MEASURES, type ActivityDataset, type ActivityMeasureId } from '../reference/activity';
import { ACTIVITY } from '../reference/activity-data';
import { AUTHORITIES } from '../reference/authorities';
import { benchmark, comparatorGroup, ordinal, perThousand, quantile, rankOf, spread, POPULATION_GROUP_SIZE } from './benchmark';

describe('quartiles (linear interpolation between closest ranks, position (n − 1) × p)', () => {
  it('matches values worked by hand', () => {
    // 1 2 3 4: Q1 at position 0.75 → 1 + 0.75 × (2 − 1) = 1.75; median at 1.5 → 2.5; Q3 at 2.25 → 3.25.
    expect(spread([4, 2, 1, 3])).toEqual({ count: 4, lowerQuartile: 1.75, median: 2.5, upperQuartile: 3.25 });
    // 1 3 5 7 9: positions 1, 2 and 3 fall on values.
    expect(spread([7, 1, 3, 9, 5])).toEqual({ count: 5, lowerQuartile: 3, median: 5, upperQuartile: 7 });
    // 10 20: Q1 at 0.25 → 12.5, median 15, Q3 17.5.
    expect(spread([20, 10])).toEqual({ count: 2, lowerQuartile: 12.5, median: 15, upperQuartile: 17.5 });
    // 2 4 4 5 7 9 (n = 6): Q1 at 1.25 → 4; median at 2.5 → 4.5; Q3 at 3.75 → 5 + 0.75 × 2 = 6.5.
    expect(spread([9, 4, 7, 2, 5, 4])).toEqual({ count: 6, lowerQuartile: 4, median: 4.5, upperQuartile: 6.5 });
    expect(spread([42])).toEqual({ count: 1, lowerQuartile: 42, median: 42, upperQuartile: 42 });
    expect(spread([])).toBeNull();
    expect(quantile([3, 1, 2], 0)).toBe(1);
    expect(quantile([3, 1, 2], 1)).toBe(3);
  });

  it('ranks the highest first and lets equal values share a rank', () => {
    expect(rankOf(5, [9, 5, 5, 1])).toEqual({ position: 2, of: 4 });
    expect(rankOf(9, [9, 5, 5, 1])).toEqual({ position: 1, of: 4 });
    expect(rankOf(1, [9, 5, 5, 1])).toEqual({ position: 4, of: 4 });
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th']);
  });

  it('gives per-1,000 figures and nothing for an unknown value or population', () => {
    expect(perThousand(250, 50_000)).toBe(5);
    expect(perThousand(null, 50_000)).toBeNull();
    expect(perThousand(250, null)).toBeNull();
    expect(perThousand(250, 0)).toBeNull();
    expect(perThousand(0, 1000)).toBe(0);
  });
});

describe('benchmarking Kent (E10000016) against the published 2023/24 data', () => {
  const kent = benchmark('E10000016', { kind: 'neighbours', chosen: [] }, ACTIVITY, AUTHORITIES)!;
  const m = (id: ActivityMeasureId) => kent.measures.find((x) => x.measure.id === id)!;

  it('uses the population and neighbours the dataset gives', () => {
    expect(kent.population).toBe(228_508 + 126_882 + 1_283_639);
    expect(kent.comparators.members).toEqual(['E10000012', 'E06000024', 'E10000029', 'E10000020', 'E10000032']);
    expect(kent.comparators.description).toMatch(/does not say how they were chosen/);
  });

  it('works per 1,000 residents, children and adults as by hand', () => {
    // 3,100,468 visits ÷ 1,639,029 residents × 1,000.
    expect(m('visits').own!.value).toBe(3_100_468);
    expect(m('visits').own!.perThousand).toBeCloseTo(1891.649, 3);
    expect(m('visits').own!.perThousandChildren).toBeNull();
    // Users: (72,545 under 12 + 12,318 aged 12 to 17) ÷ (228,508 + 126,882) × 1,000; 102,253 adults ÷ 1,283,639.
    expect(m('users').own!.perThousand).toBeCloseTo(114.163, 3);
    expect(m('users').own!.perThousandChildren).toBeCloseTo(238.788, 3);
    expect(m('users').own!.perThousandAdults).toBeCloseTo(79.659, 3);
  });

  it('ranks among full-year figures and takes the group spread without Kent', () => {
    const visits = m('visits');
    const full = visits.rows.filter((r) => r.perThousand !== null && r.months === 12);
    const others = full.filter((r) => !r.self).map((r) => r.perThousand!);
    expect(visits.group).toEqual(spread(others));
    expect(visits.rank).toEqual(rankOf(visits.rows.find((r) => r.self)!.perThousand!, full.map((r) => r.perThousand!)));
    // Rows are highest per 1,000 first, with the unreported last.
    const values = visits.rows.map((r) => r.perThousand ?? -1);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // Suffolk reported no users: shown without a figure, not as zero.
    const suffolk = m('users').rows.find((r) => r.gss === 'E10000029')!;
    expect(suffolk.value).toBeNull();
    expect(suffolk.perThousand).toBeNull();
  });

  it('builds the other comparator groups', () => {
    const type = comparatorGroup('E10000016', { kind: 'type', chosen: [] }, ACTIVITY, AUTHORITIES);
    expect(type.members.length).toBe(AUTHORITIES.filter((a) => a.type === 'County council').length - 1);
    expect(type.members).not.toContain('E10000016');
    const region = comparatorGroup('E10000016', { kind: 'region', chosen: [] }, ACTIVITY, AUTHORITIES);
    expect(region.members.length).toBeGreaterThan(5);
    for (const g of region.members) expect(AUTHORITIES.find((a) => a.gss === g)!.region).toBe('South East');
    const population = comparatorGroup('E10000016', { kind: 'population', chosen: [] }, ACTIVITY, AUTHORITIES);
    expect(population.members).toHaveLength(POPULATION_GROUP_SIZE);
    expect(population.members).toContain('E10000012'); // Essex, 1.56 million
    const chosen = comparatorGroup('E10000016', { kind: 'chosen', chosen: ['E06000055', 'E10000016', 'E99999999', 'E06000055'] }, ACTIVITY, AUTHORITIES);
    expect(chosen.members).toEqual(['E06000055']);
  });

  it('says an authority with no data has none, rather than zero', () => {
    const bedford = benchmark('E06000055', { kind: 'neighbours', chosen: [] }, ACTIVITY, AUTHORITIES)!;
    for (const measure of bedford.measures) {
      expect(measure.own).toBeNull();
      expect(measure.rank).toBeNull();
    }
    expect(bedford.population).toBe(29_020 + 15_463 + 150_493);
  });
});

const SOURCE = join(__dirname, '..', '..', '..', 'shared', 'data', 'public-libraries-activity-dataset');
const COLUMN: Record<ActivityMeasureId, { column: string; file: string }> = {
  users: { column: 'Users', file: 'users.csv' },
  visits: { column: 'Visits', file: 'visits.csv' },
  loans: { column: 'Loans', file: 'loans.csv' },
  events: { column: 'Events', file: 'events.csv' },
  attendance: { column: 'Attendance', file: 'event_attendance.csv' },
  computerHours: { column: 'Computer hours', file: 'computers.csv' },
  wifiSessions: { column: 'Wifi sessions', file: 'wifi.csv' },
};

function csv(name: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(SOURCE, name), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

describe.skipIf(!existsSync(SOURCE))('the derived activity data against the published CSV files', () => {
  const services = new Map(csv('services.csv').map((r) => [r['Authority code']!, r]));
  // Kent (every measure), Barnsley (no Wi-Fi), Blackburn with Darwen (no computer hours or Wi-Fi), Bedford (nothing),
  // City of London (quarterly figures).
  const sample = ['E10000016', 'E08000016', 'E06000008', 'E06000055', 'E09000001'];
  const data: ActivityDataset = ACTIVITY;

  it.each(sample)('%s: each total as published, blank stays blank', (gss) => {
    const row = services.get(gss)!;
    for (const { id } of ACTIVITY_MEASURES) {
      const published = row[COLUMN[id].column]!;
      const derived = data[gss]!.measures[id];
      if (published === '') expect(derived, `${gss} ${id}`).toBeNull();
      else expect(derived?.value, `${gss} ${id}`).toBe(Number(published));
    }
    expect(data[gss]!.neighbours).toEqual([1, 2, 3, 4, 5].map((n) => row[`Nearest neighbour ${n}`]));
    expect(data[gss]!.population).toEqual({ under12: Number(row['Population under 12']), age12to17: Number(row['Population 12-17']), adult: Number(row['Population adult']) });
  });

  it.each(sample)('%s: periodic figures are the sums of the source rows for each period', (gss) => {
    for (const { id } of ACTIVITY_MEASURES) {
      const sums = new Map<string, number>();
      for (const r of csv(COLUMN[id].file).filter((r) => r.Authority === gss)) sums.set(r.Period!, (sums.get(r.Period!) ?? 0) + Number(r.Count));
      const derived = data[gss]!.measures[id];
      const expected = [...sums.entries()].filter(([p]) => !p.endsWith('/P1Y')).sort(([a], [b]) => a.localeCompare(b)).map(([period, value]) => ({ period, value }));
      expect(derived?.periodic ?? [], `${gss} ${id}`).toEqual(expected);
    }
  });

  it('records quarterly reporting and the months covered', () => {
    const london = data.E09000001!.measures.visits!;
    expect(london.granularity).toBe('quarter');
    expect(london.months).toBe(12);
    expect(london.periodic.map((p) => p.period)).toEqual(['2023-04-01/P3M', '2023-07-01/P3M', '2023-10-01/P3M', '2024-01-01/P3M']);
    expect(data.E10000016!.measures.visits!.granularity).toBe('month');
  });
});
