/**
 * Named blocks: the data-driven tables, charts and figures a template places with {{block name}}. Each is built
 * from the workbook and its analysis, carries a caption and a source line, and puts a word beside every colour
 * (heat-map and RAG cells say "Strong", "High"…), so nothing depends on colour alone.
 */
import type { AnalysisReport } from '../../analysis/report';
import { COMMITTEE_BLOCK_NAMES, isCommitteeBlock, renderCommitteeBlock } from './committee-blocks';
import { PARTNER_TYPE_LABELS, type Strength } from '../../model/vocabulary';
import type { Workbook } from '../../model/workbook-schema';
import { uniqueId, type Block, type ChartSpec, type Inline, type ListItem, type Shade, type TableCell } from '../model';
import { coverageAlt, coverageChartSpec } from '../charts/coverage-chart';
import type { DocumentFacts, ObjectiveFacts } from '../facts/facts';
import { contributionSegments, NAMES_IN_A_SENTENCE } from '../facts/wording';
import { asPhrase, asSentence, listInWords, plural } from '../../text/words';
import { formatMoney, formatNumber } from '../../text/numbers';
import type { Question } from './manifest';
import { parseTableAnswer, sourceRefText, STRENGTH_LABEL, valueWithUnit } from './data-view';
import { TemplateError, type Location } from './syntax';
import { howWeCompare } from './compare-block';
import type { DecisionBasis } from '../decision-basis';
import { BUSINESS_CASE_BLOCK_NAMES, isBusinessCaseBlock, renderBusinessCaseBlock } from './business-case-blocks';
import { actionPlanBlocks, kpiProgressBlocks } from './progress-blocks';
import { guidance, table } from './block-parts';

export const BLOCK_NAMES = [
  ...COMMITTEE_BLOCK_NAMES,
  'alignment-matrix',
  'coverage-by-objective',
  'coverage-chart',
  'services-by-offer',
  'services-by-outcome',
  'kpi-table',
  'evidence-list',
  'options-appraisal',
  'risk-register',
  'partner-alignment',
  'service-reach',
  'key-figures',
  'weak-claims',
  'gaps',
  'how-we-compare',
  'toc',
  'references',
  'contributions',
  'wider-service',
  ...BUSINESS_CASE_BLOCK_NAMES,
  'kpi-progress',
  'action-plan',
] as const;

export interface BlockContext {
  readonly workbook: Workbook;
  readonly analysis: AnalysisReport;
  /** Every figure the blocks print comes from here, within the draft's scope. */
  readonly facts: DocumentFacts;
  readonly questions: readonly Question[];
  readonly answers: Readonly<Record<string, string>>;
  readonly partnerId: string | null;
  /** The business case a committee report asks a decision on; null for other documents. */
  readonly basedOn: DecisionBasis | null;
  readonly generatedAt: Date;
  readonly ids: Set<string>;
  cite(evidenceId: string): Inline | null;
  unanswered(q: Question): void;
  warn(kind: 'empty-data' | 'missing-partner' | 'missing-business-case', message: string): void;
}

const t = (s: string): Inline[] => (s === '' ? [] : [{ kind: 'text', text: s }]);
const cell = (s: string, extra: Partial<TableCell> = {}): TableCell => ({ content: t(s === '' ? 'None recorded' : s), ...extra });
const strengthShade = (s: Strength): Shade => `strength-${s}` as Shade;
/** Objectives per matrix table: ten fit a landscape A4 page with readable words in each cell. */
export const MATRIX_COLUMNS = 10;

function sourceLine(ctx: BlockContext, what = 'alignment map'): string {
  return `${ctx.workbook.title}, ${what} as at ${ctx.facts.asAtText}`;
}


const label = (o: Pick<ObjectiveFacts, 'code' | 'title'>) => `${o.code} ${o.title}`.trim();


/**
 * The matrix after the roll-up: one table per theme (split further when a theme has more objectives than fit
 * across a landscape page), the services in scope as rows. A service with no contribution to any of a theme's
 * objectives is left out of that theme's table, as the sentence above the tables says.
 */
