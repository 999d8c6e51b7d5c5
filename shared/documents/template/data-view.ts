/**
 * The data view: the ONLY thing a template can read. It is built here from the workbook and its analysis as
 * null-prototype, frozen records of strings, numbers, booleans and lists, so a template path can never reach a
 * prototype, a function or the raw workbook. Adding a field here is how a template gains access to it.
 *
 * Top-level names (see buildDataView for every field):
 *   generated {date, marking}, workbook {title, author, notes}, authority {name, officialName, type, region, gss,
 *   population, populationSource} | null, libraryService, totals {...}, summary, objectives[], themes[],
 *   assessable[], services[], evidence[], kpis[], gaps[], weakClaims[], outcomes[], offers[], partner | null,
 *   answers {question id → answer}, choices {question id → chosen option's label}
 */
import type { AnalysisReport } from '../../analysis/report';
import { inTreeOrder, objectiveCodes } from '../../analysis/hierarchy';
import { findAuthority } from '../../reference/authorities';
import {
  PARTNER_TYPE_LABELS,
  STRENGTHS,
  UNIVERSAL_OFFERS,
  ambitionOutcomeName,
  type ProtectiveMarking,
  type Strength,
} from '../../model/vocabulary';
import type { Evidence, Workbook } from '../../model/workbook-schema';
import { formatMoney, formatPageRef, formatQuantity, isoDate, formatNumber, listInWords, parseMoney, parseNumber } from './format';
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
export const STATUS_LABEL = { gap: 'No contribution', weak: 'Weak', moderate: 'Medium', strong: 'Strong' } as const;
const REASON_TEXT = { 'no-evidence': 'no evidence cited', 'weak-evidence': 'only limited or anecdotal evidence', 'low-confidence': 'low confidence' } as const;

function periodText(p: { label: string } | null | undefined): string {
  return p?.label ?? '';
}

