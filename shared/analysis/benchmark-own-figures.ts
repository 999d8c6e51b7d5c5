/**
 * The service's own imported figures rolled up by measure and financial year (1 April to 31 March, by the day a
 * figure's period starts), with each library's share. Visits, loans, events and attendance are counts over a
 * period, so they add up. Membership is a count on a day, so a year's figure is the count on its latest count
 * date (summed over the areas counted that day), not the sum of every count.
 */
import type { OwnFigure } from '../model/workbook-schema';
import { OWN_MEASURES } from '../model/workbook-schema';
import type { OwnYearTotal } from '../model/own-figure-links';


export function financialYear(isoDate: string): { label: string; start: string; end: string } {
  const y = Number(isoDate.slice(0, 4));
  const first = Number(isoDate.slice(5, 7)) >= 4 ? y : y - 1;
  return {
    label: `${first}/${String((first + 1) % 100).padStart(2, '0')}`,
    start: `${first}-04-01`,
    end: `${first + 1}-03-31`,
  };
}

export function ownFigureTotals(figures: readonly OwnFigure[]): OwnYearTotal[] {
  const groups = new Map<string, OwnFigure[]>();
  for (const f of figures) {
    if (!f.period.start) continue;
    const key = `${f.measure}|${financialYear(f.period.start).label}`;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const out: OwnYearTotal[] = [];
  for (const list of groups.values()) {
    const measure = list[0]!.measure;
    const fy = financialYear(list[0]!.period.start!);
    let counted = list;
    let asAt: string | null = null;
    if (measure === 'members') {
      asAt = list
        .map((f) => f.period.start!)
        .sort()
        .at(-1)!;
      counted = list.filter((f) => f.period.start === asAt);
    }
    const byLibrary = new Map<string, number>();
    for (const f of counted) byLibrary.set(f.library, (byLibrary.get(f.library) ?? 0) + f.value);
    out.push({
      measure,
      year: fy.label,
      start: fy.start,
      end: fy.end,
      total: counted.reduce((n, f) => n + f.value, 0),
      byLibrary: [...byLibrary.entries()]
        .map(([library, value]) => ({ library, value }))
        .sort((a, b) => b.value - a.value || a.library.localeCompare(b.library, 'en-GB')),
      figureIds: counted.map((f) => f.id),
      sources: [...new Set(counted.map((f) => f.source).filter(Boolean))],
      asAt,
    });
  }
  return out.sort(
    (a, b) =>
      OWN_MEASURES.indexOf(a.measure) - OWN_MEASURES.indexOf(b.measure) || b.year.localeCompare(a.year),
  );
}