function alignmentMatrix(ctx: BlockContext): Block[] {
  const f = ctx.facts;
  if (f.objectives.length === 0 || f.services.length === 0) {
    ctx.warn('empty-data', 'The alignment matrix is empty: record objectives and services, and put services in the scope, first.');
    return [guidance('No alignment matrix yet', 'Record the council’s objectives and the library’s services, then map them, to produce the matrix.')];
  }
  const out: Block[] = [
    {
      kind: 'paragraph',
      content: t(
        `Each cell shows how strongly a service contributes to an objective: Strong, Medium, Weak or None. ${f.method} Objectives are shown by number, and the key gives their titles.${f.objectives.length > MATRIX_COLUMNS ? ' There is one table for each theme; a service with no contribution to a theme’s objectives is not listed in that theme’s table.' : ' A service with no contribution to any of these objectives is not listed.'}`,
      ),
    },
    table(ctx, 'objective-key', {
      caption: 'Objective key for the alignment matrix',
      columns: [
        { header: 'Number', width: 1.2 },
        { header: 'Objective', width: 8 },
      ],
      rows: f.objectives.map((o) => [cell(o.code), cell(o.title)]),
      rowHeaders: true,
      dense: true,
    }),
  ];
  // A matrix that fits across one page stays one table; a larger one gets a table for each theme.
  const groups =
    f.objectives.length <= MATRIX_COLUMNS
      ? [{ name: '', objectives: f.objectives }]
      : f.themes.map((theme) => ({
          name: theme.objectives.length === 1 && theme.objectives[0]!.id === theme.id ? `objective ${theme.code}` : `theme ${theme.code}, ${theme.title}`,
          objectives: theme.objectives,
        }));
  for (const group of groups) {
    const tables = matrixTables(ctx, group.name ? `Alignment matrix: ${group.name}` : 'Alignment matrix: services against objectives', group.objectives);
    out.push(...(tables.length > 0 ? tables : [{ kind: 'paragraph' as const, content: t(`No service in scope contributes to ${group.name || 'these objectives'}.`) }]));
  }
  return out;
}

const strengthOf = (serviceId: string, o: ObjectiveFacts): Strength => o.contributions.find((c) => c.serviceId === serviceId)?.strength ?? 0;

/** Services in scope against some objectives, at most MATRIX_COLUMNS to a table; services with no contribution to them are left out. */
function matrixTables(ctx: BlockContext, caption: string, objectives: readonly ObjectiveFacts[]): Block[] {
  const f = ctx.facts;
  const out: Block[] = [];
  const parts = Math.ceil(objectives.length / MATRIX_COLUMNS);
  for (let p = 0; p < parts; p++) {
    const chunk = objectives.slice(p * MATRIX_COLUMNS, (p + 1) * MATRIX_COLUMNS);
    const rows = f.services.filter((sf) => chunk.some((o) => strengthOf(sf.service.id, o) > 0));
    if (rows.length === 0) continue;
    out.push(
      table(ctx, 'alignment-matrix', {
        caption: parts > 1 ? `${caption}, part ${p + 1} of ${parts}` : caption,
        columns: [{ header: 'Service', width: Math.max(3.2, 8 - chunk.length) }, ...chunk.map((o) => ({ header: o.code, width: 1, align: 'centre' as const }))],
        rows: rows.map((sf) => [
          cell(sf.service.name),
          ...chunk.map((o) => {
            const st = strengthOf(sf.service.id, o);
            return cell(STRENGTH_LABEL[st], { shade: strengthShade(st), align: 'centre' });
          }),
        ]),
        rowHeaders: true,
        dense: true,
        source: f.source,
      }),
    );
  }
  return out;
}

function coverageByObjective(ctx: BlockContext): Block[] {
  const f = ctx.facts;
  if (f.objectives.length === 0) {
    ctx.warn('empty-data', 'Coverage by objective is empty: no objectives are in scope.');
    return [guidance('No objectives in scope', 'Record the council’s objectives and link the services in scope to them to show their contribution.')];
  }
  const n = (v: number) => cell(formatNumber(v), { align: 'right' });
  return [
    table(ctx, 'coverage-by-objective', {
      caption: f.scope.wholeService ? 'Library contribution to each council objective' : 'Contribution of the services in this proposal to each council objective',
      columns: [
        { header: 'Objective', width: 5.4 },
        { header: 'Strongest', width: 1.9 },
        { header: 'Strong', width: 1.4, align: 'right' },
        { header: 'Medium', width: 1.5, align: 'right' },
        { header: 'Weak', width: 1.3, align: 'right' },
        { header: 'With evidence', width: 1.9, align: 'right' },
      ],
      rows: f.objectives.map((o) => [
        cell(label(o)),
        cell(STRENGTH_LABEL[o.strength], { shade: strengthShade(o.strength) }),
        n(o.strong),
        n(o.medium),
        n(o.weak),
        cell(o.contributions.length === 0 ? 'Not applicable' : `${formatNumber(o.evidenced)} of ${formatNumber(o.contributions.length)}`, { align: 'right' }),
      ]),
      rowHeaders: true,
      source: f.source,
    }),
  ];
}

