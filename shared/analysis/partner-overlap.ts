/**
 * Where a partner's objectives meet the council's, and which library services already contribute there: the
 * overlap a partnership proposal builds on. A service contributes to an objective with the strongest of its link
 * to the objective and its links to the outcomes beneath it (the same rule the documents state).
 */
import type { Strength } from '../model/vocabulary';
import type { Partner, Workbook } from '../model/workbook-schema';
import { descendantIds, indexObjectives, inTreeOrder } from './hierarchy';

export interface OverlapRow {
  readonly partnerObjectiveId: string;
  readonly partnerObjective: string;
  /** The council objectives it shares, in hierarchy order. */
  readonly councilObjectives: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  /** Services contributing to any of them, strongest first, then by name. */
  readonly services: ReadonlyArray<{ readonly id: string; readonly name: string; readonly strength: Exclude<Strength, 0> }>;
}

export function partnerOverlap(wb: Workbook, partner: Partner): OverlapRow[] {
  const index = indexObjectives(wb.objectives);
  const order = new Map(inTreeOrder(wb.objectives).map(({ objective }, i) => [objective.id, i]));
  const title = new Map(wb.objectives.map((o) => [o.id, o.title]));
  const serviceName = new Map(wb.services.map((s) => [s.id, s.name]));
  const linksTo = new Map<string, Array<{ serviceId: string; strength: Strength }>>();
  for (const a of wb.alignments) if (a.strength > 0) (linksTo.get(a.objectiveId) ?? linksTo.set(a.objectiveId, []).get(a.objectiveId)!).push(a);

  return partner.objectives.map((po) => {
    const shared = [...new Set(po.objectiveIds)].filter((id) => title.has(id)).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const best = new Map<string, Exclude<Strength, 0>>();
    for (const id of shared)
      for (const covered of [id, ...descendantIds(index, id)])
        for (const link of linksTo.get(covered) ?? [])
          if (link.strength > (best.get(link.serviceId) ?? 0)) best.set(link.serviceId, link.strength as Exclude<Strength, 0>);
    const services = [...best]
      .filter(([id]) => serviceName.has(id))
      .map(([id, strength]) => ({ id, name: serviceName.get(id)!, strength }))
      .sort((a, b) => b.strength - a.strength || a.name.localeCompare(b.name, 'en-GB'));
    return {
      partnerObjectiveId: po.id,
      partnerObjective: po.title,
      councilObjectives: shared.map((id) => ({ id, title: title.get(id)! })),
      services,
    };
  });
}
