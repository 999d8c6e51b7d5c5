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
  // By service, then objective: no key strings to build for thousands of links.
  const taken = new Map<string, Set<string>>();
  for (const pair of [...wb.alignments, ...wb.dismissedSuggestions]) {
    const objectives = taken.get(pair.serviceId);
    if (objectives) objectives.add(pair.objectiveId);
    else taken.set(pair.serviceId, new Set([pair.objectiveId]));
  }

  const out: Suggestion[] = [];
  for (const objective of assessableObjectives(wb)) {
    const themes = themesOf(index, objective);
    if (themes.length === 0) continue;
    // What each Ambition outcome would suggest for this objective, worked out once rather than per service
    // (the map recomputes this on every edit at 150 × 60): the stronger suggestion, the first theme on a tie.
    const byOutcome = new Map<AmbitionOutcomeId, { strength: 1 | 2; themeId: string; themeName: string }>();
    for (const theme of themes)
      theme.outcomes.forEach((outcome, at) => {
        const strength: 1 | 2 = at < 2 ? 2 : 1;
        const known = byOutcome.get(outcome);
        if (!known || strength > known.strength) byOutcome.set(outcome, { strength, themeId: theme.id, themeName: theme.name });
      });
    for (const service of wb.services) {
      const main = service.outcomes[0];
      if (main === undefined) continue;
      const best = byOutcome.get(main);
      if (!best || taken.get(service.id)?.has(objective.id)) continue;
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
