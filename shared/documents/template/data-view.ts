/**
 * The data view: the ONLY thing a template can read. It is built here from the workbook and its analysis as
 * null-prototype, frozen records of strings, numbers, booleans and lists, so a template path can never reach a
 * prototype, a function or the raw workbook. Adding a field here is how a template gains access to it.
 *
 * Every figure comes from the document's facts (shared/documents/facts), so it is within the draft's scope and
 * agrees with the tables, charts and matrix.
 *
 * Top-level names (see buildDataView for every field):
 *   generated {date, marking}, asAt (the workbook's last change), method (the roll-up rule), workbook {title,
 *   author, notes, asAt}, authority {name, officialName, type, region, gss, population, populationSource} | null,
 *   libraryService, scope {wholeService, services, servicesText, objectives, amount, amountText, period, subject},
 *   totals {...}, summary, objectives[] (reported objectives in scope, tree order), themes[] (each with children),
 *   assessable[], services[] (in scope), context {count, services[], servicesText} (the rest of the service),
 *   evidence[], kpis[], gaps[], weakClaims[], outcomes[], offers[], partner | null,
 *   answers {question id → answer}, choices {question id → chosen option's label}
 */
import type { AnalysisReport } from '../../analysis/report';
import { findAuthority } from '../../reference/authorities';
import {
  PARTNER_TYPE_LABELS,
  STRENGTHS,
  ambitionOutcomeName,
  type ProtectiveMarking,
  type Strength,
} from '../../model/vocabulary';
import type { Evidence, Kpi, Workbook } from '../../model/workbook-schema';
import type { Contribution, DocumentFacts, ObjectiveFacts, ServiceFacts } from '../facts/facts';
import { scopeSubject } from '../facts/facts';
import { contributionText } from '../facts/wording';
import { formatPageRef, listInWords } from '../../text/words';
import { formatQuantity, formatNumber, parseMoney, parseNumber } from '../../text/numbers';
import { isoDate } from '../../text/dates';
import type { Question } from './manifest';

/** A paragraphs answer: Markdown written by the officer. */
export class MarkdownText {
  constructor(readonly source: string) {}
}
/** A question the officer has not answered: renders as guidance, tests as false. */
export class Unanswered {
  constructor(readonly question: Question) {}
}

export type ViewValue = string | number | boolean | null | MarkdownText | Unanswered | ViewList | ViewRecord;
export type ViewList = readonly ViewValue[];
export interface ViewRecord {
  readonly [key: string]: ViewValue;
}

export function isRecord(v: ViewValue | undefined): v is ViewRecord {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof MarkdownText) && !(v instanceof Unanswered);
}

/** A frozen record without a prototype: nothing but its own listed fields can be read. */
export function rec(fields: Record<string, ViewValue>): ViewRecord {
  const out = Object.create(null) as Record<string, ViewValue>;
  for (const [k, v] of Object.entries(fields)) out[k] = v;
  return Object.freeze(out);
}

const list = (items: ViewValue[]): ViewList => Object.freeze(items);

export const STRENGTH_LABEL: Readonly<Record<Strength, string>> = {
  0: STRENGTHS[0].label,
  1: STRENGTHS[1].label,
  2: STRENGTHS[2].label,
  3: STRENGTHS[3].label,
};
const REASON_TEXT = { 'no-evidence': 'no evidence cited', 'weak-evidence': 'only limited or anecdotal evidence', 'low-confidence': 'low confidence' } as const;

function periodText(p: { label: string } | null | undefined): string {
  return p?.label ?? '';
}

/** "Council Plan 2025–2029, page 9": the page as the officer typed it ("p. 9", "pp. 9-10", "9") read once. */
export function sourceRefText(source: { document: string; page: string }): string {
  const page = formatPageRef(source.page);
  return page ? `${source.document}, ${page}` : source.document;
}


/** "7.9% (2023/24)", "5,210 loans (Q2 2024/25)". */
export function valueWithUnit(value: number, unit: string, period: string): string {
  return `${formatQuantity(value, unit)}${period ? ` (${period})` : ''}`;
}

