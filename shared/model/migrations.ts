/**
 * One step per file-format version. Each step takes the workbook object of version N (as plain JSON, not yet
 * validated) and returns version N+1. Steps are never edited once released; a fixture of every old version
 * stays in tests/fixtures so opening it keeps being tested.
 *
 * Version history
 * 1. First release.
 * 2. Periods became structured: KPI baselines and targets, service measures and costs keep the label the
 *    officer wrote ("2023/24") and, where it can be read, the dates it covers, for progress reports and
 *    benchmarking by period.
 * 3. Document drafts have a scope (the services, objectives, sum and period a document proposes). Drafts
 *    written before it described the whole service, so they keep doing so.
 * 4. Decisions and delivery: a business case draft holds its decision data (options appraisal, financial,
 *    commercial and management cases), a committee report names the draft it is based on, KPIs hold results
 *    by period and the workbook holds an action plan. Every new field has a default that means "none yet", so a
 *    version 3 file reads unchanged; the version number stops an older copy of the app from half-reading a
 *    newer file.
 */
import { parsePeriod } from './periods';

export const CURRENT_VERSION = 4;

type Json = Record<string, unknown>;
type Step = (workbook: Json) => Json;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Applies fn to each object in an array field, leaving anything unexpected for validation to report. */
function mapObjects(list: unknown, fn: (o: Json) => Json): unknown {
  return Array.isArray(list) ? list.map((item) => (isObject(item) ? fn(item) : item)) : list;
}

function periodFromLabel(o: Json): Json {
  return typeof o.period === 'string' ? { ...o, period: parsePeriod(o.period) } : o;
}

/** MIGRATIONS[n] turns version n into version n + 1. */
export const MIGRATIONS: Readonly<Record<number, Step>> = {
  1: (wb) => ({
    ...wb,
    objectives: mapObjects(wb.objectives, (o) => ({
      ...o,
      kpis: mapObjects(o.kpis, (k) => ({
        ...k,
        ...(isObject(k.baseline) ? { baseline: periodFromLabel(k.baseline) } : {}),
        ...(isObject(k.target) ? { target: periodFromLabel(k.target) } : {}),
      })),
    })),
    services: mapObjects(wb.services, (s) => ({
      ...s,
      measures: mapObjects(s.measures, periodFromLabel),
      ...(isObject(s.cost) ? { cost: periodFromLabel(s.cost) } : {}),
    })),
  }),
  2: (wb) => ({
    ...wb,
    drafts: mapObjects(wb.drafts, (d) =>
      'scope' in d ? d : { ...d, scope: { wholeService: true, serviceIds: [], objectiveIds: [], amount: null, period: { label: '', start: null, end: null } } },
    ),
  }),
  3: (wb) => wb,
};

export function migrate(workbook: Json, fromVersion: number, steps: Readonly<Record<number, Step>> = MIGRATIONS, target = CURRENT_VERSION): Json {
  let current = workbook;
  for (let v = fromVersion; v < target; v++) {
    const step = steps[v];
    if (!step) throw new Error(`No migration from file format version ${v}`);
    current = step(current);
  }
  return current;
}
