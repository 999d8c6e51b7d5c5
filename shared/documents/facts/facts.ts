/**
 * One set of facts per document: every figure a document prints (counts, sums, shares, reach, costs, dates,
 * strengths) worked out once from the workbook, the scope and the answers, each with its unit, period and source.
 * The data view, the named blocks, the charts and the matrix all read these; none works a figure out again.
 *
 * Counts of people (volunteers, staff, participants) are never added up across services, because the same
 * people can be counted by more than one service: they are given per service only.
 */
import { AMBITION_OUTCOMES, UNIVERSAL_OFFERS, type Strength, type UniversalOffer } from '../../model/vocabulary';
import type { BusinessCaseData } from '../../model/business-case-schema';
import type { Alignment, Kpi, Objective, Service, Workbook } from '../../model/workbook-schema';
import { formatDate } from '../../text/dates';
import { formatMoney, formatNumber, formatPercent } from '../../text/numbers';
import { listInWords, plural } from '../../text/words';
import { objectiveTree, rollUpLinks, ROLL_UP_RULE, type ObjectiveTree, type RolledLink } from './roll-up';
import { businessCaseAmount, businessCaseFacts, type BusinessCaseFacts } from './business-case';
import type { ResolvedScope } from './scope';

/** A printed figure: its value, how it reads, and where it comes from. */
export interface Figure {
  readonly value: number;
  readonly text: string;
  readonly unit: string;
  readonly period: string;
  readonly source: string;
}

export interface Contribution {
  readonly serviceId: string;
  readonly name: string;
  readonly strength: Strength;
  readonly evidenceIds: readonly string[];
  readonly rationale: string;
  /** The links behind this contribution (the objective's own and its outcomes'). */
  readonly links: readonly Alignment[];
}

export interface ObjectiveFacts {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly description: string;
  readonly level: Objective['level'];
  readonly source: Objective['source'];
  readonly themeId: string;
  /** Services in scope contributing, strongest first, then in the workbook's order. */
  readonly contributions: readonly Contribution[];
  readonly strength: Strength;
  readonly strong: number;
  readonly medium: number;
  readonly weak: number;
  /** Contributions whose links cite evidence. */
  readonly evidenced: number;
  /** KPIs of the objective and of the outcomes beneath it, in tree order. */
  readonly kpis: ReadonlyArray<{ readonly kpi: Kpi; readonly objectiveId: string }>;
  /** Services outside the scope that contribute here: the wider service, for context only. */
  readonly context: readonly Contribution[];
}

export interface ThemeFacts {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly description: string;
  readonly source: Objective['source'];
  readonly objectives: readonly ObjectiveFacts[];
}

export interface ServiceFacts {
  readonly service: Service;
  /** Reported objectives in scope this service contributes to, in tree order, with the rolled-up strength. */
  readonly objectives: ReadonlyArray<{ readonly objectiveId: string; readonly strength: Strength }>;
}

export interface DocumentFacts {
  readonly scope: ResolvedScope;
  readonly tree: ObjectiveTree;
  /** The workbook's last change (yyyy-mm-dd): the date every figure is "as at". */
  readonly asAt: string;
  readonly asAtText: string;
  /** "Northshire Libraries …, alignment map as at 4 March 2025": the source line of figures from the map. */
  readonly source: string;
  readonly services: readonly ServiceFacts[];
  readonly themes: readonly ThemeFacts[];
  /** Reported objectives in scope, in tree order. */
  readonly objectives: readonly ObjectiveFacts[];
  /** Services outside the scope that contribute to the objectives in scope, with their strongest contribution. */
  readonly contextServices: ReadonlyArray<{ readonly serviceId: string; readonly name: string; readonly strength: Strength; readonly objectiveCount: number }>;
  readonly offers: ReadonlyArray<{ readonly offer: UniversalOffer; readonly serviceIds: readonly string[] }>;
  readonly outcomes: ReadonlyArray<{ readonly name: string; readonly serviceIds: readonly string[]; readonly objectiveIds: readonly string[] }>;
  readonly figures: {
    readonly objectives: Figure;
    readonly objectivesContributed: Figure;
    readonly objectivesStrong: Figure;
    readonly services: Figure;
    readonly servicesLinked: Figure;
    /** Service–objective contributions after the roll-up. */
    readonly contributions: Figure;
    readonly contributionsEvidenced: Figure;
    /** Distinct libraries (branches) that deliver the services in scope. */
    readonly libraries: Figure;
    /** Recorded cost of the services in scope (money adds up; people do not). */
    readonly cost: Figure;
    readonly costedServices: Figure;
    /** The sum the document asks for, when the draft or answers give it. */
    readonly amount: Figure | null;
  };
  /** The draft's business case data worked out (appraisal, financial profile, rated risks); null when it has none. */
  readonly businessCase: BusinessCaseFacts | null;
  /** The roll-up rule, printed in the document's method note. */
  readonly method: string;
  /** A paragraph written from the figures above, in the scope's terms. */
  readonly summary: string;
}

