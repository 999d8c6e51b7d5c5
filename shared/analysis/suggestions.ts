/**
 * Suggested links: a service whose Ambition outcomes match what an objective's theme draws on probably
 * contributes to it. Suggestions are only ever shown as suggestions; the officer accepts or dismisses each.
 */
import { ambitionOutcomeName, type AmbitionOutcomeId } from '../model/vocabulary';
import type { Workbook } from '../model/workbook-schema';
import { assessableObjectives, indexObjectives, themeOf } from './hierarchy';

export interface Suggestion {
  readonly serviceId: string;
  readonly objectiveId: string;
  readonly strength: 1 | 2;
  readonly themeId: string;
  readonly reason: string;
}

export const pairKey = (serviceId: string, objectiveId: string) => `${serviceId}\u0000${objectiveId}`;

/**
 * A service's main outcome among the theme's two main outcomes suggests a medium link; any other shared
 * outcome suggests a weak one. Pairs already linked (at any strength) or dismissed are left out.
 */
export function suggestLinks(wb: Workbook): Suggestion[] {
  const index = indexObjectives(wb.objectives);
  const taken = new Set<string>();
  for (const a of wb.alignments) taken.add(pairKey(a.serviceId, a.objectiveId));
  for (const d of wb.dismissedSuggestions) taken.add(pairKey(d.serviceId, d.objectiveId));

  const out: Suggestion[] = [];
  for (const objective of assessableObjectives(wb)) {
    const theme = themeOf(index, objective);
    if (!theme) continue;
    const main = new Set<AmbitionOutcomeId>(theme.outcomes.slice(0, 2));
    const all = new Set<AmbitionOutcomeId>(theme.outcomes);
    for (const service of wb.services) {
      if (taken.has(pairKey(service.id, objective.id))) continue;
      const shared = service.outcomes.filter((o) => all.has(o));
      if (shared.length === 0) continue;
      const first = service.outcomes[0];
      const strength: 1 | 2 = first !== undefined && main.has(first) ? 2 : 1;
      out.push({
        serviceId: service.id,
        objectiveId: objective.id,
        strength,
        themeId: theme.id,
        reason: `${service.name} serves “${ambitionOutcomeName(shared[0]!)}”, which the ${theme.name.toLowerCase()} theme draws on.`,
      });
    }
  }
  return out;
}