function coverageChart(ctx: BlockContext): Block[] {
  const spec: ChartSpec = coverageChartSpec(ctx.facts);
  if (spec.bars.length === 0) {
    ctx.warn('empty-data', 'The coverage chart is empty: no objectives are in scope.');
    return [];
  }
  return [
    {
      kind: 'figure',
      id: uniqueId(ctx.ids, 'coverage-chart'),
      chart: spec,
      alt: coverageAlt(spec),
      caption: ctx.facts.scope.wholeService
        ? 'Number of library services contributing to each council objective, by strength of contribution'
        : 'Number of services in this proposal contributing to each council objective, by strength of contribution',
      source: ctx.facts.source,
    },
  ];
}

/**
 * One list per theme: each objective with the services in scope that contribute, in honest words, with their
 * evidence cited. Options: heading="1-4" (the level of each theme's heading), number="3" (headings numbered 3.1,
 * 3.2…), kpis="yes" (each objective's KPIs listed beneath it).
 */
function contributions(ctx: BlockContext, options: Readonly<Record<string, string>>): Block[] {
  const f = ctx.facts;
  if (f.objectives.length === 0) {
    ctx.warn('empty-data', 'No objectives are in scope, so no contributions can be described.');
    return [];
  }
  const level = Math.min(4, Math.max(1, Number(options.heading ?? '4') || 4)) as 1 | 2 | 3 | 4;
  const none = f.scope.wholeService ? 'no library contribution is recorded yet.' : 'no service in this proposal contributes yet.';
  const out: Block[] = [];
  let n = 0;
  for (const theme of f.themes) {
    const own = theme.objectives.length === 1 && theme.objectives[0]!.id === theme.id;
    if (!own) {
      n++;
      const title = options.number ? `${options.number}.${n} ${theme.title}` : `Theme ${theme.code}: ${theme.title}`;
      out.push({ kind: 'heading', level, id: uniqueId(ctx.ids, title), content: t(title) });
      if (theme.description) out.push({ kind: 'paragraph', content: t(theme.description) });
    }
    const items: ListItem[] = theme.objectives.map((o) => {
      const content: Inline[] = [{ kind: 'text', text: label(o), emphasis: 'strong' }, { kind: 'text', text: ': ' }];
      for (const seg of contributionSegments(o, none)) {
        if ('text' in seg) content.push({ kind: 'text', text: seg.text });
        else {
          const c = ctx.cite(seg.cite);
          if (c) content.push({ kind: 'text', text: ' ' }, c);
        }
      }
      if (o.source) content.push({ kind: 'text', text: ` Objective from ${sourceRefText(o.source)}.` });
      const kpis = options.kpis === 'yes' ? o.kpis : [];
      return kpis.length === 0
        ? { content }
        : {
            content,
            children: {
              kind: 'list',
              ordered: false,
              items: kpis.map(({ kpi: k }) => {
                const parts = [k.baseline ? `baseline ${periodValue(k.baseline, k.unit)}` : '', k.target ? `target ${periodValue(k.target, k.unit)}` : ''].filter(Boolean);
                return { content: t(`Measured by ${k.name}${parts.length ? `: ${parts.join(', ')}` : ''}${k.source ? `. Source: ${k.source}` : ''}.`) };
              }),
            },
          };
    });
    out.push({ kind: 'list', ordered: false, items });
    // Too many services to name in a sentence: the table names every one, with its strength.
    if (theme.objectives.some((o) => o.contributions.length > NAMES_IN_A_SENTENCE))
      out.push(...matrixTables(ctx, own ? `Services contributing to objective ${theme.code}` : `Services contributing to theme ${theme.code}, ${theme.title}`, theme.objectives));
  }
  return out;
}

/** The services outside the scope that contribute to the objectives in scope: context, labelled as such. */
function widerService(ctx: BlockContext): Block[] {
  const f = ctx.facts;
  if (f.scope.wholeService || f.contextServices.length === 0) return [];
  const codes = (serviceId: string) => f.objectives.filter((o) => o.context.some((c) => c.serviceId === serviceId)).map((o) => o.code);
  return [
    table(ctx, 'wider-service', {
      caption: 'Context: other library services that contribute to the same objectives (not part of this proposal)',
      columns: [
        { header: 'Service', width: 4 },
        { header: 'Objectives', width: 3 },
        { header: 'Strongest', width: 1.9 },
      ],
      rows: f.contextServices.map((c) => [cell(c.name), cell(codes(c.serviceId).join(', ')), cell(STRENGTH_LABEL[c.strength], { shade: strengthShade(c.strength) })]),
      rowHeaders: true,
      source: f.source,
    }),
  ];
}