const byStrength = (a: { strength: number }, b: { strength: number }) => b.strength - a.strength;

function figure(value: number, text: string, unit: string, source: string, period = ''): Figure {
  return { value, text, unit, period, source };
}

export interface FactsInput {
  readonly workbook: Workbook;
  readonly scope: ResolvedScope;
  /** The sum asked for when the scope does not give one (from the template's money answer). */
  readonly amountFromAnswers?: { readonly amount: number; readonly period: string } | null;
  /** The decision data of a business case (the draft's, or for a committee report the business case it is based on). */
  readonly businessCase?: BusinessCaseData | null;
  readonly tree?: ObjectiveTree;
}

export function computeFacts(input: FactsInput): DocumentFacts {
  const wb = input.workbook;
  const scope = input.scope;
  const tree = input.tree ?? objectiveTree(wb.objectives);
  const rolled = rollUpLinks(wb, tree);
  const inScope = new Set(scope.serviceIds);
  const servicesById = new Map(wb.services.map((s) => [s.id, s]));
  const serviceOrder = new Map(wb.services.map((s, i) => [s.id, i]));
  const asAt = wb.modified.slice(0, 10);
  const asAtText = formatDate(asAt);
  const source = `${wb.title}, alignment map as at ${asAtText}`;
  // Key figures carry a short source; tables and charts carry the full one, with the workbook's title.
  const mapSource = `Alignment map as at ${asAtText}`;
  const recordsSource = `Service records as at ${asAtText}`;

  const contributionOf = (l: RolledLink): Contribution => ({
    serviceId: l.serviceId,
    name: servicesById.get(l.serviceId)?.name ?? l.serviceId,
    strength: l.strength,
    evidenceIds: l.evidenceIds,
    rationale: [...l.links].sort(byStrength).find((x) => x.rationale.trim() !== '')?.rationale ?? '',
    links: l.links,
  });
  const byObjective = new Map<string, RolledLink[]>();
  for (const l of rolled.values()) {
    const list = byObjective.get(l.objectiveId);
    if (list) list.push(l);
    else byObjective.set(l.objectiveId, [l]);
  }
  const sortContributions = (list: Contribution[]) =>
    list.sort((a, b) => b.strength - a.strength || (serviceOrder.get(a.serviceId) ?? 0) - (serviceOrder.get(b.serviceId) ?? 0));

  const kpisBeneath = (id: string) =>
    [...tree.index.byId.values()]
      .filter((o) => tree.reportedOf.get(o.id) === id)
      .sort((a, b) => (tree.order.get(a.id) ?? 0) - (tree.order.get(b.id) ?? 0))
      .flatMap((o) => o.kpis.map((kpi) => ({ kpi, objectiveId: o.id })));

  const objectives: ObjectiveFacts[] = scope.objectiveIds.map((id) => {
    const o = tree.index.byId.get(id)!;
    const all = byObjective.get(id) ?? [];
    const contributions = sortContributions(all.filter((l) => inScope.has(l.serviceId)).map(contributionOf));
    const context = sortContributions(all.filter((l) => !inScope.has(l.serviceId)).map(contributionOf));
    return {
      id,
      code: tree.codes.get(id) ?? '',
      title: o.title,
      description: o.description,
      level: o.level,
      source: o.source,
      themeId: tree.themeOf.get(id) ?? id,
      contributions,
      strength: contributions[0]?.strength ?? 0,
      strong: contributions.filter((c) => c.strength === 3).length,
      medium: contributions.filter((c) => c.strength === 2).length,
      weak: contributions.filter((c) => c.strength === 1).length,
      evidenced: contributions.filter((c) => c.evidenceIds.length > 0).length,
      kpis: kpisBeneath(id),
      context,
    };
  });

  const themes: ThemeFacts[] = scope.themeIds.map((id) => {
    const t = tree.index.byId.get(id)!;
    return {
      id,
      code: tree.codes.get(id) ?? '',
      title: t.title,
      description: t.description,
      source: t.source,
      objectives: objectives.filter((o) => o.themeId === id),
    };
  });

  const services: ServiceFacts[] = scope.serviceIds.map((id) => ({
    service: servicesById.get(id)!,
    objectives: objectives
      .map((o) => ({ objectiveId: o.id, strength: o.contributions.find((c) => c.serviceId === id)?.strength ?? (0 as Strength) }))
      .filter((x) => x.strength > 0),
  }));

  const context = new Map<string, { strength: Strength; count: number }>();
  for (const o of objectives)
    for (const c of o.context) {
      const prev = context.get(c.serviceId);
      context.set(c.serviceId, { strength: Math.max(prev?.strength ?? 0, c.strength) as Strength, count: (prev?.count ?? 0) + 1 });
    }
  const contextServices = wb.services
    .filter((s) => context.has(s.id))
    .map((s) => ({ serviceId: s.id, name: s.name, strength: context.get(s.id)!.strength, objectiveCount: context.get(s.id)!.count }))
    .sort(byStrength);

  const offers = UNIVERSAL_OFFERS.map((offer) => ({ offer, serviceIds: scope.serviceIds.filter((id) => servicesById.get(id)?.offer === offer) }));
  const outcomes = ambitionOutcomes(services, objectives);

  // Figures.
  const nObjectives = objectives.length;
  const contributed = objectives.filter((o) => o.strength > 0).length;
  const strong = objectives.filter((o) => o.strength === 3).length;
  const nServices = services.length;
  const linked = services.filter((s) => s.objectives.length > 0).length;
  const nContributions = objectives.reduce((n, o) => n + o.contributions.length, 0);
  const evidenced = objectives.reduce((n, o) => n + o.evidenced, 0);
  const libraries = new Set(services.flatMap((s) => s.service.branches.map((b) => (b.libraryRef || b.name).trim().toLowerCase())));
  const costed = services.filter((s) => s.service.cost !== null);
  const cost = costed.reduce((n, s) => n + (s.service.cost?.amount ?? 0), 0);
  const costPeriods = [...new Set(costed.map((s) => s.service.cost?.period.label ?? '').filter(Boolean))];
  const costSources = [...new Set(costed.map((s) => s.service.cost?.source ?? '').filter(Boolean))];
  const businessCase = input.businessCase ? businessCaseFacts(wb, input.businessCase) : null;
  // Neither the scope nor an answer gives the sum: a business case asks for its preferred option's cost.
  const asked = input.amountFromAnswers ?? (businessCase ? businessCaseAmount(businessCase) : null);
  const amount = scope.amount ?? asked?.amount ?? null;
  const amountPeriod = scope.amount !== null ? scope.period : (asked?.period ?? scope.period);

  const figures: DocumentFacts['figures'] = {
    objectives: figure(nObjectives, formatNumber(nObjectives), 'objectives', mapSource),
    objectivesContributed: figure(contributed, formatNumber(contributed), 'objectives', mapSource),
    objectivesStrong: figure(strong, formatNumber(strong), 'objectives', mapSource),
    services: figure(nServices, formatNumber(nServices), 'services', recordsSource),
    servicesLinked: figure(linked, formatNumber(linked), 'services', mapSource),
    contributions: figure(nContributions, formatNumber(nContributions), 'contributions', mapSource),
    contributionsEvidenced: figure(evidenced, nContributions === 0 ? '' : formatPercent(evidenced / nContributions), 'contributions', mapSource),
    libraries: figure(libraries.size, formatNumber(libraries.size), 'libraries', recordsSource),
    cost: figure(cost, formatMoney(cost), '£', listInWords(costSources) || recordsSource, costPeriods.join(', ')),
    costedServices: figure(costed.length, formatNumber(costed.length), 'services', recordsSource),
    amount: amount === null ? null : figure(amount, formatMoney(amount), '£', 'This proposal', amountPeriod),
  };

  const facts = {
    scope,
    tree,
    asAt,
    asAtText,
    source,
    services,
    themes,
    objectives,
    contextServices,
    offers,
    outcomes,
    figures,
    businessCase,
    method: ROLL_UP_RULE,
  };
  return { ...facts, summary: summarise(facts, wb) };
}

