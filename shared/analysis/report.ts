/**
 * The whole analysis in one value, as the Review step, `cli analyse` and the documents use it, with a
 * plain-English summary written from the numbers.
 */
import { countAtSentenceStart, plural } from '../text/words';
import type { Workbook } from '../model/workbook-schema';
import {
  byAmbitionOutcome,
  findGaps,
  objectiveCoverage,
  serviceSummaries,
  unlinkedServices,
  weakClaims,
  type Gap,
  type ObjectiveCoverage,
  type OutcomeView,
  type ServiceSummary,
  type WeakClaim,
} from './coverage';
import { suggestLinks, type Suggestion } from './suggestions';

export interface AnalysisTotals {
  readonly objectives: number;
  /** Objectives assessed on their own (without children). */
  readonly assessable: number;
  /** Assessable objectives with at least one contributing service. */
  readonly covered: number;
  readonly strong: number;
  readonly services: number;
  readonly linkedServices: number;
  readonly links: number;
  readonly evidencedLinks: number;
}

export interface AnalysisReport {
  readonly totals: AnalysisTotals;
  readonly objectives: readonly ObjectiveCoverage[];
  readonly services: readonly ServiceSummary[];
  readonly gaps: readonly Gap[];
  readonly unlinkedServiceIds: readonly string[];
  readonly weakClaims: readonly WeakClaim[];
  readonly outcomes: readonly OutcomeView[];
  readonly suggestions: readonly Suggestion[];
  readonly summary: string;
}

export function analyseWorkbook(wb: Workbook): AnalysisReport {
  const objectives = objectiveCoverage(wb);
  const suggestions = suggestLinks(wb);
  const gaps = findGaps(wb, objectives, suggestions);
  const unlinked = unlinkedServices(wb);
  const claims = weakClaims(wb);
  const links = wb.alignments.filter((a) => a.strength > 0);
  const assessable = objectives.filter((o) => o.assessable);
  const totals: AnalysisTotals = {
    objectives: objectives.length,
    assessable: assessable.length,
    covered: assessable.filter((o) => o.status !== 'gap').length,
    strong: assessable.filter((o) => o.status === 'strong').length,
    services: wb.services.length,
    linkedServices: wb.services.length - unlinked.length,
    links: links.length,
    evidencedLinks: links.filter((l) => l.evidenceIds.length > 0).length,
  };
  const report = {
    totals,
    objectives,
    services: serviceSummaries(wb),
    gaps,
    unlinkedServiceIds: unlinked,
    weakClaims: claims,
    outcomes: byAmbitionOutcome(wb),
    suggestions,
  };
  return { ...report, summary: summarise(wb, report) };
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

function listNames(names: readonly string[], max = 3): string {
  const quoted = names.slice(0, max).map((n) => `“${n}”`);
  const rest = names.length - quoted.length;
  if (rest > 0) return `${quoted.join(', ')} and ${plural(rest, 'other')}`;
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** A paragraph an officer could paste into a report, built only from the numbers. */
export function summarise(wb: Workbook, r: Omit<AnalysisReport, 'summary'>): string {
  const t = r.totals;
  const who = wb.authority ? `${wb.authority.name} library service` : 'The library service';
  if (t.assessable === 0) return `${who} has not recorded any council objectives yet, so there is nothing to assess.`;
  if (t.services === 0) return `${who} has recorded ${plural(t.assessable, 'objective')} but no services yet, so no contribution can be shown.`;
  const sentences: string[] = [];
  const whose = `${who}’s ${plural(t.services, 'service')}`;
  if (t.linkedServices === 0)
    sentences.push(`None of ${whose} is linked to the council’s ${plural(t.assessable, 'objective')} yet.`);
  else
    sentences.push(
      `${t.linkedServices === t.services ? whose : `Of ${whose}, ${t.linkedServices}`} ${t.linkedServices === 1 ? 'contributes' : 'contribute'} to ${t.covered} of the council’s ${plural(t.assessable, 'objective')} (${pct(t.covered, t.assessable)}%), with a strong contribution to ${t.strong}.`,
    );
  const ranked = [...r.objectives].filter((o) => o.assessable && o.score > 0).sort((a, b) => b.score - a.score);
  if (ranked.length === 1) sentences.push(`The strongest contribution is to ${listNames([ranked[0]!.title])}.`);
  else if (ranked.length > 1) sentences.push(`The strongest contributions are to ${listNames(ranked.map((o) => o.title), 2)}.`);
  const noLink = r.gaps.filter((g) => g.status === 'gap');
  const weak = r.gaps.filter((g) => g.status === 'weak');
  if (noLink.length > 0)
    sentences.push(
      `${countAtSentenceStart(noLink.length, 'objective has', 'objectives have')} no library contribution yet (${listNames(noLink.map((g) => g.title))}), which may be opportunities.`,
    );
  if (weak.length > 0) sentences.push(`${countAtSentenceStart(weak.length, 'objective has', 'objectives have')} only weak contributions.`);
  const serviceName = new Map(wb.services.map((s) => [s.id, s.name]));
  if (r.unlinkedServiceIds.length > 0)
    sentences.push(
      `${countAtSentenceStart(r.unlinkedServiceIds.length, 'service is', 'services are')} not yet linked to any objective (${listNames(r.unlinkedServiceIds.map((id) => serviceName.get(id) ?? id))}) and could be questioned in a budget round.`,
    );
  if (t.links === 1) sentences.push(`The one link ${t.evidencedLinks === 1 ? 'cites' : 'does not cite'} evidence.`);
  else if (t.links > 1) sentences.push(`Of the ${plural(t.links, 'link')}, ${pct(t.evidencedLinks, t.links)}% cite evidence.`);
  if (r.weakClaims.length > 0)
    sentences.push(
      `${countAtSentenceStart(r.weakClaims.length, 'medium or strong claim rests', 'medium or strong claims rest')} on weak or no evidence and should be strengthened before the case goes to committee.`,
    );
  return sentences.join(' ');
}