function servicesByOffer(ctx: BlockContext): Block[] {
  const names = new Map(ctx.workbook.services.map((s) => [s.id, s.name]));
  const offers = ctx.facts.offers.filter((o) => o.serviceIds.length > 0);
  if (offers.length === 0) {
    ctx.warn('empty-data', 'The services by Universal Library Offer table is empty: no services are in scope.');
    return [];
  }
  return [
    table(ctx, 'services-by-offer', {
      caption: ctx.facts.scope.wholeService ? 'Library services by Universal Library Offer' : 'Services in this proposal by Universal Library Offer',
      columns: [
        { header: 'Universal Library Offer', width: 3 },
        { header: 'Services', width: 1.7, align: 'right' },
        { header: 'Services in this offer', width: 7 },
      ],
      rows: offers.map((o) => [cell(o.offer), cell(formatNumber(o.serviceIds.length), { align: 'right' }), cell(listInWords(o.serviceIds.map((id) => names.get(id) ?? id)))]),
      rowHeaders: true,
      source: `${sourceLine(ctx, 'service list')}; offers as named by Libraries Connected`,
    }),
  ];
}

function servicesByOutcome(ctx: BlockContext): Block[] {
  const names = new Map(ctx.workbook.services.map((s) => [s.id, s.name]));
  if (ctx.facts.outcomes.length === 0) {
    ctx.warn('empty-data', 'The services by Ambition outcome table is empty: no service in scope records an Ambition outcome.');
    return [];
  }
  return [
    table(ctx, 'services-by-outcome', {
      caption: 'Services by Libraries Deliver: Ambition outcome',
      columns: [
        { header: 'Ambition outcome', width: 3 },
        { header: 'Services', width: 1.7, align: 'right' },
        { header: 'Objectives reached', width: 1.9, align: 'right' },
        { header: 'Services contributing', width: 6 },
      ],
      rows: ctx.facts.outcomes.map((o) => [
        cell(o.name),
        cell(formatNumber(o.serviceIds.length), { align: 'right' }),
        cell(formatNumber(o.objectiveIds.length), { align: 'right' }),
        cell(listInWords(o.serviceIds.map((id) => names.get(id) ?? id))),
      ]),
      rowHeaders: true,
      source: `${sourceLine(ctx)}; outcomes from Libraries Deliver: Ambition for Public Libraries in England 2016 to 2021`,
    }),
  ];
}

function periodValue(v: { value: number; period: { label: string } } | null, unit: string): string {
  return v ? valueWithUnit(v.value, unit, v.period.label) : 'Not set';
}

function kpiTable(ctx: BlockContext): Block[] {
  const titles = new Map(ctx.workbook.objectives.map((o) => [o.id, o.title]));
  const rows = ctx.facts.objectives.flatMap((o) =>
    o.kpis.map(({ kpi: k, objectiveId }) => [
      cell(k.name + (k.indicatorCode ? ` (${k.indicatorCode})` : '')),
      cell(objectiveId === o.id ? label(o) : `${label(o)}: ${titles.get(objectiveId) ?? ''}`),
      cell(periodValue(k.baseline, k.unit)),
      cell(periodValue(k.target, k.unit)),
      cell(k.direction === 'increase' ? 'Higher is better' : k.direction === 'decrease' ? 'Lower is better' : 'Maintain'),
      cell(k.source || 'Source not recorded'),
    ]),
  );
  if (rows.length === 0) {
    ctx.warn('empty-data', 'The KPI table is empty: no KPIs are recorded against the objectives in scope.');
    return [guidance('No KPIs recorded', 'Add the measures the council uses for each objective (baseline and target, with their periods and sources).')];
  }
  return [
    table(ctx, 'kpi-table', {
      caption: 'Key performance indicators, with baselines and targets',
      columns: [
        { header: 'Indicator', width: 3.3 },
        { header: 'Council objective', width: 3.1 },
        { header: 'Baseline', width: 2.4 },
        { header: 'Target', width: 2.4 },
        { header: 'Direction', width: 2 },
        { header: 'Source', width: 2.6 },
      ],
      rows,
      rowHeaders: true,
    }),
  ];
}

