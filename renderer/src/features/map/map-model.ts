/**
 * What the map shows, derived from the workbook: which services (rows) and objectives (columns) survive the
 * filters, their codes, the links and suggestions by cell, and the row and column summaries.
 */
import { inTreeOrder, indexObjectives } from '../../../../shared/analysis/hierarchy';
import { pairKey, suggestLinks, type Suggestion } from '../../../../shared/analysis/suggestions';
import { STRENGTH_WEIGHT, statusFor, type CoverageStatus } from '../../../../shared/analysis/coverage';
import type { AmbitionOutcomeId, Strength, UniversalOffer } from '../../../../shared/model/vocabulary';
import { UNIVERSAL_OFFERS } from '../../../../shared/model/vocabulary';
import type { Alignment, Objective, Service, Workbook } from '../../../../shared/model/workbook-schema';

export interface MapFilters {
  offer: UniversalOffer | '';
  outcome: AmbitionOutcomeId | 0;
  /** A council theme (top-level objective) whose objectives to show. */
  themeId: string;
  showSuggestions: boolean;
}

export const NO_FILTERS: MapFilters = { offer: '', outcome: 0, themeId: '', showSuggestions: true };

export interface MapColumn {
  readonly objective: Objective;
  /** Tree number: 1, 1.2, 1.2.3. */
  readonly code: string;
  /** Title of the top-level theme it sits in, if any. */
  readonly themeTitle: string;
}

export interface MapModel {
  readonly rows: readonly Service[];
  readonly columns: readonly MapColumn[];
  readonly links: ReadonlyMap<string, Alignment>;
  readonly suggestions: ReadonlyMap<string, Suggestion>;
  readonly rowSummary: ReadonlyMap<string, { links: number; score: number }>;
  readonly columnSummary: ReadonlyMap<string, { services: number; score: number; status: CoverageStatus }>;
  readonly councilThemes: readonly Objective[];
}

export function objectiveCodes(objectives: readonly Objective[]): Map<string, string> {
  const codes = new Map<string, string>();
  const counters = new Map<string | null, number>();
  for (const { objective } of inTreeOrder(objectives)) {
    const n = (counters.get(objective.parentId) ?? 0) + 1;
    counters.set(objective.parentId, n);
    const parentCode = objective.parentId ? codes.get(objective.parentId) : undefined;
    codes.set(objective.id, parentCode ? `${parentCode}.${n}` : String(n));
  }
  return codes;
}

export function buildMapModel(wb: Workbook, filters: MapFilters): MapModel {
  const codes = objectiveCodes(wb.objectives);
  const index = indexObjectives(wb.objectives);
  const top = (o: Objective): Objective => {
    let current = o;
    const seen = new Set<string>();
    while (current.parentId && index.byId.has(current.parentId) && !seen.has(current.id)) {
      seen.add(current.id);
      current = index.byId.get(current.parentId)!;
    }
    return current;
  };
  const offerOrder = (s: Service) => UNIVERSAL_OFFERS.indexOf(s.offer);
  const rows = wb.services
    .filter((s) => (filters.offer === '' || s.offer === filters.offer) && (filters.outcome === 0 || s.outcomes.includes(filters.outcome)))
    .map((s, i) => ({ s, i }))
    .sort((a, b) => offerOrder(a.s) - offerOrder(b.s) || a.i - b.i)
    .map(({ s }) => s);
  const columns: MapColumn[] = inTreeOrder(wb.objectives)
    .map(({ objective }) => objective)
    // A theme with objectives beneath is mapped through them; it heads their columns instead.
    .filter((o) => !(o.level === 'theme' && (index.children.get(o.id) ?? []).length > 0))
    .filter((o) => filters.themeId === '' || top(o).id === filters.themeId)
    .map((o) => {
      const t = top(o);
      return { objective: o, code: codes.get(o.id) ?? '', themeTitle: t.id !== o.id ? t.title : '' };
    });

  const links = new Map<string, Alignment>();
  for (const a of wb.alignments) links.set(pairKey(a.serviceId, a.objectiveId), a);
  const suggestions = new Map<string, Suggestion>();
  if (filters.showSuggestions) for (const s of suggestLinks(wb)) suggestions.set(pairKey(s.serviceId, s.objectiveId), s);

  const rowSummary = new Map<string, { links: number; score: number }>();
  const columnSummary = new Map<string, { services: number; score: number; status: CoverageStatus }>();
  const colMax = new Map<string, Strength>();
  for (const a of wb.alignments) {
    if (a.strength === 0) continue;
    const r = rowSummary.get(a.serviceId) ?? { links: 0, score: 0 };
    rowSummary.set(a.serviceId, { links: r.links + 1, score: r.score + STRENGTH_WEIGHT[a.strength] });
    const c = columnSummary.get(a.objectiveId) ?? { services: 0, score: 0, status: 'gap' as CoverageStatus };
    const max = Math.max(colMax.get(a.objectiveId) ?? 0, a.strength) as Strength;
    colMax.set(a.objectiveId, max);
    columnSummary.set(a.objectiveId, { services: c.services + 1, score: c.score + STRENGTH_WEIGHT[a.strength], status: statusFor(max) });
  }
  const councilThemes = wb.objectives.filter((o) => o.parentId === null && o.level === 'theme');
  return { rows, columns, links, suggestions, rowSummary, columnSummary, councilThemes };
}

/** Reads a pasted cell: 0–3, or a word or symbol a spreadsheet user might type. */
export function parseStrength(text: string): Strength | null | 'clear' {
  const t = text.trim().toLowerCase();
  if (t === '' || t === '-' || t === '–') return 'clear';
  if (/^[0-3]$/.test(t)) return Number(t) as Strength;
  if (['none', 'no'].includes(t)) return 0;
  if (['weak', 'low', '△'].includes(t)) return 1;
  if (['medium', 'moderate', '○'].includes(t)) return 2;
  if (['strong', 'high', '●'].includes(t)) return 3;
  return null;
}