/** "A, B and C", or "A, B, C and 12 others" past `max` names. */
export function namesInWords(names: readonly string[], max: number): string {
  if (names.length <= max) return listInWords(names);
  const rest = names.length - max;
  return `${names.slice(0, max).join(', ')} and ${rest === 1 ? '1 other' : `${formatNumber(rest)} others`}`;
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
  readonly questions: readonly Question[];
  readonly answers: Readonly<Record<string, string>>;
  readonly marking: ProtectiveMarking;
  readonly generatedAt: Date;
  readonly partnerId: string | null;
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
  const { workbook: wb, analysis } = input;
  const services = new Map(wb.services.map((s) => [s.id, s]));
  const objectives = new Map(wb.objectives.map((o) => [o.id, o]));
  const coverage = new Map(analysis.objectives.map((c) => [c.objectiveId, c]));
  const links = wb.alignments.filter((a) => a.strength > 0);

  // Numbering follows the tree, as on the map: themes 1, 2…; their objectives 1.1, 1.2…
  const numbers = objectiveCodes(wb.objectives);

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

  const kpiView = (k: Workbook['objectives'][number]['kpis'][number], objectiveTitle: string): ViewRecord =>
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

  const objectiveViews = new Map<string, ViewRecord>();
  const ordered = inTreeOrder(wb.objectives);
  for (const { objective: o, depth } of [...ordered].reverse()) {
    const c = coverage.get(o.id);
    const own = links.filter((l) => l.objectiveId === o.id);
    const contributors = (c?.contributors ?? []).map((ct) => {
      const link = own.find((l) => l.serviceId === ct.serviceId);
      return rec({
        name: services.get(ct.serviceId)?.name ?? ct.serviceId,
        strength: ct.strength,
        strengthLabel: STRENGTH_LABEL[ct.strength],
        rationale: link?.rationale ?? '',
        confidence: link?.confidence ?? '',
        evidenceCount: link?.evidenceIds.length ?? 0,
      });
    });
    const children = wb.objectives.filter((x) => x.parentId === o.id).map((x) => objectiveViews.get(x.id)!).filter(Boolean);
    objectiveViews.set(
      o.id,
      rec({
        id: o.id,
        number: numbers.get(o.id) ?? '',
        title: o.title,
        description: o.description,
        level: o.level,
        depth,
        source: o.source ? rec({ document: o.source.document, page: o.source.page, url: o.source.url }) : null,
        sourceText: o.source ? `${o.source.document}${formatPageRef(o.source.page) ? `, ${formatPageRef(o.source.page)}` : ''}` : '',
        status: c?.status ?? 'gap',
        statusLabel: STATUS_LABEL[c?.status ?? 'gap'],
        score: c?.score ?? 0,
        contributorCount: contributors.length,
        strongCount: (c?.contributors ?? []).filter((x) => x.strength === 3).length,
        mediumCount: (c?.contributors ?? []).filter((x) => x.strength === 2).length,
        weakCount: (c?.contributors ?? []).filter((x) => x.strength === 1).length,
        evidencedShare: c?.evidencedShare ?? 0,
        services: list(contributors),
        // The strongest few by name and a count of the rest: a sentence must stay readable in a large workbook.
        serviceNames: namesInWords(contributors.map((x) => String((x as ViewRecord).name)), 6),
        kpis: list(o.kpis.map((k) => kpiView(k, o.title))),
        children: list(children),
        assessable: c?.assessable ?? true,
      }),
    );
  }
  const objectiveList = ordered.map(({ objective }) => objectiveViews.get(objective.id)!);

  const serviceView = (s: Workbook['services'][number]): ViewRecord => {
    const own = links.filter((l) => l.serviceId === s.id).sort((a, b) => b.strength - a.strength);
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
        s.measures.map((m) =>
          rec({ label: m.label, value: m.value, unit: m.unit, period: periodText(m.period), source: m.source }),
        ),
      ),
      cost: s.cost ? rec({ amount: s.cost.amount, period: periodText(s.cost.period), source: s.cost.source }) : null,
      staffFte: s.staffFte,
      volunteers: s.volunteers,
      objectives: list(
        own.map((l) =>
          rec({ title: objectives.get(l.objectiveId)?.title ?? '', strength: l.strength, strengthLabel: STRENGTH_LABEL[l.strength] }),
        ),
      ),
      objectiveCount: own.length,
      linked: own.length > 0,
    });
  };

  const branchNames = new Set(wb.services.flatMap((s) => s.branches.map((b) => b.name)));
  const costed = wb.services.filter((s) => s.cost !== null);
  const costPeriods = [...new Set(costed.map((s) => periodText(s.cost?.period)).filter(Boolean))];
  const t = analysis.totals;
  const population = populationOf(wb);

  const partner = input.partnerId ? wb.partners.find((p) => p.id === input.partnerId) ?? null : null;
  let partnerView: ViewRecord | null = null;
  if (partner) {
    const partnerObjectives = partner.objectives.map((po) => {
      const council = po.objectiveIds.map((id) => objectives.get(id)).filter((o): o is NonNullable<typeof o> => o !== undefined);
      const councilIds = new Set(council.map((o) => o.id));
      const contributing = links.filter((l) => councilIds.has(l.objectiveId));
      const best = new Map<string, Strength>();
      for (const l of contributing) best.set(l.serviceId, Math.max(best.get(l.serviceId) ?? 0, l.strength) as Strength);
      const svc = [...best.entries()].sort((a, b) => b[1] - a[1]);
      return rec({
        title: po.title,
        description: po.description,
        councilObjectives: list(council.map((o) => objectiveViews.get(o.id)!)),
        councilObjectivesText: listInWords(council.map((o) => o.title)),
        services: list(svc.map(([id, st]) => rec({ name: services.get(id)?.name ?? id, strength: st, strengthLabel: STRENGTH_LABEL[st] }))),
        servicesText: namesInWords(svc.map(([id]) => services.get(id)?.name ?? id), 8),
        serviceCount: svc.length,
      });
    });
    const shared = new Set(partner.objectives.flatMap((po) => po.objectiveIds));
    const partnerServices = new Set(links.filter((l) => shared.has(l.objectiveId)).map((l) => l.serviceId));
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
      services: list(wb.services.filter((s) => partnerServices.has(s.id)).map(serviceView)),
    });
  }

  const { answers, choices } = typedAnswers(input.questions, input.answers);
  const evidenceList = wb.evidence.map(evidenceView);

  return rec({
    generated: rec({ date: isoDate(input.generatedAt), marking: input.marking === 'NONE' ? '' : input.marking }),
    workbook: rec({ title: wb.title, author: wb.author, notes: wb.notes }),
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
    totals: rec({
      objectives: t.objectives,
      assessable: t.assessable,
      covered: t.covered,
      strong: t.strong,
      coveredShare: t.assessable === 0 ? 0 : t.covered / t.assessable,
      services: t.services,
      linkedServices: t.linkedServices,
      links: t.links,
      evidencedLinks: t.evidencedLinks,
      evidencedShare: t.links === 0 ? 0 : t.evidencedLinks / t.links,
      gaps: analysis.gaps.filter((g) => g.status === 'gap').length,
      weakObjectives: analysis.gaps.filter((g) => g.status === 'weak').length,
      weakClaims: analysis.weakClaims.length,
      branches: branchNames.size,
      staffFte: wb.services.reduce((n, s) => n + (s.staffFte ?? 0), 0),
      volunteers: wb.services.reduce((n, s) => n + (s.volunteers ?? 0), 0),
      cost: costed.reduce((n, s) => n + (s.cost?.amount ?? 0), 0),
      costText: formatMoney(costed.reduce((n, s) => n + (s.cost?.amount ?? 0), 0)),
      costPeriod: costPeriods.join(', '),
      costedServices: costed.length,
      evidence: wb.evidence.length,
      partners: wb.partners.length,
    }),
    summary: analysis.summary,
    objectives: list(objectiveList),
    themes: list(objectiveList.filter((o) => o.depth === 0)),
    assessable: list(objectiveList.filter((o) => o.assessable === true)),
    services: list(wb.services.map(serviceView)),
    evidence: list(evidenceList),
    kpis: list(wb.objectives.flatMap((o) => o.kpis.map((k) => kpiView(k, o.title)))),
    gaps: list(
      analysis.gaps.map((g) =>
        rec({
          title: g.title,
          status: g.status,
          statusLabel: STATUS_LABEL[g.status],
          candidates: list(g.candidates.map((c) => rec({ name: services.get(c.serviceId)?.name ?? c.serviceId }))),
          candidatesText: listInWords(g.candidates.map((c) => services.get(c.serviceId)?.name ?? c.serviceId)),
        }),
      ),
    ),
    weakClaims: list(
      analysis.weakClaims.map((w) =>
        rec({
          service: services.get(w.serviceId)?.name ?? w.serviceId,
          objective: objectives.get(w.objectiveId)?.title ?? w.objectiveId,
          strengthLabel: STRENGTH_LABEL[w.strength],
          reasons: listInWords(w.reasons.map((r) => REASON_TEXT[r])),
        }),
      ),
    ),
    outcomes: list(
      analysis.outcomes.map((o) =>
        rec({
          name: o.name,
          services: list(o.serviceIds.map((id) => services.get(id)?.name ?? id)),
          servicesText: namesInWords(o.serviceIds.map((id) => services.get(id)?.name ?? id), 8),
          serviceCount: o.serviceIds.length,
          objectiveCount: o.objectiveIds.length,
        }),
      ),
    ),
    offers: list(
      UNIVERSAL_OFFERS.map((offer) => {
        const names = wb.services.filter((s) => s.offer === offer).map((s) => s.name);
        return rec({ name: offer, services: list(names), servicesText: namesInWords(names, 8), serviceCount: names.length });
      }),
    ),
    partner: partnerView,
    answers,
    choices,
    population: population.value === null ? null : rec({ value: population.value, text: formatNumber(population.value), source: population.source }),
  });
}
