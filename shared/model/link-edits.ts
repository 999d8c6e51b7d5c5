/**
 * Named edits to the map's links: strengths for many cells at once (a key press, a paste from a spreadsheet),
 * a link's own fields, and a dismissed suggestion. Each mutates the workbook it is given.
 */
import { newId } from './ids';
import type { Strength } from './vocabulary';
import type { Alignment, Provenance, Workbook } from './workbook-schema';

export interface StrengthChange {
  readonly serviceId: string;
  readonly objectiveId: string;
  /** 'clear' removes the link with everything recorded on it. */
  readonly strength: Strength | 'clear';
}

export type LinkFields = Partial<Pick<Alignment, 'confidence' | 'rationale' | 'kpiIds'>>;

const pair = (serviceId: string, objectiveId: string) => `${serviceId}\u0000${objectiveId}`;

/**
 * Where each link is in wb.alignments, by service and objective. Built from the plain workbook before an edit,
 * so a map of thousands of links is not read through the editing proxy cell by cell.
 */
export function linkPositions(wb: Workbook, only?: readonly StrengthChange[]): Map<string, number> {
  const positions = new Map<string, number>();
  if (only && only.length === 1) {
    const c = only[0]!;
    const i = wb.alignments.findIndex((a) => a.serviceId === c.serviceId && a.objectiveId === c.objectiveId);
    if (i >= 0) positions.set(pair(c.serviceId, c.objectiveId), i);
  } else wb.alignments.forEach((a, i) => positions.set(pair(a.serviceId, a.objectiveId), i));
  return positions;
}

/**
 * Sets the strength of each cell: a new link is made with the provenance given, an existing one keeps its
 * rationale, evidence and KPIs, and 'clear' removes it. A cell given a strength is no longer a dismissed
 * suggestion. `positions` comes from linkPositions on the same workbook before the edit.
 */
export function setStrengths(wb: Workbook, changes: readonly StrengthChange[], provenance: Provenance, positions = linkPositions(wb, changes)): void {
  const removals: number[] = [];
  for (const c of changes) {
    const key = pair(c.serviceId, c.objectiveId);
    const i = positions.get(key);
    if (c.strength === 'clear') {
      if (i !== undefined) removals.push(i);
    } else if (i !== undefined) {
      if (wb.alignments[i]!.strength !== c.strength) wb.alignments[i]!.strength = c.strength;
    } else {
      wb.alignments.push({
        id: newId('alignment'),
        serviceId: c.serviceId,
        objectiveId: c.objectiveId,
        strength: c.strength,
        confidence: 'medium',
        rationale: '',
        evidenceIds: [],
        kpiIds: [],
        provenance,
      });
      positions.set(key, wb.alignments.length - 1);
    }
  }
  for (const i of [...new Set(removals)].sort((a, b) => b - a)) wb.alignments.splice(i, 1);
  if (wb.dismissedSuggestions.length > 0 && changes.some((c) => c.strength !== 'clear')) {
    const given = new Set(changes.filter((c) => c.strength !== 'clear').map((c) => pair(c.serviceId, c.objectiveId)));
    wb.dismissedSuggestions = wb.dismissedSuggestions.filter((d) => !given.has(pair(d.serviceId, d.objectiveId)));
  }
}

export function updateLink(wb: Workbook, serviceId: string, objectiveId: string, fields: LinkFields): boolean {
  const link = wb.alignments.find((a) => a.serviceId === serviceId && a.objectiveId === objectiveId);
  if (link) Object.assign(link, fields);
  return link !== undefined;
}

/** Records that the officer turned a suggested link down, so it is not suggested again. */
export function dismissSuggestion(wb: Workbook, serviceId: string, objectiveId: string): void {
  if (!wb.dismissedSuggestions.some((d) => d.serviceId === serviceId && d.objectiveId === objectiveId)) wb.dismissedSuggestions.push({ serviceId, objectiveId });
}
