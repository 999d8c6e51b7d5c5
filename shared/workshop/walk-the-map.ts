/**
 * Walking the map (WORKSHOPS.md §1.15, §5.D.14–15): step through the objectives; for each service the room
 * proposes a strength (● strong, ○ medium, △ weak, blank none) and a rationale, checks for reasoned objections,
 * and agrees. Only agreed proposals go to the map, and the objections go to the report.
 */
import type { Activity, MapProposal, Objective, Service, Workbook } from '../model/workbook-schema';
import { STRENGTHS, type Strength } from '../model/vocabulary';
import { inTreeOrder } from '../analysis/hierarchy';

export type WalkTheMap = Extract<Activity, { kind: 'walk-the-map' }>;

/** Objectives to walk through: the activity's chosen ones, else every objective and outcome, in plan order. */
export function walkObjectives(wb: Pick<Workbook, 'objectives'>, a: Pick<WalkTheMap, 'scope'>): Objective[] {
  const chosen = new Set(a.scope.objectiveIds);
  const ordered = inTreeOrder(wb.objectives).map((x) => x.objective);
  return chosen.size > 0
    ? ordered.filter((o) => chosen.has(o.id))
    : ordered.filter((o) => o.level !== 'theme');
}

/** Services considered for each objective: the chosen ones, else all. */
export function walkServices(wb: Pick<Workbook, 'services'>, a: Pick<WalkTheMap, 'scope'>): Service[] {
  const chosen = new Set(a.scope.serviceIds);
  return chosen.size > 0 ? wb.services.filter((s) => chosen.has(s.id)) : [...wb.services];
}

export function findProposal(
  a: Pick<WalkTheMap, 'proposals'>,
  serviceId: string,
  objectiveId: string,
): MapProposal | undefined {
  return a.proposals.find((p) => p.serviceId === serviceId && p.objectiveId === objectiveId);
}

/** The map as it stands before the room speaks: the starting point for a proposal. */
export function existingLink(wb: Pick<Workbook, 'alignments'>, serviceId: string, objectiveId: string) {
  return wb.alignments.find((l) => l.serviceId === serviceId && l.objectiveId === objectiveId) ?? null;
}

export type ProposalPatch = Partial<
  Pick<MapProposal, 'strength' | 'rationale' | 'objections' | 'confidence'>
>;

/**
 * Records what the room proposes for one link, starting from the current map. A new strength needs agreeing
 * again; rewording the rationale or adding an objection does not undo an agreement already reached.
 */
export function propose(
  a: WalkTheMap,
  wb: Pick<Workbook, 'alignments'>,
  serviceId: string,
  objectiveId: string,
  patch: ProposalPatch,
): MapProposal {
  let p = findProposal(a, serviceId, objectiveId);
  if (!p) {
    const link = existingLink(wb, serviceId, objectiveId);
    a.proposals.push({
      serviceId,
      objectiveId,
      strength: link?.strength ?? 0,
      rationale: link?.rationale ?? '',
      objections: '',
      agreed: false,
      confidence: link?.confidence ?? 'medium',
    });
    p = a.proposals[a.proposals.length - 1]!;
  }
  if (patch.strength !== undefined && patch.strength !== p.strength) {
    p.strength = patch.strength;
    p.agreed = false;
  }
  if (patch.rationale !== undefined) p.rationale = patch.rationale;
  if (patch.objections !== undefined) p.objections = patch.objections;
  if (patch.confidence !== undefined) p.confidence = patch.confidence;
  return p;
}

/** Why a proposal cannot be agreed yet; empty when it can. A link the room rates as contributing needs a reason. */
export function agreeProblems(p: Pick<MapProposal, 'strength' | 'rationale'>): string[] {
  return p.strength > 0 && !p.rationale.trim()
    ? ['Say why: record the rationale the room gave before agreeing.']
    : [];
}

export function setAgreed(a: WalkTheMap, serviceId: string, objectiveId: string, agreed: boolean): boolean {
  const p = findProposal(a, serviceId, objectiveId);
  if (!p) return false;
  if (agreed && agreeProblems(p).length > 0) return false;
  p.agreed = agreed;
  return true;
}

export function agreedProposals(a: Pick<WalkTheMap, 'proposals'>): MapProposal[] {
  return a.proposals.filter((p) => p.agreed);
}

export interface ObjectiveProgress {
  readonly objectiveId: string;
  readonly proposed: number;
  readonly agreed: number;
  readonly objections: number;
}

export function walkProgress(wb: Pick<Workbook, 'objectives'>, a: WalkTheMap): ObjectiveProgress[] {
  return walkObjectives(wb, a).map((o) => {
    const mine = a.proposals.filter((p) => p.objectiveId === o.id);
    return {
      objectiveId: o.id,
      proposed: mine.length,
      agreed: mine.filter((p) => p.agreed).length,
      objections: mine.filter((p) => p.objections.trim() !== '').length,
    };
  });
}

/** "● Strong" — the symbol and the word, never the colour alone. */
export function strengthText(s: Strength): string {
  const info = STRENGTHS.find((x) => x.value === s)!;
  return info.symbol ? `${info.symbol} ${info.label}` : info.label;
}
