/**
 * What the map shows, derived from the workbook: which services (rows) and objectives (columns) survive the
 * filters, their codes, the links and suggestions by cell, and the row and column summaries.
 */
import { inTreeOrder, indexObjectives, objectiveCodes } from '../../../../shared/analysis/hierarchy';
import { pairKey, suggestLinks, type Suggestion } from '../../../../shared/analysis/suggestions';
import { STRENGTH_WEIGHT, statusFor, type CoverageStatus } from '../../../../shared/analysis/coverage';
import type { AmbitionOutcomeId, Strength, UniversalOffer } from '../../../../shared/model/vocabulary';
import { STRENGTHS, UNIVERSAL_OFFERS } from '../../../../shared/model/vocabulary';
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

interface Layout {
  readonly rows: readonly Service[];
  readonly columns: readonly MapColumn[];
  readonly councilThemes: readonly Objective[];
}

/** Rows and columns: what survives the filters, in display order, with codes and theme titles. */
function layout(wb: Workbook, filters: MapFilters): Layout {
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
  const councilThemes = wb.objectives.filter((o) => o.parentId === null && o.level === 'theme');
  return { rows, columns, councilThemes };
}

/*
 * Every key press in the map makes a new workbook whose objectives, services and dismissals are the very
 * same objects as before: the store edits with immer, whose results are frozen, so a workbook is never
 * changed in place and an unchanged array is an unchanged list. Only the alignments change. So the layout
 * and the suggestions (worked out as if nothing were linked, then filtered by the links) are kept from the
 * last call while their inputs are the same, and an edit costs only the links and the summaries: at 150 × 60
 * with 3,500 links, about 1 ms of model work instead of 3.5 (bench/map.ts).
 */
let lastLayout: {
  objectives: Workbook['objectives'];
  services: Workbook['services'];
  offer: MapFilters['offer'];
  outcome: MapFilters['outcome'];
  themeId: string;
  value: Layout;
} | null = null;
let lastSuggestions: {
  objectives: Workbook['objectives'];
  services: Workbook['services'];
  dismissed: Workbook['dismissedSuggestions'];
  value: ReadonlyArray<readonly [string, Suggestion]>;
} | null = null;

function cachedLayout(wb: Workbook, filters: MapFilters): Layout {
  const l = lastLayout;
  const same =
    l?.objectives === wb.objectives && l.services === wb.services && l.offer === filters.offer && l.outcome === filters.outcome && l.themeId === filters.themeId;
  if (l && same) return l.value;
  const value = layout(wb, filters);
  lastLayout = { objectives: wb.objectives, services: wb.services, offer: filters.offer, outcome: filters.outcome, themeId: filters.themeId, value };
  return value;
}

/** Suggestions for every pair not dismissed, linked or not, keyed; the caller leaves out the linked ones. */
function unlinkedSuggestions(wb: Workbook): ReadonlyArray<readonly [string, Suggestion]> {
  const l = lastSuggestions;
  if (l && l.objectives === wb.objectives && l.services === wb.services && l.dismissed === wb.dismissedSuggestions) return l.value;
  const value = suggestLinks({ ...wb, alignments: [] }).map((s) => [pairKey(s.serviceId, s.objectiveId), s] as const);
  lastSuggestions = { objectives: wb.objectives, services: wb.services, dismissed: wb.dismissedSuggestions, value };
  return value;
}

export function buildMapModel(wb: Workbook, filters: MapFilters): MapModel {
  const { rows, columns, councilThemes } = cachedLayout(wb, filters);

  const links = new Map<string, Alignment>();
  for (const a of wb.alignments) links.set(pairKey(a.serviceId, a.objectiveId), a);
  const suggestions = new Map<string, Suggestion>();
  // suggestLinks leaves out linked and dismissed pairs; the cached list has the dismissals left out already.
  if (filters.showSuggestions) for (const [key, s] of unlinkedSuggestions(wb)) if (!links.has(key)) suggestions.set(key, s);

  const rowSummary = new Map<string, { links: number; score: number }>();
  const columnSummary = new Map<string, { services: number; score: number; status: CoverageStatus }>();
  const colMax = new Map<string, Strength>();
  for (const a of wb.alignments) {
    if (a.strength === 0) continue;
    const weight = STRENGTH_WEIGHT[a.strength];
    const r = rowSummary.get(a.serviceId);
    if (r) {
      r.links += 1;
      r.score += weight;
    } else rowSummary.set(a.serviceId, { links: 1, score: weight });
    const max = Math.max(colMax.get(a.objectiveId) ?? 0, a.strength) as Strength;
    colMax.set(a.objectiveId, max);
    const c = columnSummary.get(a.objectiveId);
    if (c) {
      c.services += 1;
      c.score += weight;
      c.status = statusFor(max);
    } else columnSummary.set(a.objectiveId, { services: 1, score: weight, status: statusFor(max) });
  }
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

/**
 * What clearing these cells throws away beyond the strength itself (evidence, a rationale, KPIs), in words,
 * or null when nothing but the strength goes: then the clearing needs no Undo offer.
 */
export function recordedWork(wb: Workbook, cells: ReadonlyArray<{ serviceId: string; objectiveId: string }>): string | null {
  const keys = new Set(cells.map((c) => pairKey(c.serviceId, c.objectiveId)));
  let evidence = 0;
  let rationales = 0;
  let kpis = 0;
  for (const a of wb.alignments) {
    if (!keys.has(pairKey(a.serviceId, a.objectiveId))) continue;
    evidence += a.evidenceIds.length;
    if (a.rationale.trim() !== '') rationales += 1;
    kpis += a.kpiIds.length;
  }
  const parts = [
    evidence > 0 ? `${evidence} evidence item${evidence === 1 ? '' : 's'}` : '',
    rationales > 0 ? (rationales === 1 ? 'its rationale' : `${rationales} rationales`) : '',
    kpis > 0 ? `${kpis} KPI link${kpis === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

/**
 * The cell's accessible name says where it is as well as what it holds, because a screen reader moving by
 * cell in a virtualised grid may not announce the row and column headers:
 * "Home library service, 1.2 Help older and disabled people stay independent at home: strong (3), 2 evidence items".
 */
export function cellLabel(model: MapModel, row: number, col: number): string {
  const service = model.rows[row]!;
  const column = model.columns[col]!;
  const key = pairKey(service.id, column.objective.id);
  const link = model.links.get(key);
  const suggestion = link ? undefined : model.suggestions.get(key);
  const where = `${service.name}, ${column.code} ${column.objective.title}`;
  if (!link) return `${where}: not assessed${suggestion ? `; suggested ${STRENGTHS[suggestion.strength].label.toLowerCase()}` : ''}`;
  const n = link.evidenceIds.length;
  const evidence = n > 0 ? `, ${n} evidence item${n === 1 ? '' : 's'}` : link.strength > 0 ? ', no evidence' : '';
  return `${where}: ${STRENGTHS[link.strength].label.toLowerCase()} (${link.strength})${evidence}`;
}
