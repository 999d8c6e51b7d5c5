/**
 * A year's total of the service's own figures put to use: as a service's reach figure or as a KPI's baseline,
 * carrying its period and its source (the files it came from), so a document quoting it can say where it is from.
 */
import type { Period } from './periods';
import { newId } from './ids';
import type { OwnMeasure, Workbook } from './workbook-schema';

/** A measure's total for one financial year, as the analysis rolls up the service's own figures. */
export interface OwnYearTotal {
  readonly measure: OwnMeasure;
  /** "2023/24". */
  readonly year: string;
  readonly start: string;
  readonly end: string;
  readonly total: number;
  /** Each library's part, largest first; "" is the whole service (membership by area). */
  readonly byLibrary: ReadonlyArray<{ readonly library: string; readonly value: number }>;
  /** Figures the total is made of. */
  readonly figureIds: readonly string[];
  /** Sources the figures came from. */
  readonly sources: readonly string[];
  /** For membership, the count date used. */
  readonly asAt: string | null;
}

export const OWN_MEASURE_NAMES: Record<OwnMeasure, { label: string; unit: string }> = {
  visits: { label: 'Physical visits', unit: 'visits' },
  loans: { label: 'Loans', unit: 'loans' },
  members: { label: 'Active members', unit: 'members' },
  events: { label: 'Events', unit: 'events' },
  attendance: { label: 'Event attendance', unit: 'attendances' },
};

export function totalPeriod(total: OwnYearTotal): Period {
  return {
    label: total.asAt ? `${total.year} (count on ${total.asAt})` : total.year,
    start: total.start,
    end: total.end,
  };
}

export function totalSource(total: OwnYearTotal): string {
  return `Own figures: ${total.sources.join('; ')}`.slice(0, 500);
}

/** Adds the total to a service's reach figures; false when the service is not in the workbook. */
export function addReachFromTotal(wb: Workbook, total: OwnYearTotal, serviceId: string): boolean {
  const service = wb.services.find((s) => s.id === serviceId);
  if (!service) return false;
  const { label, unit } = OWN_MEASURE_NAMES[total.measure];
  service.measures.push({
    id: newId('measure'),
    label,
    value: total.total,
    unit,
    period: totalPeriod(total),
    source: totalSource(total),
  });
  return true;
}

/** Makes the total a KPI's baseline (and its source, when it has none); false when the KPI is not in the workbook. */
export function setBaselineFromTotal(wb: Workbook, total: OwnYearTotal, kpiId: string): boolean {
  const kpi = wb.objectives.flatMap((o) => o.kpis).find((k) => k.id === kpiId);
  if (!kpi) return false;
  kpi.baseline = { value: total.total, period: totalPeriod(total) };
  if (!kpi.source) kpi.source = totalSource(total);
  return true;
}
