/**
 * How well the library's services cover the council's objectives, and where the case is thin. All pure
 * functions of the workbook, used by the Review step, the command line and the documents.
 *
 * Weights follow Quality Function Deployment (WORKSHOPS.md §D.14): strong 9, medium 3, weak 1, so one strong
 * link outweighs several weak ones.
 */
import { AMBITION_OUTCOMES, type AmbitionOutcomeId, type Strength, type UniversalOffer } from '../model/vocabulary';
import type { Alignment, Evidence, Objective, Workbook } from '../model/workbook-schema';
import { depthOf, descendantIds, indexObjectives, inTreeOrder, themeOf } from './hierarchy';
import { suggestLinks, type Suggestion } from './suggestions';

export const STRENGTH_WEIGHT: Readonly<Record<Strength, number>> = { 0: 0, 1: 1, 2: 3, 3: 9 };
const CONFIDENCE_SCORE = { low: 1, medium: 2, high: 3 } as const;
const GOOD_EVIDENCE = new Set<Evidence['quality']>(['strong', 'moderate']);

export type CoverageStatus = 'gap' | 'weak' | 'moderate' | 'strong';

export interface ObjectiveCoverage {
  readonly objectiveId: string;
  readonly title: string;
  readonly level: Objective['level'];
  readonly depth: number;
  readonly themeId: string | null;
  /** True for objectives without children: these are the ones assessed in totals and gaps. */
  readonly assessable: boolean;
  /** Services contributing here or (for a parent) to anything beneath it; each counted once at its best. */
  readonly contributors: ReadonlyArray<{ serviceId: string; strength: Strength }>;
  readonly score: number;
  readonly maxStrength: Strength;
  /** Share of contributing links that cite at least one piece of evidence (0 when there are none). */
  readonly evidencedShare: number;
  /** Mean confidence of contributing links, 1 (low) to 3 (high); null without links. */
  readonly meanConfidence: number | null;
  readonly status: CoverageStatus;
}

export interface ServiceSummary {
  readonly serviceId: string;
  readonly name: string;
  readonly offer: UniversalOffer;
  readonly objectiveIds: readonly string[];
  readonly score: number;
  readonly maxStrength: Strength;
}

export interface Gap {
  readonly objectiveId: string;
  readonly title: string;
  readonly status: 'gap' | 'weak';
  /** Services that could plausibly contribute, best first. */
  readonly candidates: readonly Suggestion[];
}

export type WeakClaimReason = 'no-evidence' | 'weak-evidence' | 'low-confidence';

export interface WeakClaim {
  readonly alignmentId: string;
  readonly serviceId: string;
  readonly objectiveId: string;
  readonly strength: Strength;
  readonly reasons: readonly WeakClaimReason[];
}

export interface OutcomeView {
  readonly outcome: AmbitionOutcomeId;
  readonly name: string;
  readonly serviceIds: readonly string[];
  /** Objectives reached through those services' links. */
  readonly objectiveIds: readonly string[];
}

const isLink = (a: Alignment) => a.strength > 0;

/** Contributing links grouped once, in list order, rather than filtered again for each objective or service. */
function linksBy(wb: Workbook, key: 'serviceId' | 'objectiveId'): Map<string, Alignment[]> {
  const out = new Map<string, Alignment[]>();
  for (const a of wb.alignments) {
    if (!isLink(a)) continue;
    const list = out.get(a[key]);
    if (list) list.push(a);
    else out.set(a[key], [a]);
  }
  return out;
}

export function statusFor(maxStrength: Strength): CoverageStatus {
  return maxStrength === 0 ? 'gap' : maxStrength === 1 ? 'weak' : maxStrength === 2 ? 'moderate' : 'strong';
}