/** Answers typed by their question's kind; unanswered questions become Unanswered. */
export function typedAnswers(questions: readonly Question[], answers: Readonly<Record<string, string>>): { answers: ViewRecord; choices: ViewRecord } {
  const out: Record<string, ViewValue> = {};
  const choices: Record<string, ViewValue> = {};
  for (const q of questions) {
    const raw = Object.hasOwn(answers, q.id) ? String(answers[q.id]) : (q.default ?? '');
    const text = raw.trim();
    if (text === '') {
      out[q.id] = new Unanswered(q);
      continue;
    }
    switch (q.kind) {
      case 'text':
        out[q.id] = text.replace(/\s+/g, ' ');
        break;
      case 'paragraphs':
        out[q.id] = new MarkdownText(text);
        break;
      case 'choice': {
        const opt = q.options.find((o) => o.value === text) ?? q.options.find((o) => o.label === text);
        out[q.id] = opt ? opt.value : text;
        choices[q.id] = opt ? opt.label : text;
        break;
      }
      case 'date':
        out[q.id] = text;
        break;
      case 'money':
        out[q.id] = parseMoney(text) ?? text;
        break;
      case 'number':
        out[q.id] = parseNumber(text) ?? text;
        break;
      case 'table': {
        const rows = parseTableAnswer(text, q.columns.map((c) => c.id));
        out[q.id] = rows.length > 0 ? list(rows.map((r) => rec(r))) : new Unanswered(q);
        break;
      }
    }
  }
  return { answers: rec(out), choices: rec(choices) };
}

/** A table answer: a JSON array of row objects keyed by column id, or lines of cells separated by "|". */
export function parseTableAnswer(text: string, columns: readonly string[]): Array<Record<string, string>> {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed))
        return parsed
          .filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object' && !Array.isArray(r))
          .map((r) => Object.fromEntries(columns.map((c) => [c, Object.hasOwn(r, c) && r[c] !== null && r[c] !== undefined ? String(r[c]).trim() : ''])))
          .filter((r) => Object.values(r).some((v) => v !== ''));
    } catch {
      // Not JSON after all: read it as lines below.
    }
  }
  return trimmed
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^\||\|$/g, ''))
    .filter((line) => line !== '' && !/^[-:|\s]+$/.test(line))
    .map((line) => {
      const cells = line.split('|').map((c) => c.trim());
      return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
    });
}

export interface DataViewInput {
  readonly workbook: Workbook;
  readonly analysis: AnalysisReport;
  readonly facts: DocumentFacts;
  readonly questions: readonly Question[];
  readonly answers: Readonly<Record<string, string>>;
  readonly marking: ProtectiveMarking;
  readonly generatedAt: Date;
}

export function officialName(wb: Workbook): string {
  if (!wb.authority) return 'the council';
  const ref = findAuthority(wb.authority.gss);
  if (ref) return ref.officialName;
  return wb.authority.type === 'County council' ? `${wb.authority.name} County Council` : `${wb.authority.name} Council`;
}

export function populationOf(wb: Workbook): { value: number | null; source: string } {
  const own = wb.authority?.population;
  if (own) return { value: own.value, source: [own.source, own.year].filter(Boolean).join(', ') || 'Recorded by the library service' };
  const ref = wb.authority ? findAuthority(wb.authority.gss) : undefined;
  return ref?.population2020
    ? { value: ref.population2020, source: 'Office for National Statistics, mid-2020 population estimate' }
    : { value: null, source: '' };
}