/** The evidence behind the contributions in scope, in the order the map cites it. */
function evidenceList(ctx: BlockContext): Block[] {
  const cited = new Set(ctx.facts.objectives.flatMap((o) => o.contributions.flatMap((c) => c.evidenceIds)));
  const items = ctx.facts.scope.wholeService && cited.size === 0 ? ctx.workbook.evidence : ctx.workbook.evidence.filter((e) => cited.has(e.id));
  const rows = items.map((e) => {
    const c = ctx.cite(e.id);
    return [
      { content: [...t(`${e.publisher ? `${asPhrase(e.title)}, ${e.publisher}` : e.title}${e.year ? ` (${e.year})` : ''} `), ...(c ? [c] : [])] },
      cell([asSentence(e.keyFinding), e.figure ? `Headline figure: ${asSentence(e.figure)}` : ''].filter(Boolean).join(' ')),
      cell(e.quality.charAt(0).toUpperCase() + e.quality.slice(1)),
    ];
  });
  if (rows.length === 0) {
    ctx.warn('empty-data', 'The evidence list is empty: no contribution in scope cites evidence.');
    return [guidance('No evidence recorded', 'Add the research, statistics and local data behind the claims in this document.')];
  }
  return [
    table(ctx, 'evidence-list', {
      caption: 'Evidence cited in this document',
      columns: [
        { header: 'Evidence', width: 4 },
        { header: 'Key finding', width: 6 },
        { header: 'Quality', width: 1.6 },
      ],
      rows,
      rowHeaders: true,
    }),
  ];
}

function questionFor(ctx: BlockContext, name: string, options: Readonly<Record<string, string>>, at: Location): Question {
  const id = options.question;
  if (!id) throw new TemplateError(at, `{{block ${name}}} needs question="…", naming a table question in template.json.`);
  const q = ctx.questions.find((x) => x.id === id);
  if (!q) throw new TemplateError(at, `{{block ${name}}} names the question "${id}", which is not in template.json.`);
  if (q.kind !== 'table') throw new TemplateError(at, `{{block ${name}}} needs a table question, but "${id}" is a ${q.kind} question.`);
  return q;
}

const LEVELS: Record<string, number> = { low: 1, l: 1, medium: 2, med: 2, m: 2, high: 3, h: 3, 'very high': 4 };

function ragFor(likelihood: string, impact: string): { label: string; shade: Shade } | null {
  const l = LEVELS[likelihood.trim().toLowerCase()];
  const i = LEVELS[impact.trim().toLowerCase()];
  if (!l || !i) return null;
  const score = l * i;
  return score >= 6 ? { label: 'Red (high)', shade: 'rag-red' } : score >= 3 ? { label: 'Amber (medium)', shade: 'rag-amber' } : { label: 'Green (low)', shade: 'rag-green' };
}

function answerTable(ctx: BlockContext, name: string, q: Question, caption: string, extraRows: TableCell[][] = [], addRating = false): Block[] {
  const raw = Object.hasOwn(ctx.answers, q.id) ? ctx.answers[q.id]! : (q.default ?? '');
  const rows = raw.trim() ? parseTableAnswer(raw, q.columns.map((c) => c.id)) : [];
  const WIDTHS: Record<string, number> = { description: 4, mitigation: 4, risk: 4, assessment: 4, activity: 4, detail: 4, benefit: 4, measure: 4, likelihood: 2.3, impact: 1.9, owner: 2.4 };
  const columns = q.columns.map((c) => ({ header: c.label, width: WIDTHS[c.id] ?? 2.2 }));
  const lik = q.columns.find((c) => c.id === 'likelihood');
  const imp = q.columns.find((c) => c.id === 'impact');
  const rating = addRating && lik && imp;
  const body: TableCell[][] = rows.map((r) => {
    const cells = q.columns.map((c) => cell(r[c.id] ?? ''));
    if (rating) {
      const rag = ragFor(r.likelihood ?? '', r.impact ?? '');
      cells.push(rag ? cell(rag.label, { shade: rag.shade }) : cell('Not rated'));
    }
    return cells;
  });
  const out: Block[] = [];
  if (rows.length === 0) {
    ctx.unanswered(q);
    out.push(guidance(`To complete: ${q.label}`, q.hint || `Add the rows of “${q.label}”.`));
  }
  const allRows = [...body, ...extraRows.map((r) => (rating ? r : r.slice(0, q.columns.length)))];
  if (allRows.length > 0)
    out.push(
      table(ctx, name, {
        caption,
        columns: rating ? [...columns, { header: 'Rating', width: 2.2 }] : columns,
        rows: allRows,
        rowHeaders: true,
      }),
    );
  return out;
}

