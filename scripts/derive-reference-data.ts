/**
 * Derives the reference data the app ships (shared/reference/data/*.json) from the open data kept beside the
 * project in ../shared/data. The app never reads ../shared at run time; run this when that data is refreshed:
 *
 *   npm run derive-data            (writes the files)
 *   npm run derive-data -- --check (exits 1 if the committed files differ from a fresh derivation)
 *
 * Sources and licences are recorded in shared/reference/data/SOURCES.md and shown in the About box.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(root, '..', 'shared', 'data');
const target = join(root, 'shared', 'reference', 'data');

function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data;
}

const TYPE_BY_PREFIX: Record<string, string> = {
  E06: 'Unitary authority',
  E08: 'Metropolitan district',
  E09: 'London borough',
  E10: 'County council',
};

/** "Bristol, City of" and "Kingston Upon Thames" name the same services as "Bristol" and "Kingston upon Thames". */
function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/,\s*(city|county) of$/, '')
    .replace(/&/g, 'and')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
}

function deriveAuthorities() {
  const rows = readCsv(join(source, 'english_library_authorities.csv'));
  return rows
    .map((r) => {
      const type = TYPE_BY_PREFIX[r.gss_code!.slice(0, 3)];
      if (!type) throw new Error(`Unexpected GSS code ${r.gss_code}`);
      return {
        gss: r.gss_code!,
        name: r.library_service_name!,
        officialName: r.official_name!,
        type,
        region: r.region!,
        population2020: r.population_2020_est ? Number(r.population_2020_est) : null,
        serviceUrl: r.service_url ?? '',
        openStaticLibraries2023: Number(r.ace2023_open_static_libraries || 0),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

const OPEN_CODES = new Set(['LA', 'LAU', 'C', 'CR', 'ICL']);
const OPERATION_LABELS: Record<string, string> = {
  LA: 'Council run',
  LAU: 'Council run (unstaffed)',
  C: 'Commissioned',
  CR: 'Community run',
  ICL: 'Independent community library',
};

function deriveLibraries(authorities: ReturnType<typeof deriveAuthorities>) {
  const byName = new Map(authorities.map((a) => [normaliseName(a.name), a.gss]));
  const rows = readCsv(join(source, 'librarydata-db', 'libraries_england_2023.csv'));
  const out: Record<string, Array<{ ref: string; name: string; postcode: string; operation: string; statutory: boolean }>> = {};
  const unmatched = new Set<string>();
  for (const r of rows) {
    const operation = (r.operation_23 ?? '').toUpperCase();
    if (!/^static (local history )?library$/i.test((r.type ?? '').trim()) || !OPEN_CODES.has(operation)) continue;
    const gss = byName.get(normaliseName(r.authority ?? ''));
    if (!gss) {
      unmatched.add((r.authority ?? '').trim() || '(no authority given)');
      continue;
    }
    const name = (r.name ?? '').trim();
    const list = (out[gss] ??= []);
    let ref = `${gss}:${slug(name)}`;
    for (let n = 2; list.some((l) => l.ref === ref); n++) ref = `${gss}:${slug(name)}-${n}`;
    list.push({
      ref,
      name,
      postcode: (r.postcode ?? '').trim(),
      operation: OPERATION_LABELS[operation]!,
      statutory: /^yes$/i.test((r.statutory_23 ?? '').trim()),
    });
  }
  for (const list of Object.values(out)) list.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { libraries: out, unmatched: [...unmatched].sort() };
}

/**
 * Theme → Ambition outcomes it most draws on, and words that mark an objective as belonging to it. Both are our
 * own judgement (labelled as such in the app), used only to suggest links that the officer then accepts or not.
 * A keyword ending in * matches the start of a word ("communit*" → community, communities); others match whole words.
 */
const THEME_JUDGEMENTS: Record<string, { outcomes: number[]; keywords: string[] }> = {
  'health-wellbeing': { outcomes: [5, 7], keywords: ['health*', 'wellbeing', 'well-being', 'mental*', 'physical activity', 'physically active', 'active lives', 'life expectancy', 'prevent*', 'loneliness'] },
  'economy-skills-jobs': { outcomes: [6, 4, 3], keywords: ['econom*', 'job*', 'employ*', 'skill*', 'business*', 'enterprise', 'growth', 'qualification*', 'into work', 'in work', 'back to work', 'workforce', 'good work', 'unemploy*', 'prosper*', 'apprentice*'] },
  'children-young-people': { outcomes: [2, 4, 5], keywords: ['child*', 'young people', 'school*', 'educat*', 'early years', 'best start', 'literacy', 'famil*', 'pupil*', 'reading'] },
  'communities-cohesion': { outcomes: [7, 5, 1], keywords: ['communit*', 'cohesion', 'volunteer*', 'loneliness', 'isolat*', 'neighbourhood*', 'belong*', 'inclusive', 'safer', 'resilien*'] },
  'climate-environment': { outcomes: [7, 1], keywords: ['climate', 'environment*', 'carbon', 'net zero', 'green', 'nature', 'sustainab*', 'carbon neutral*', 'biodiversity', 'emissions', 'decarbonis*', 'renewable*', 'waste', 'recycl*'] },
  'digital-inclusion': { outcomes: [3, 4, 6], keywords: ['digital*', 'online', 'internet', 'connectivity', 'technolog*'] },
  'older-people-independence': { outcomes: [5, 7, 3], keywords: ['older', 'independen*', 'adult social care', 'ageing', 'dementia', 'carer*', 'social care', 'care and support', 'right care', 'home care', 'care home*'] },
  'culture-heritage-place': { outcomes: [1, 7], keywords: ['cultur*', 'heritage', 'arts', 'creativ*', 'place', 'town centre*', 'high street*', 'visitor*', 'tourism'] },
  'poverty-cost-of-living': { outcomes: [6, 7, 5], keywords: ['poverty', 'cost of living', 'inequalit*', 'depriv*', 'hardship', 'financial', 'benefit*', 'debt'] },
  housing: { outcomes: [7, 3], keywords: ['housing', 'homes', 'homeless*', 'rough sleeping', 'tenant*'] },
  'well-run-council': { outcomes: [3, 7], keywords: ['council', 'customer*', 'value for money', 'efficien*', 'services online', 'resident satisfaction', 'well-run', 'well run'] },
};

type SourceService = {
  id: string;
  name: string;
  universal_offer: string;
  description: string;
  target_groups: string[];
  ambition_outcomes: number[];
  typical_outputs: string[];
  typical_outcome_measures: string[];
  national_programme_or_partner: string | null;
  evidence: Array<{ claim: string; figure: string | null; year: string | null; source_title: string; url: string }>;
};

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function deriveCatalogueAndEvidence() {
  const services = readJson<SourceService[]>(join(source, 'reference-sets', 'library-services.json'));
  const evidence: Array<Record<string, string>> = [];
  const catalogue = services.map((s) => {
    const refs = s.evidence.map((e, i) => {
      const id = `${s.id}-${i + 1}`;
      const secondary = /\(secondary\)/i.test(e.source_title);
      evidence.push({
        id,
        title: e.claim,
        publisher: e.source_title.replace(/\s*\(secondary\)\s*$/i, ''),
        year: e.year ?? '',
        url: e.url,
        keyFinding: e.claim,
        figure: e.figure ?? '',
        kind: 'case-study',
        quality: secondary ? 'limited' : 'moderate',
        note: secondary ? 'Read from a secondary copy or report; check the original before quoting.' : '',
        serviceRef: s.id,
      });
      return id;
    });
    return {
      id: s.id,
      name: s.name,
      offer: s.universal_offer,
      description: s.description,
      targetGroups: s.target_groups,
      outcomes: s.ambition_outcomes,
      typicalOutputs: s.typical_outputs,
      typicalOutcomeMeasures: s.typical_outcome_measures,
      programme: s.national_programme_or_partner ?? '',
      evidenceRefs: refs,
    };
  });
  return { catalogue, evidence };
}

function deriveThemes() {
  const themes = readJson<Array<{ id: string; name: string; description: string; example_objectives: string[] }>>(
    join(source, 'reference-sets', 'themes.json'),
  );
  return themes.map((t) => {
    const judgement = THEME_JUDGEMENTS[t.id];
    if (!judgement) throw new Error(`No outcome judgement for theme ${t.id}`);
    return { id: t.id, name: t.name, description: t.description, exampleObjectives: t.example_objectives, ...judgement };
  });
}

function deriveIndicators() {
  const list = readJson<
    Array<{
      id: string;
      theme_ids: string[];
      framework: string;
      code: string | null;
      name: string;
      definition: string;
      unit: string;
      polarity: string;
      source_url: string;
      library_contribution: { kind: string; services: string[] };
    }>
  >(join(source, 'reference-sets', 'indicators.json'));
  return list.map((i) => ({
    id: i.id,
    themeIds: i.theme_ids,
    framework: i.framework,
    code: i.code ?? '',
    name: i.name,
    definition: i.definition,
    unit: i.unit,
    direction: /lower is better/i.test(i.polarity) ? 'decrease' : 'increase',
    sourceUrl: i.source_url,
    contribution: i.library_contribution.kind,
  }));
}

/**
 * The Arts Council England libraries activity data for 2023/24, as published by Libraries Hacked. For each
 * authority: the dataset's resident populations by age band and its five listed neighbours, and for each
 * measure the annual value (null when the authority did not report it: unknown is never zero), the span of
 * dates it covers and how many of the year's twelve months that is, the split by age band where the source
 * gives one, and the figures by month or quarter summed over their other splits (location, format, event type).
 */
const ACTIVITY_MEASURES = [
  { id: 'users', column: 'Users', file: 'users.csv' },
  { id: 'visits', column: 'Visits', file: 'visits.csv' },
  { id: 'loans', column: 'Loans', file: 'loans.csv' },
  { id: 'events', column: 'Events', file: 'events.csv' },
  { id: 'attendance', column: 'Attendance', file: 'event_attendance.csv' },
  { id: 'computerHours', column: 'Computer hours', file: 'computers.csv' },
  { id: 'wifiSessions', column: 'Wifi sessions', file: 'wifi.csv' },
] as const;

const AGE_BANDS: Record<string, string> = { 'Under 12': 'under12', '12-17': 'age12to17', Adult: 'adult' };
const YEAR_START = '2023-04-01';
const YEAR_END = '2024-03-31';

/** "2023-04-01/P3M" → its first day, its last day and the months it spans. */
function interval(label: string): { start: string; end: string; months: number } {
  const m = /^(\d{4})-(\d{2})-01\/P(\d+)([MY])$/.exec(label);
  if (!m) throw new Error(`Unexpected period ${label}`);
  const months = Number(m[3]) * (m[4] === 'Y' ? 12 : 1);
  const end = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1 + months, 1) - 86_400_000).toISOString().slice(0, 10);
  const start = label.slice(0, 10);
  if (start < YEAR_START || end > YEAR_END) throw new Error(`Period ${label} falls outside 2023/24`);
  return { start, end, months };
}

function whole(text: string, where: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${where}: expected a count, found "${text}"`);
  return n;
}

function deriveActivity(authorities: ReturnType<typeof deriveAuthorities>) {
  const folder = join(source, 'public-libraries-activity-dataset');
  const known = new Set(authorities.map((a) => a.gss));
  const services = readCsv(join(folder, 'services.csv'));
  const rows = new Map<string, Array<Record<string, string>>>();
  for (const m of ACTIVITY_MEASURES) {
    for (const r of readCsv(join(folder, m.file))) {
      const key = `${m.id}|${r.Authority}`;
      const list = rows.get(key) ?? [];
      list.push(r);
      rows.set(key, list);
    }
  }
  const out: Record<string, { population: Record<string, number> | null; neighbours: string[]; measures: Record<string, unknown> }> = {};
  for (const s of services) {
    const gss = s['Authority code']!;
    if (!known.has(gss)) throw new Error(`Activity data for ${gss}, which is not an English library authority`);
    const popText = [s['Population under 12'], s['Population 12-17'], s['Population adult']];
    const population = popText.every((p) => p)
      ? { under12: whole(popText[0]!, gss), age12to17: whole(popText[1]!, gss), adult: whole(popText[2]!, gss) }
      : null;
    const neighbours = [1, 2, 3, 4, 5].map((n) => s[`Nearest neighbour ${n}`] ?? '').filter(Boolean);
    const measures: Record<string, unknown> = {};
    for (const m of ACTIVITY_MEASURES) {
      const total = s[m.column] ?? '';
      const list = rows.get(`${m.id}|${gss}`) ?? [];
      if (total === '') {
        if (list.length > 0) throw new Error(`${gss} has ${m.id} figures but no ${m.column} total`);
        measures[m.id] = null;
        continue;
      }
      const value = whole(total, `${gss} ${m.column}`);
      const byPeriod = new Map<string, number>();
      const byAge: Record<string, number> = {};
      for (const r of list) {
        const count = whole(r.Count!, `${m.file} ${gss} ${r.Period}`);
        byPeriod.set(r.Period!, (byPeriod.get(r.Period!) ?? 0) + count);
        const age = r['Age group'] ?? r['Content age group'];
        if (age !== undefined) {
          const band = AGE_BANDS[age] ?? 'unattributed';
          byAge[band] = (byAge[band] ?? 0) + count;
        }
      }
      const sum = [...byPeriod.values()].reduce((a, b) => a + b, 0);
      if (sum !== value) throw new Error(`${gss} ${m.column}: the total ${value} is not the sum of its figures (${sum})`);
      const spans = [...byPeriod.keys()].map(interval);
      const months = new Set<string>();
      for (const p of spans)
        for (let i = 0; i < p.months; i++) {
          const d = new Date(`${p.start}T00:00:00Z`);
          d.setUTCMonth(d.getUTCMonth() + i);
          months.add(d.toISOString().slice(0, 7));
        }
      const lengths = new Set(spans.map((p) => p.months));
      const granularity = lengths.size > 1 ? 'mixed' : lengths.has(1) ? 'month' : lengths.has(3) ? 'quarter' : 'year';
      const periodic = [...byPeriod.entries()]
        .filter(([p]) => interval(p).months < 12)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([period, count]) => ({ period, value: count }));
      measures[m.id] = {
        value,
        start: spans.reduce((a, p) => (p.start < a ? p.start : a), YEAR_END),
        end: spans.reduce((a, p) => (p.end > a ? p.end : a), YEAR_START),
        months: months.size,
        granularity,
        ...(Object.keys(byAge).length > 0 ? { byAge } : {}),
        periodic,
      };
    }
    out[gss] = { population, neighbours, measures };
  }
  const missing = authorities.filter((a) => !(a.gss in out)).map((a) => a.gss);
  if (missing.length > 0) throw new Error(`No activity row for ${missing.join(', ')}`);
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]!]));
}

function stable(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}

function main() {
  if (!existsSync(source)) {
    console.error(`Cannot find the open data at ${source}; it should sit beside the project as ../shared/data.`);
    process.exit(2);
  }
  const authorities = deriveAuthorities();
  const { libraries, unmatched } = deriveLibraries(authorities);
  const { catalogue, evidence } = deriveCatalogueAndEvidence();
  const activity = deriveActivity(authorities);
  const files: Record<string, string> = {
    'authorities.json': stable(authorities),
    'libraries-2023.json': stable(libraries),
    'service-catalogue.json': stable(catalogue),
    'service-evidence.json': stable(evidence),
    'themes.json': stable(deriveThemes()),
    'indicators.json': stable(deriveIndicators()),
    'activity-2023-24.json': stable(activity),
  };
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [name, text] of Object.entries(files)) {
    const path = join(target, name);
    if (check) {
      const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
      if (current !== text) {
        console.error(`${name} differs from a fresh derivation of ../shared/data`);
        stale++;
      }
    } else writeFileSync(path, text);
  }
  const count = Object.values(libraries).reduce((n, l) => n + l.length, 0);
  console.log(`${authorities.length} authorities; ${count} open static libraries in 2023`);
  const reported = ACTIVITY_MEASURES.map(
    (m) => `${m.column} ${Object.values(activity).filter((a) => a.measures[m.id] !== null).length}`,
  );
  console.log(`Activity 2023/24, authorities reporting: ${reported.join(', ')}`);
  if (unmatched.length > 0) console.log(`Library rows whose authority is not an English library service: ${unmatched.join('; ')}`);
  if (stale > 0) process.exit(1);
}

main();
