/**
 * Suggested links: a service whose Ambition outcomes match what an objective's theme draws on probably
 * contributes to it. Suggestions are only ever shown as suggestions; the officer accepts or dismisses each.
 */
import { ambitionOutcomeName, type AmbitionOutcomeId } from '../model/vocabulary';
import type { Workbook } from '../model/workbook-schema';
import { assessableObjectives, indexObjectives, themesOf } from './hierarchy';

export interface Suggestion {
  readonly serviceId: string;
  readonly objectiveId: string;
  readonly strength: 1 | 2;
  readonly themeId: string;
  readonly reason: string;
}

export const pairKey = (serviceId: string, objectiveId: string) => `${serviceId}\u0000${objectiveId}`;

/**
 * A service is suggested for an objective when its main Ambition outcome is one the objective's theme draws
 * on: medium when it is one of the theme's two main outcomes, weak otherwise. Secondary outcomes alone do not
 * suggest anything (they would suggest almost everything). Pairs already linked or dismissed are left out.
 */
export function suggestLinks(wb: Workbook): Suggestion[] {
  const index = indexObjectives(wb.objectives);
  const taken = new Set<string>();
  for (const a of wb.alignments) taken.add(pairKey(a.serviceId, a.objectiveId));
  for (const d of wb.dismissedSuggestions) taken.add(pairKey(d.serviceId, d.objectiveId));

  const out: Suggestion[] = [];
  for (const objective of assessableObjectives(wb)) {
    const themes = themesOf(index, objective);
    if (themes.length === 0) continue;
    for (const service of wb.services) {
      const main = service.outcomes[0];
      if (main === undefined || taken.has(pairKey(service.id, objective.id))) continue;
      let best: { strength: 1 | 2; themeId: string; themeName: string } | null = null;
      for (const theme of themes) {
        const at = theme.outcomes.indexOf(main as AmbitionOutcomeId);
        if (at < 0) continue;
        const strength: 1 | 2 = at < 2 ? 2 : 1;
        if (!best || strength > best.strength) best = { strength, themeId: theme.id, themeName: theme.name };
      }
      if (!best) continue;
      out.push({
        serviceId: service.id,
        objectiveId: objective.id,
        strength: best.strength,
        themeId: best.themeId,
        reason: `${service.name} mainly serves “${ambitionOutcomeName(main)}”, which the ${best.themeName.toLowerCase()} theme draws on${best.strength === 2 ? ' most' : ''}.`,
      });
    }
  }
  return out;
}