function optionsAppraisal(ctx: BlockContext, options: Readonly<Record<string, string>>, at: Location): Block[] {
  const q = questionFor(ctx, 'options-appraisal', options, at);
  return answerTable(ctx, 'options-appraisal', q, options.caption ?? 'Options appraisal');
}

function riskRegister(ctx: BlockContext, options: Readonly<Record<string, string>>, at: Location): Block[] {
  const q = questionFor(ctx, 'risk-register', options, at);
  return answerTable(ctx, 'risk-register', q, options.caption ?? 'Risk register', [], true);
}

function partnerAlignment(ctx: BlockContext): Block[] {
  const partner = ctx.facts.scope.partnerId ? ctx.workbook.partners.find((p) => p.id === ctx.facts.scope.partnerId) : undefined;
  if (!partner) {
    ctx.warn('missing-partner', 'No partner is chosen, so the shared objectives table cannot be produced.');
    return [guidance('Choose a partner', 'Choose the partner organisation this proposal is for; its objectives and their overlap with the council’s are then shown here.')];
  }
  const f = ctx.facts;
  const byId = new Map(f.objectives.map((o) => [o.id, o]));
  const rows = partner.objectives.map((po) => {
    const reported = [...new Set(po.objectiveIds.map((id) => f.tree.reportedOf.get(id)).filter((id): id is string => id !== undefined))].sort(
      (a, b) => (f.tree.order.get(a) ?? 0) - (f.tree.order.get(b) ?? 0),
    );
    const best = new Map<string, { name: string; strength: Strength }>();
    for (const id of reported)
      for (const c of byId.get(id)?.contributions ?? [])
        if ((best.get(c.serviceId)?.strength ?? 0) < c.strength) best.set(c.serviceId, { name: c.name, strength: c.strength });
    const top = [...best.values()].sort((a, b) => b.strength - a.strength);
    const max = (top[0]?.strength ?? 0) as Strength;
    return [
      cell(po.title),
      cell(reported.map((id) => f.tree.codes.get(id) ?? '').join(', ') || 'Not yet mapped'),
      cell(top.length ? top.map((x) => `${x.name} (${STRENGTH_LABEL[x.strength].toLowerCase()})`).join('; ') : 'None in scope'),
      cell(STRENGTH_LABEL[max], { shade: strengthShade(max) }),
    ];
  });
  if (rows.length === 0) {
    ctx.warn('empty-data', `${partner.name} has no objectives recorded, so shared objectives cannot be shown.`);
    return [guidance('Record the partner’s objectives', `Add ${partner.name}’s objectives and map each to the council objectives it shares.`)];
  }
  return [
    table(ctx, 'partner-alignment', {
      caption: `${partner.name} (${PARTNER_TYPE_LABELS[partner.type]}): shared objectives and the contribution of the services in scope`,
      columns: [
        { header: `${partner.name} objective`, width: 3 },
        { header: 'Council objectives', width: 2.2 },
        { header: 'Services contributing (strength)', width: 5 },
        { header: 'Strongest', width: 1.9 },
      ],
      rows,
      rowHeaders: true,
      source: sourceLine(ctx, 'partner map'),
    }),
  ];
}

function serviceReach(ctx: BlockContext, options: Readonly<Record<string, string>>): Block[] {
  const f = ctx.facts;
  let services = f.services.map((sf) => sf.service);
  if (options.scope === 'partner' && f.scope.partnerId) {
    const partner = ctx.workbook.partners.find((p) => p.id === f.scope.partnerId);
    const shared = new Set((partner?.objectives.flatMap((o) => o.objectiveIds) ?? []).map((id) => f.tree.reportedOf.get(id)));
    const ids = new Set(f.objectives.filter((o) => shared.has(o.id)).flatMap((o) => o.contributions.map((c) => c.serviceId)));
    services = services.filter((s) => ids.has(s.id));
  }
  if (services.length === 0) {
    ctx.warn('empty-data', 'The service reach table is empty: no services are in scope.');
    return [guidance('No services in scope', 'Put the services this document is about in its scope, and describe their reach, cost and staffing.')];
  }
  return [
    table(ctx, 'service-reach', {
      caption: f.scope.wholeService ? 'Library services: reach, cost and staffing' : 'Services in this proposal: reach, cost and staffing',
      columns: [
        { header: 'Service', width: 3 },
        { header: 'Universal Offer', width: 2.5 },
        { header: 'Where', width: 2 },
        { header: 'Reach (period, source)', width: 4.5 },
        { header: 'Cost (period)', width: 2.2 },
        { header: 'Staff and volunteers', width: 2.6 },
      ],
      rows: services.map((s) => [
        cell(s.name),
        cell(s.offer),
        cell(s.branches.length ? plural(s.branches.length, 'library', 'libraries') : 'Not recorded'),
        cell(
          s.measures.length
            ? s.measures
                .map((m) => {
                  const unit = m.unit && m.unit !== m.label ? ` ${m.unit}` : '';
                  const where = [m.period.label, m.source].filter(Boolean).join(', ');
                  return `${m.label}: ${formatNumber(m.value)}${unit}${where ? ` (${where})` : ''}`;
                })
                .join('; ')
            : 'Not recorded',
        ),
        cell(s.cost ? `${formatMoney(s.cost.amount)}${s.cost.period.label ? ` (${s.cost.period.label})` : ''}` : 'Not recorded'),
        cell(
          [s.staffFte !== null ? `${formatNumber(s.staffFte)} FTE staff` : '', s.volunteers !== null && s.volunteers > 0 ? plural(s.volunteers, 'volunteer') : '']
            .filter(Boolean)
            .join(', ') || 'Not recorded',
        ),
      ]),
      rowHeaders: true,
      dense: services.length > 20,
      source: `${sourceLine(ctx, 'service records')}. Staff and volunteers are given for each service and are not added up, because one person can help with several services.`,
    }),
  ];
}