/** Ambition outcomes the services in scope serve, in the Ambition's own order, with the objectives they reach. */
function ambitionOutcomes(services: readonly ServiceFacts[], objectives: readonly ObjectiveFacts[]): DocumentFacts['outcomes'] {
  return AMBITION_OUTCOMES.map(({ id, name }) => {
    const svc = services.filter((s) => s.service.outcomes.includes(id));
    const reached = new Set(svc.flatMap((s) => s.objectives.map((o) => o.objectiveId)));
    return { name, serviceIds: svc.map((s) => s.service.id), objectiveIds: objectives.filter((o) => reached.has(o.id)).map((o) => o.id) };
  }).filter((o) => o.serviceIds.length > 0);
}

/** "The 6 services in this proposal…" or "Northshire library service's 24 services…": who the figures are about. */
export function scopeSubject(facts: Pick<DocumentFacts, 'scope' | 'figures'>, wb: Workbook): string {
  const n = facts.figures.services.value;
  const who = wb.authority ? `${wb.authority.name} library service` : 'the library service';
  if (facts.scope.wholeService) return n === 1 ? `${who}’s one service` : `${who}’s ${plural(n, 'service')}`;
  return n === 1 ? 'the one service in this proposal' : `the ${plural(n, 'service')} in this proposal`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A paragraph written only from the facts; each count reads right for none, one and many. */
function summarise(f: Omit<DocumentFacts, 'summary'>, wb: Workbook): string {
  const nObj = f.figures.objectives.value;
  const nSvc = f.figures.services.value;
  if (nSvc === 0) return f.scope.wholeService ? 'No library services are recorded yet.' : 'No services are in the scope of this proposal yet.';
  if (nObj === 0)
    return f.scope.wholeService ? 'No council objectives are recorded yet.' : `${capitalise(scopeSubject(f, wb))} are not yet linked to a council objective.`;
  const contributed = f.figures.objectivesContributed.value;
  const strong = f.figures.objectivesStrong.value;
  const subject = capitalise(scopeSubject(f, wb));
  const verb = nSvc === 1 ? 'contributes' : 'contribute';
  const where = f.scope.wholeService ? 'recorded' : 'in scope';
  const objectivesPhrase =
    nObj === 1
      ? `the council objective ${where}`
      : contributed === nObj
        ? `${nObj === 2 ? 'both' : `all ${formatNumber(nObj)}`} council objectives ${where}`
        : `${formatNumber(contributed)} of the ${formatNumber(nObj)} council objectives ${where}`;
  const sentences: string[] = [];
  if (contributed === 0) sentences.push(`${subject} ${nSvc === 1 ? 'is' : 'are'} not yet linked to ${nObj === 1 ? 'the council objective' : 'any of the council objectives'} in scope.`);
  else {
    const strongPart = strong === 0 ? '' : strong === contributed ? (contributed === 1 ? ', a strong contribution' : ', a strong contribution to each') : `, with a strong contribution to ${formatNumber(strong)}`;
    sentences.push(`${subject} ${verb} to ${objectivesPhrase}${strongPart}.`);
  }
  const strongest = f.objectives.filter((o) => o.strength === 3);
  if (strongest.length > 0 && strongest.length <= 3)
    sentences.push(`The strongest ${strongest.length === 1 ? 'contribution is' : 'contributions are'} to ${listInWords(strongest.map((o) => `“${o.title}”`))}.`);
  const none = f.objectives.filter((o) => o.strength === 0);
  if (none.length > 0 && contributed > 0)
    sentences.push(
      none.length === 1
        ? `No contribution is recorded yet to “${none[0]!.title}”.`
        : `No contribution is recorded yet to ${formatNumber(none.length)} of the objectives.`,
    );
  return sentences.join(' ');
}

/** "makes a strong contribution" / "contributes" / "makes some contribution", for one service or several. */
export function contributionVerb(strength: Strength, many: boolean): string {
  switch (strength) {
    case 3:
      return many ? 'make a strong contribution' : 'makes a strong contribution';
    case 2:
      return many ? 'contribute' : 'contributes';
    case 1:
      return many ? 'make some contribution' : 'makes some contribution';
    default:
      return many ? 'make no recorded contribution' : 'makes no recorded contribution';
  }
}


/** The facts for the whole library service with nothing proposed: what the Review step's coverage chart shows. */
export function wholeServiceFacts(workbook: Workbook): DocumentFacts {
  const tree = objectiveTree(workbook.objectives);
  const objectiveIds = tree.reported.map((o) => o.id);
  const themeIds = [...new Set(objectiveIds.map((id) => tree.themeOf.get(id) ?? id))];
  return computeFacts({
    workbook,
    tree,
    scope: {
      wholeService: true,
      serviceIds: workbook.services.map((s) => s.id),
      objectiveIds,
      themeIds,
      objectivesNamed: false,
      partnerId: null,
      amount: null,
      period: '',
    },
  });
}