/** Coverage of every objective, in tree order (each parent followed by its children), whatever order they were added in. */
export function objectiveCoverage(wb: Workbook): ObjectiveCoverage[] {
  const index = indexObjectives(wb.objectives);
  const linksByObjective = linksBy(wb, 'objectiveId');
  return inTreeOrder(wb.objectives).map(({ objective: o }) => {
    const below = descendantIds(index, o.id);
    const links = [o.id, ...below].flatMap((id) => linksByObjective.get(id) ?? []);
    const best = new Map<string, Strength>();
    for (const l of links) best.set(l.serviceId, Math.max(best.get(l.serviceId) ?? 0, l.strength) as Strength);
    const contributors = [...best.entries()]
      .map(([serviceId, strength]) => ({ serviceId, strength }))
      .sort((a, b) => b.strength - a.strength);
    const maxStrength = (contributors[0]?.strength ?? 0) as Strength;
    return {
      objectiveId: o.id,
      title: o.title,
      level: o.level,
      depth: depthOf(index, o.id),
      themeId: themeOf(index, o)?.id ?? null,
      assessable: below.length === 0,
      contributors,
      score: contributors.reduce((n, c) => n + STRENGTH_WEIGHT[c.strength], 0),
      maxStrength,
      evidencedShare: links.length === 0 ? 0 : links.filter((l) => l.evidenceIds.length > 0).length / links.length,
      meanConfidence:
        links.length === 0 ? null : links.reduce((n, l) => n + CONFIDENCE_SCORE[l.confidence], 0) / links.length,
      status: statusFor(maxStrength),
    };
  });
}

export function serviceSummaries(wb: Workbook): ServiceSummary[] {
  const linksByService = linksBy(wb, 'serviceId');
  return wb.services.map((s) => {
    const links = linksByService.get(s.id) ?? [];
    return {
      serviceId: s.id,
      name: s.name,
      offer: s.offer,
      objectiveIds: links.map((l) => l.objectiveId),
      score: links.reduce((n, l) => n + STRENGTH_WEIGHT[l.strength], 0),
      maxStrength: links.reduce<Strength>((m, l) => (l.strength > m ? l.strength : m), 0),
    };
  });
}

/** Objectives with no library contribution, or only weak ones: opportunities, with candidate services. */
export function findGaps(wb: Workbook, coverage = objectiveCoverage(wb), suggestions = suggestLinks(wb)): Gap[] {
  return coverage
    .filter((c) => c.assessable && (c.status === 'gap' || c.status === 'weak'))
    .map((c) => ({
      objectiveId: c.objectiveId,
      title: c.title,
      status: c.status as 'gap' | 'weak',
      candidates: suggestions
        .filter((s) => s.objectiveId === c.objectiveId)
        .sort((a, b) => b.strength - a.strength)
        .slice(0, 5),
    }));
}

/** Services with no strategic link: the ones a budget round will ask about first. */
export function unlinkedServices(wb: Workbook): string[] {
  const linked = new Set(wb.alignments.filter(isLink).map((a) => a.serviceId));
  return wb.services.filter((s) => !linked.has(s.id)).map((s) => s.id);
}

/** Medium and strong claims resting on no evidence, only weak evidence, or low confidence. */
export function weakClaims(wb: Workbook): WeakClaim[] {
  const evidence = new Map(wb.evidence.map((e) => [e.id, e]));
  const out: WeakClaim[] = [];
  for (const a of wb.alignments) {
    if (a.strength < 2) continue;
    const reasons: WeakClaimReason[] = [];
    const cited = a.evidenceIds.map((id) => evidence.get(id)).filter((e): e is Evidence => e !== undefined);
    if (cited.length === 0) reasons.push('no-evidence');
    else if (!cited.some((e) => GOOD_EVIDENCE.has(e.quality))) reasons.push('weak-evidence');
    if (a.confidence === 'low') reasons.push('low-confidence');
    if (reasons.length > 0)
      out.push({ alignmentId: a.id, serviceId: a.serviceId, objectiveId: a.objectiveId, strength: a.strength, reasons });
  }
  return out.sort((x, y) => y.strength - x.strength);
}

export function byAmbitionOutcome(wb: Workbook): OutcomeView[] {
  const order = new Map(inTreeOrder(wb.objectives).map(({ objective }, i) => [objective.id, i]));
  return AMBITION_OUTCOMES.map(({ id, name }) => {
    const services = wb.services.filter((s) => s.outcomes.includes(id)).map((s) => s.id);
    const serving = new Set(services);
    const reached = new Set(wb.alignments.filter((a) => isLink(a) && serving.has(a.serviceId)).map((a) => a.objectiveId));
    const objectives = [...reached].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    return { outcome: id, name, serviceIds: services, objectiveIds: objectives };
  });
}