/** Headline figures, each read from the facts; a figure that would be zero or meaningless is left out. */
function keyFigures(ctx: BlockContext): Block[] {
  const f = ctx.facts;
  const g = f.figures;
  const whole = f.scope.wholeService;
  const items: Array<{ value: string; label: string; source: string }> = [];
  if (g.amount) items.push({ value: formatMoney(g.amount.value, 'short'), label: `sum asked for${g.amount.period ? ` (${g.amount.period})` : ''}`, source: 'This proposal' });
  if (g.services.value > 0)
    items.push({
      value: g.services.text,
      label: whole ? (g.services.value === 1 ? 'library service' : 'library services') : g.services.value === 1 ? 'service in this proposal' : 'services in this proposal',
      source: g.services.source,
    });
  if (g.libraries.value > 0)
    items.push({
      value: g.libraries.text,
      label: `${g.libraries.value === 1 ? 'library' : 'libraries'} delivering ${g.services.value === 1 ? 'it' : 'them'}`,
      source: g.libraries.source,
    });
  if (g.objectives.value > 0) {
    const all = g.objectivesContributed.value === g.objectives.value;
    items.push({
      value: all ? g.objectives.text : `${g.objectivesContributed.text} of ${g.objectives.text}`,
      label: g.objectives.value === 1 && all ? 'council objective contributed to' : 'council objectives contributed to',
      source: g.objectives.source,
    });
  }
  if (g.objectivesStrong.value > 0)
    items.push({ value: g.objectivesStrong.text, label: g.objectivesStrong.value === 1 ? 'objective with a strong contribution' : 'objectives with a strong contribution', source: g.objectivesStrong.source });
  if (g.contributions.value > 0)
    items.push({
      value: `${formatNumber(g.contributionsEvidenced.value)} of ${g.contributions.text}`,
      label: g.contributions.value === 1 ? 'contribution cites evidence' : 'contributions cite evidence',
      source: g.contributionsEvidenced.source,
    });
  if (g.costedServices.value > 0)
    items.push({
      value: formatMoney(g.cost.value, 'short'),
      label: `current recorded cost of ${g.costedServices.value === g.services.value ? (g.services.value === 1 ? 'the service' : 'these services') : `${plural(g.costedServices.value, 'service')} with a recorded cost`}${g.cost.period ? ` (${g.cost.period})` : ''}`,
      source: g.cost.source,
    });
  if (items.length === 0) {
    ctx.warn('empty-data', 'There are no key figures yet: put services in the scope and link them to objectives.');
    return [];
  }
  return [{ kind: 'key-figures', title: 'Key figures', items }];
}