export function buildDataView(input: DataViewInput): ViewRecord {
  const { workbook: wb, analysis, facts } = input;
  const services = new Map(wb.services.map((s) => [s.id, s]));
  const objectives = new Map(wb.objectives.map((o) => [o.id, o]));
  const inScopeServices = new Set(facts.scope.serviceIds);
  const inScopeObjectives = new Set(facts.scope.objectiveIds);
  const nameOf = (id: string) => services.get(id)?.name ?? id;

  const evidenceView = (e: Evidence, i: number): ViewRecord =>
    rec({
      id: e.id,
      number: i + 1,
      title: e.title,
      publisher: e.publisher,
      year: e.year,
      url: e.url,
      keyFinding: e.keyFinding,
      figure: e.figure,
      kind: e.kind.replace(/-/g, ' '),
      quality: e.quality,
    });

  const kpiView = (k: Kpi, objectiveTitle: string): ViewRecord =>
    rec({
      id: k.id,
      name: k.name,
      unit: k.unit,
      direction: k.direction,
      baseline: k.baseline ? rec({ value: k.baseline.value, period: periodText(k.baseline.period) }) : null,
      target: k.target ? rec({ value: k.target.value, period: periodText(k.target.period) }) : null,
      baselineText: k.baseline ? valueWithUnit(k.baseline.value, k.unit, periodText(k.baseline.period)) : '',
      targetText: k.target ? valueWithUnit(k.target.value, k.unit, periodText(k.target.period)) : '',
      indicatorCode: k.indicatorCode,
      source: k.source,
      objective: objectiveTitle,
    });

  const contributionView = (c: Contribution): ViewRecord =>
    rec({
      name: c.name,
      strength: c.strength,
      strengthLabel: STRENGTH_LABEL[c.strength],
      rationale: c.rationale,
      evidenceCount: c.evidenceIds.length,
      evidence: list([...c.evidenceIds]),
    });

  const none = facts.scope.wholeService ? 'No library contribution is recorded yet.' : 'No service in this proposal contributes yet.';
  const objectiveView = (o: ObjectiveFacts): ViewRecord =>
    rec({
      id: o.id,
      number: o.code,
      title: o.title,
      description: o.description,
      level: o.level,
      source: o.source ? rec({ document: o.source.document, page: o.source.page, url: o.source.url }) : null,
      sourceText: o.source ? sourceRefText(o.source) : '',
      strength: o.strength,
      statusLabel: STRENGTH_LABEL[o.strength],
      contributorCount: o.contributions.length,
      strongCount: o.strong,
      mediumCount: o.medium,
      weakCount: o.weak,
      evidencedCount: o.evidenced,
      evidencedShare: o.contributions.length === 0 ? 0 : o.evidenced / o.contributions.length,
      services: list(o.contributions.map(contributionView)),
      serviceNames: listInWords(o.contributions.map((c) => c.name)),
      contributionText: contributionText(o, none),
      context: list(o.context.map(contributionView)),
      kpis: list(o.kpis.map(({ kpi, objectiveId }) => kpiView(kpi, objectives.get(objectiveId)?.title ?? o.title))),
      children: list([]),
      assessable: true,
    });
  const objectiveViews = new Map(facts.objectives.map((o) => [o.id, objectiveView(o)]));
  const themeViews = facts.themes.map((t) =>
    rec({
      id: t.id,
      number: t.code,
      title: t.title,
      description: t.description,
      sourceText: t.source ? sourceRefText(t.source) : '',
      // A top-level objective with no theme above it is its own group.
      isObjective: t.objectives.length === 1 && t.objectives[0]!.id === t.id,
      children: list(t.objectives.map((o) => objectiveViews.get(o.id)!)),
      objectives: list(t.objectives.map((o) => objectiveViews.get(o.id)!)),
    }),
  );

  const serviceView = (sf: ServiceFacts): ViewRecord => {
    const s = sf.service;
    return rec({
      id: s.id,
      name: s.name,
      description: s.description,
      offer: s.offer,
      outcomes: list(s.outcomes.map((id) => ambitionOutcomeName(id))),
      outcomesText: listInWords(s.outcomes.map((id) => ambitionOutcomeName(id))),
      targetGroups: list([...s.targetGroups]),
      targetGroupsText: listInWords(s.targetGroups),
      branchCount: s.branches.length,
      branchesText: listInWords(s.branches.map((b) => b.name)),
      measures: list(
        s.measures.map((m) => rec({ label: m.label, value: m.value, unit: m.unit, period: periodText(m.period), source: m.source })),
      ),
      cost: s.cost ? rec({ amount: s.cost.amount, period: periodText(s.cost.period), source: s.cost.source }) : null,
      staffFte: s.staffFte,
      volunteers: s.volunteers,
      objectives: list(
        sf.objectives.map((l) => rec({ title: objectives.get(l.objectiveId)?.title ?? '', strength: l.strength, strengthLabel: STRENGTH_LABEL[l.strength] })),
      ),
      objectiveCount: sf.objectives.length,
      linked: sf.objectives.length > 0,
    });
  };

  const f = facts.figures;
  const population = populationOf(wb);

  const partner = facts.scope.partnerId ? wb.partners.find((p) => p.id === facts.scope.partnerId) ?? null : null;
  let partnerView: ViewRecord | null = null;
  if (partner) {
    const factsById = new Map(facts.objectives.map((o) => [o.id, o]));
    const rolledAll = new Map(facts.tree.reported.map((o) => [o.id, o]));
    const partnerObjectives = partner.objectives.map((po) => {
      const reported = [...new Set(po.objectiveIds.map((id) => facts.tree.reportedOf.get(id)).filter((id): id is string => id !== undefined))].sort(
        (a, b) => (facts.tree.order.get(a) ?? 0) - (facts.tree.order.get(b) ?? 0),
      );
      const best = new Map<string, Strength>();
      for (const id of reported)
        for (const c of factsById.get(id)?.contributions ?? []) best.set(c.serviceId, Math.max(best.get(c.serviceId) ?? 0, c.strength) as Strength);
      const svc = [...best.entries()].sort((a, b) => b[1] - a[1]);
      return rec({
        title: po.title,
        description: po.description,
        councilObjectives: list(reported.filter((id) => objectiveViews.has(id)).map((id) => objectiveViews.get(id)!)),
        councilObjectivesText: listInWords(reported.map((id) => rolledAll.get(id)?.title ?? '').filter(Boolean)),
        services: list(svc.map(([id, st]) => rec({ name: nameOf(id), strength: st, strengthLabel: STRENGTH_LABEL[st] }))),
        servicesText: listInWords(svc.map(([id]) => nameOf(id))),
        serviceCount: svc.length,
      });
    });
    const shared = new Set(partner.objectives.flatMap((po) => po.objectiveIds.map((id) => facts.tree.reportedOf.get(id))).filter((id): id is string => id !== undefined));
    const partnerServices = new Set(facts.objectives.filter((o) => shared.has(o.id)).flatMap((o) => o.contributions.map((c) => c.serviceId)));
    partnerView = rec({
      id: partner.id,
      name: partner.name,
      type: partner.type,
      typeLabel: PARTNER_TYPE_LABELS[partner.type],
      description: partner.description,
      contact: partner.contact,
      objectives: list(partnerObjectives),
      sharedObjectiveCount: shared.size,
      serviceCount: partnerServices.size,
      services: list(facts.services.filter((sf) => partnerServices.has(sf.service.id)).map(serviceView)),
    });
  }

  const { answers, choices } = typedAnswers(input.questions, input.answers);
  const evidenceList = wb.evidence.map(evidenceView);

  return rec({
    generated: rec({ date: isoDate(input.generatedAt), marking: input.marking === 'NONE' ? '' : input.marking }),
    asAt: facts.asAt,
    method: facts.method,
    workbook: rec({ title: wb.title, author: wb.author, notes: wb.notes, asAt: facts.asAt }),
    authority: wb.authority
      ? rec({
          name: wb.authority.name,
          officialName: officialName(wb),
          type: wb.authority.type,
          region: wb.authority.region,
          gss: wb.authority.gss,
          population: population.value,
          populationSource: population.source,
        })
      : null,
    organisation: officialName(wb),
    libraryService: wb.authority ? `${wb.authority.name} library service` : 'the library service',
    scope: rec({
      wholeService: facts.scope.wholeService,
      services: f.services.value,
      servicesText: listInWords(facts.services.map((sf) => sf.service.name)),
      objectives: f.objectives.value,
      amount: f.amount?.value ?? null,
      amountText: f.amount?.text ?? '',
      period: f.amount?.period ?? '',
      subject: scopeSubject(facts, wb),
    }),
    totals: rec({
      objectives: f.objectives.value,
      assessable: f.objectives.value,
      covered: f.objectivesContributed.value,
      strong: f.objectivesStrong.value,
      coveredShare: f.objectives.value === 0 ? 0 : f.objectivesContributed.value / f.objectives.value,
      services: f.services.value,
      linkedServices: f.servicesLinked.value,
      links: f.contributions.value,
      evidencedLinks: f.contributionsEvidenced.value,
      evidencedShare: f.contributions.value === 0 ? 0 : f.contributionsEvidenced.value / f.contributions.value,
      gaps: facts.objectives.filter((o) => o.strength === 0).length,
      branches: f.libraries.value,
      libraries: f.libraries.value,
      cost: f.cost.value,
      costText: f.cost.text,
      costPeriod: f.cost.period,
      costSource: f.cost.source,
      costedServices: f.costedServices.value,
      evidence: wb.evidence.length,
      evidenceCited: new Set(facts.objectives.flatMap((o) => o.contributions.flatMap((c) => c.evidenceIds))).size,
      partners: wb.partners.length,
    }),
    summary: facts.summary,
    objectives: list(facts.objectives.map((o) => objectiveViews.get(o.id)!)),
    themes: list(themeViews),
    assessable: list(facts.objectives.map((o) => objectiveViews.get(o.id)!)),
    services: list(facts.services.map(serviceView)),
    context: rec({
      count: facts.contextServices.length,
      services: list(facts.contextServices.map((c) => rec({ name: c.name, strength: c.strength, strengthLabel: STRENGTH_LABEL[c.strength], objectiveCount: c.objectiveCount }))),
      servicesText: listInWords(facts.contextServices.map((c) => c.name)),
    }),
    // The services with the most strong contributions, for a short "key contributions" list (the full picture is in the tables).
    keyServices: list(
      facts.services
        .map((sf) => ({ sf, strong: sf.objectives.filter((o) => o.strength === 3) }))
        .filter((x) => x.strong.length > 0)
        .sort((a, b) => b.strong.length - a.strong.length || b.sf.objectives.length - a.sf.objectives.length)
        .slice(0, 5)
        .map(({ sf, strong }) =>
          rec({
            name: sf.service.name,
            strongCount: strong.length,
            strongObjectivesText: listInWords(strong.map((o) => facts.tree.codes.get(o.objectiveId) ?? '')),
          }),
        ),
    ),
    evidence: list(evidenceList),
    kpis: list(facts.objectives.flatMap((o) => o.kpis.map(({ kpi, objectiveId }) => kpiView(kpi, objectives.get(objectiveId)?.title ?? o.title)))),
    gaps: list(
      analysis.gaps
        .filter((g) => inScopeObjectives.has(facts.tree.reportedOf.get(g.objectiveId) ?? ''))
        .map((g) =>
          rec({
            title: g.title,
            status: g.status,
            statusLabel: g.status === 'gap' ? 'None' : 'Weak',
            candidates: list(g.candidates.map((c) => rec({ name: nameOf(c.serviceId) }))),
            candidatesText: listInWords(g.candidates.map((c) => nameOf(c.serviceId))),
          }),
        ),
    ),
    weakClaims: list(
      analysis.weakClaims
        .filter((w) => inScopeServices.has(w.serviceId) && inScopeObjectives.has(facts.tree.reportedOf.get(w.objectiveId) ?? ''))
        .map((w) =>
          rec({
            service: nameOf(w.serviceId),
            objective: objectives.get(w.objectiveId)?.title ?? w.objectiveId,
            strengthLabel: STRENGTH_LABEL[w.strength],
            reasons: listInWords(w.reasons.map((r) => REASON_TEXT[r])),
          }),
        ),
    ),
    outcomes: list(
      facts.outcomes.map((o) =>
        rec({
          name: o.name,
          services: list(o.serviceIds.map(nameOf)),
          servicesText: listInWords(o.serviceIds.map(nameOf)),
          serviceCount: o.serviceIds.length,
          objectiveCount: o.objectiveIds.length,
        }),
      ),
    ),
    offers: list(
      facts.offers.map(({ offer, serviceIds }) =>
        rec({ name: offer, services: list(serviceIds.map(nameOf)), servicesText: listInWords(serviceIds.map(nameOf)), serviceCount: serviceIds.length }),
      ),
    ),
    partner: partnerView,
    answers,
    choices,
    population: population.value === null ? null : rec({ value: population.value, text: formatNumber(population.value), source: population.source }),
  });
}