/** Medium and strong claims in scope whose evidence is thin. For the officer's own templates; the built-in ones leave this to the Documents step's readiness checklist. */
function weakClaimsTable(ctx: BlockContext): Block[] {
  const f = ctx.facts;
  const services = new Map(ctx.workbook.services.map((s) => [s.id, s.name]));
  const objectives = new Map(ctx.workbook.objectives.map((o) => [o.id, o.title]));
  const inScope = new Set(f.scope.serviceIds);
  const claims = ctx.analysis.weakClaims.filter((w) => inScope.has(w.serviceId) && f.scope.objectiveIds.includes(f.tree.reportedOf.get(w.objectiveId) ?? ''));
  const text = { 'no-evidence': 'No evidence cited', 'weak-evidence': 'Only limited or anecdotal evidence', 'low-confidence': 'Low confidence' } as const;
  if (claims.length === 0) return [];
  return [
    table(ctx, 'weak-claims', {
      caption: 'Contributions with limited evidence',
      columns: [
        { header: 'Service', width: 3 },
        { header: 'Objective', width: 4 },
        { header: 'Strength', width: 1.7 },
        { header: 'Evidence', width: 3 },
      ],
      rows: claims.map((w) => [
        cell(services.get(w.serviceId) ?? w.serviceId),
        cell(objectives.get(w.objectiveId) ?? w.objectiveId),
        cell(STRENGTH_LABEL[w.strength], { shade: strengthShade(w.strength) }),
        cell(listInWords(w.reasons.map((r) => text[r]))),
      ]),
      rowHeaders: true,
      source: sourceLine(ctx),
    }),
  ];
}

/** Objectives in scope with no or only weak contribution, with services that could contribute. */
function gapsTable(ctx: BlockContext): Block[] {
  const f = ctx.facts;
  const services = new Map(ctx.workbook.services.map((s) => [s.id, s.name]));
  const gaps = f.objectives.filter((o) => o.strength <= 1);
  if (gaps.length === 0) return [];
  const candidates = (id: string) =>
    ctx.analysis.suggestions.filter((s) => f.tree.reportedOf.get(s.objectiveId) === id).map((s) => services.get(s.serviceId) ?? s.serviceId);
  return [
    table(ctx, 'gaps', {
      caption: 'Objectives with no or only a weak contribution',
      columns: [
        { header: 'Objective', width: 5 },
        { header: 'Strongest', width: 1.9 },
        { header: 'Services that could contribute', width: 5 },
      ],
      rows: gaps.map((o) => [
        cell(label(o)),
        cell(STRENGTH_LABEL[o.strength], { shade: strengthShade(o.strength) }),
        cell(listInWords([...new Set(candidates(o.id))]) || 'None identified yet'),
      ]),
      rowHeaders: true,
      source: sourceLine(ctx),
    }),
  ];
}

export function renderNamedBlock(ctx: BlockContext, name: string, options: Readonly<Record<string, string>>, at: Location): Block[] {
  if (isBusinessCaseBlock(name)) return renderBusinessCaseBlock(ctx, name);
  switch (name) {
    case 'alignment-matrix':
      return alignmentMatrix(ctx);
    case 'coverage-by-objective':
      return coverageByObjective(ctx);
    case 'coverage-chart':
      return coverageChart(ctx);
    case 'services-by-offer':
      return servicesByOffer(ctx);
    case 'services-by-outcome':
      return servicesByOutcome(ctx);
    case 'kpi-table':
      return kpiTable(ctx);
    case 'evidence-list':
      return evidenceList(ctx);
    case 'options-appraisal':
      return optionsAppraisal(ctx, options, at);
    case 'risk-register':
      return riskRegister(ctx, options, at);
    case 'partner-alignment':
      return partnerAlignment(ctx);
    case 'service-reach':
      return serviceReach(ctx, options);
    case 'key-figures':
      return keyFigures(ctx);
    case 'weak-claims':
      return weakClaimsTable(ctx);
    case 'gaps':
      return gapsTable(ctx);
    case 'how-we-compare':
      return howWeCompare(ctx, options, at);
    case 'toc': {
      const depth = Number(options.depth ?? '2');
      return [{ kind: 'toc', title: options.title ?? 'Contents', maxLevel: (depth >= 3 ? 3 : depth <= 1 ? 1 : 2) as 1 | 2 | 3 }];
    }
    case 'contributions':
      return contributions(ctx, options);
    case 'wider-service':
      return widerService(ctx);
    case 'kpi-progress':
      return kpiProgressBlocks(ctx);
    case 'action-plan':
      return actionPlanBlocks(ctx, options, at);
    case 'references': {
      const title = options.title ?? 'References';
      return [
        { kind: 'heading', level: 1, id: uniqueId(ctx.ids, title), content: [{ kind: 'text', text: title }] },
        { kind: 'references', title },
      ];
    }
    default:
      if (isCommitteeBlock(name)) return renderCommitteeBlock(ctx, name, options, at);
      throw new TemplateError(at, `"${name}" is not a named block. Blocks are: ${BLOCK_NAMES.join(', ')}.`);
  }
}

