/**
 * Named blocks: the data-driven tables, charts and figures a template places with {{block name}}. Each is built
 * from the workbook and its analysis, carries a caption and a source line, and puts a word beside every colour
 * (heat-map and RAG cells say "Strong", "High"…), so nothing depends on colour alone.
 */
import type { AnalysisReport } from '../../analysis/report';
import { inTreeOrder } from '../../analysis/hierarchy';
import { PARTNER_TYPE_LABELS, UNIVERSAL_OFFERS, type Strength } from '../../model/vocabulary';
import type { Workbook } from '../../model/workbook-schema';
import { uniqueId, type Block, type ChartSpec, type Inline, type Shade, type TableBlock, type TableCell } from '../model';
import { coverageAlt, coverageChartSpec } from '../charts/coverage-chart';
import { formatDate, formatMoney, formatNumber, formatPercent, listInWords, plural } from './format';
import type { Question } from './manifest';
import { parseTableAnswer, STATUS_LABEL, STRENGTH_LABEL } from './data-view';
import { TemplateError, type Location } from './syntax';
import { howWeCompare } from './compare-block';

export const BLOCK_NAMES = [
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
] as const;

export interface BlockContext {
  readonly workbook: Workbook;
  readonly analysis: AnalysisReport;
  readonly questions: readonly Question[];
  readonly answers: Readonly<Record<string, string>>;
  readonly partnerId: string | null;
  readonly generatedAt: Date;
  readonly ids: Set<string>;
  cite(evidenceId: string): Inline | null;
  unanswered(q: Question): void;
  warn(kind: 'empty-data' | 'missing-partner', message: string): void;
}

const t = (s: string): Inline[] => (s === '' ? [] : [{ kind: 'text', text: s }]);
const cell = (s: string, extra: Partial<TableCell> = {}): TableCell => ({ content: t(s === '' ? 'None recorded' : s), ...extra });
const strengthShade = (s: Strength): Shade => `strength-${s}` as Shade;
/** Objectives per matrix table: ten fit a landscape A4 page with readable words in each cell. */
export const MATRIX_COLUMNS = 10;

function sourceLine(ctx: BlockContext, what = 'alignment map'): string {
  return `${ctx.workbook.title}, ${what} as at ${formatDate(ctx.generatedAt)}`;
}

function table(ctx: BlockContext, base: string, fields: Omit<TableBlock, 'kind' | 'id'>): TableBlock {
  return { kind: 'table', id: uniqueId(ctx.ids, base), ...fields };
}

function numbering(wb: Workbook): Map<string, string> {
  const numbers = new Map<string, string>();
  const counters: number[] = [];
  for (const { objective, depth } of inTreeOrder(wb.objectives)) {
    counters.length = depth + 1;
    counters[depth] = (counters[depth] ?? 0) + 1;
    numbers.set(objective.id, counters.map((n) => n ?? 1).join('.'));
  }
  return numbers;
}

/** Names in a sentence, the first few and a count of the rest, so a cell stays readable in a large workbook. */
function someNames(names: readonly string[], max = 5): string {
  if (names.length <= max) return listInWords(names);
  return `${names.slice(0, max).join(', ')} and ${plural(names.length - max, 'other')}`;
}

/** Rows listed in full before a table is cut short with a count of the rest. */
export const MAX_LISTED_ROWS = 15;

function guidance(title: string, text: string): Block {
  return { kind: 'callout', tone: 'guidance', title, blocks: [{ kind: 'paragraph', content: [{ kind: 'guidance', text }] }] };
}

function alignmentMatrix(ctx: BlockContext): Block[] {
  const wb = ctx.workbook;
  const numbers = numbering(wb);
  const objectives = ctx.analysis.objectives.filter((o) => o.assessable);
  if (objectives.length === 0 || wb.services.length === 0) {
    ctx.warn('empty-data', 'The alignment matrix is empty: record objectives and services first.');
    return [guidance('No alignment matrix yet', 'Record the council’s objectives and the library’s services, then map them, to produce the matrix.')];
  }
  const strength = new Map<string, Strength>();
  for (const a of wb.alignments) strength.set(`${a.serviceId}|${a.objectiveId}`, a.strength);
  const out: Block[] = [
    {
      kind: 'paragraph',
      content: t(
        'Each cell shows how strongly a service contributes to an objective: Strong, Medium, Weak or None. Objectives are shown by number; the objective key gives their titles.',
      ),
    },
    table(ctx, 'objective-key', {
      caption: 'Objective key for the alignment matrix',
      columns: [
        { header: 'Number', width: 1 },
        { header: 'Objective', width: 8 },
      ],
      rows: objectives.map((o) => [cell(numbers.get(o.objectiveId) ?? ''), cell(o.title)]),
      rowHeaders: true,
      dense: true,
    }),
  ];
  const parts = Math.ceil(objectives.length / MATRIX_COLUMNS);
  for (let p = 0; p < parts; p++) {
    const chunk = objectives.slice(p * MATRIX_COLUMNS, (p + 1) * MATRIX_COLUMNS);
    const first = numbers.get(chunk[0]!.objectiveId) ?? '';
    const last = numbers.get(chunk[chunk.length - 1]!.objectiveId) ?? '';
    out.push(
      table(ctx, 'alignment-matrix', {
        caption: parts > 1 ? `Alignment matrix, part ${p + 1} of ${parts}: objectives ${first} to ${last}` : 'Alignment matrix: services against objectives',
        columns: [{ header: 'Service', width: 3.2 }, ...chunk.map((o) => ({ header: numbers.get(o.objectiveId) ?? '', width: 1, align: 'centre' as const }))],
        rows: wb.services.map((s) => [
          cell(s.name),
          ...chunk.map((o) => {
            const st = strength.get(`${s.id}|${o.objectiveId}`) ?? 0;
            return cell(STRENGTH_LABEL[st], { shade: strengthShade(st), align: 'centre' });
          }),
        ]),
        rowHeaders: true,
        dense: true,
        source: sourceLine(ctx),
      }),
    );
  }
  return out;
}

function coverageByObjective(ctx: BlockContext): Block[] {
  const numbers = numbering(ctx.workbook);
  const services = new Map(ctx.workbook.services.map((s) => [s.id, s.name]));
  const rows = ctx.analysis.objectives
    .filter((o) => o.assessable)
    .map((o) => [
      cell(`${numbers.get(o.objectiveId) ?? ''} ${o.title}`.trim()),
      cell(STATUS_LABEL[o.status], { shade: strengthShade(o.maxStrength) }),
      cell(formatNumber(o.contributors.length), { align: 'right' }),
      cell(someNames(o.contributors.filter((c) => c.strength >= 2).map((c) => services.get(c.serviceId) ?? c.serviceId)) || 'None'),
      cell(o.contributors.length === 0 ? 'Not applicable' : formatPercent(o.evidencedShare), { align: 'right' }),
    ]);
  if (rows.length === 0) {
    ctx.warn('empty-data', 'Coverage by objective is empty: no objectives are recorded.');
    return [guidance('No objectives recorded', 'Record the council’s objectives to show coverage.')];
  }
  return [
    table(ctx, 'coverage-by-objective', {
      caption: 'Library contribution to each council objective',
      columns: [
        { header: 'Objective', width: 5 },
        { header: 'Strongest', width: 1.9 },
        { header: 'Services', width: 1.7, align: 'right' },
        { header: 'Main contributing services', width: 4.6 },
        { header: 'Evidenced', width: 2, align: 'right' },
      ],
      rows,
      rowHeaders: true,
      source: sourceLine(ctx),
    }),
  ];
}

function coverageChart(ctx: BlockContext): Block[] {
  const spec: ChartSpec = coverageChartSpec(ctx.workbook, ctx.analysis, numbering(ctx.workbook));
  if (spec.bars.length === 0) {
    ctx.warn('empty-data', 'The coverage chart is empty: no objectives are recorded.');
    return [];
  }
  return [
    {
      kind: 'figure',
      id: uniqueId(ctx.ids, 'coverage-chart'),
      chart: spec,
      alt: coverageAlt(spec),
      caption: 'Number of library services contributing to each council objective, by strength of contribution',
      source: sourceLine(ctx),
    },
  ];
}

function servicesByOffer(ctx: BlockContext): Block[] {
  const rows = UNIVERSAL_OFFERS.map((offer) => {
    const names = ctx.workbook.services.filter((s) => s.offer === offer).map((s) => s.name);
    return [cell(offer), cell(formatNumber(names.length), { align: 'right' }), cell(names.length ? someNames(names, 12) : 'None')];
  });
  return [
    table(ctx, 'services-by-offer', {
      caption: 'Library services by Universal Library Offer',
      columns: [
        { header: 'Universal Library Offer', width: 3 },
        { header: 'Services', width: 1.7, align: 'right' },
        { header: 'Services in this offer', width: 7 },
      ],
      rows,
      rowHeaders: true,
      source: `${sourceLine(ctx, 'service list')}; offers as named by Libraries Connected`,
    }),
  ];
}

function servicesByOutcome(ctx: BlockContext): Block[] {
  const services = new Map(ctx.workbook.services.map((s) => [s.id, s.name]));
  return [
    table(ctx, 'services-by-outcome', {
      caption: 'Library services by Libraries Deliver: Ambition outcome',
      columns: [
        { header: 'Ambition outcome', width: 3 },
        { header: 'Services', width: 1.7, align: 'right' },
        { header: 'Council objectives reached', width: 1.8, align: 'right' },
        { header: 'Services contributing', width: 6 },
      ],
      rows: ctx.analysis.outcomes.map((o) => [
        cell(o.name),
        cell(formatNumber(o.serviceIds.length), { align: 'right' }),
        cell(formatNumber(o.objectiveIds.length), { align: 'right' }),
        cell(o.serviceIds.length ? someNames(o.serviceIds.map((id) => services.get(id) ?? id), 12) : 'None'),
      ]),
      rowHeaders: true,
      source: `${sourceLine(ctx)}; outcomes from Libraries Deliver: Ambition for Public Libraries in England 2016 to 2021`,
    }),
  ];
}

function periodValue(v: { value: number; period: { label: string } } | null, unit: string): string {
  if (!v) return 'Not set';
  const u = unit === '%' ? '%' : unit ? ` ${unit}` : '';
  return `${formatNumber(v.value)}${u}${v.period.label ? ` (${v.period.label})` : ''}`;
}

function kpiTable(ctx: BlockContext): Block[] {
  const rows = inTreeOrder(ctx.workbook.objectives).flatMap(({ objective }) =>
    objective.kpis.map((k) => [
      cell(k.name + (k.indicatorCode ? ` (${k.indicatorCode})` : '')),
      cell(objective.title),
      cell(periodValue(k.baseline, k.unit)),
      cell(periodValue(k.target, k.unit)),
      cell(k.direction === 'increase' ? 'Higher is better' : k.direction === 'decrease' ? 'Lower is better' : 'Maintain'),
      cell(k.source || 'Source not recorded'),
    ]),
  );
  if (rows.length === 0) {
    ctx.warn('empty-data', 'The KPI table is empty: no KPIs are recorded against objectives.');
    return [guidance('No KPIs recorded', 'Add the measures the council uses for each objective (baseline and target, with their periods and sources).')];
  }
  return [
    table(ctx, 'kpi-table', {
      caption: 'Key performance indicators, with baselines and targets',
      columns: [
        { header: 'Indicator', width: 3.5 },
        { header: 'Council objective', width: 3 },
        { header: 'Baseline', width: 2 },
        { header: 'Target', width: 2 },
        { header: 'Direction', width: 1.6 },
        { header: 'Source', width: 3 },
      ],
      rows,
      rowHeaders: true,
    }),
  ];
}

function evidenceList(ctx: BlockContext): Block[] {
  const rows = ctx.workbook.evidence.map((e) => {
    const c = ctx.cite(e.id);
    return [
      { content: [...t(`${e.title}${e.publisher ? `, ${e.publisher}` : ''}${e.year ? ` (${e.year})` : ''} `), ...(c ? [c] : [])] },
      cell(e.keyFinding + (e.figure ? ` Headline figure: ${e.figure}.` : '')),
      cell(e.quality.charAt(0).toUpperCase() + e.quality.slice(1)),
    ];
  });
  if (rows.length === 0) {
    ctx.warn('empty-data', 'The evidence list is empty: no evidence is recorded.');
    return [guidance('No evidence recorded', 'Add the research, statistics and local data behind the claims in this document.')];
  }
  return [
    table(ctx, 'evidence-list', {
      caption: 'Evidence cited in this document',
      columns: [
        { header: 'Evidence', width: 4 },
        { header: 'Key finding', width: 6 },
        { header: 'Quality', width: 1.5 },
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
  const services = new Map(ctx.workbook.services.map((s) => [s.id, s.name]));
  const objectives = new Map(ctx.workbook.objectives.map((o) => [o.id, o.title]));
  const derived: TableCell[][] = [];
  const columnCell = (id: string, value: string) => (q.columns.some((c) => c.id === id) ? value : null);
  const row = (values: Record<string, string>, rag: { label: string; shade: Shade }) => [
    ...q.columns.map((c) => cell(values[c.id] ?? '')),
    cell(rag.label, { shade: rag.shade }),
  ];
  const claims = ctx.analysis.weakClaims.slice(0, 5);
  if (claims.length > 0 && columnCell('risk', '') !== null)
    derived.push(
      row(
        {
          risk: `From the alignment map: claimed contributions rest on weak evidence (${plural(ctx.analysis.weakClaims.length, 'claim')}, e.g. ${listInWords(claims.slice(0, 2).map((c) => `${services.get(c.serviceId) ?? ''} to “${objectives.get(c.objectiveId) ?? ''}”`))})`,
          likelihood: 'Medium',
          impact: 'Medium',
          mitigation: 'Cite local data or national research for each medium or strong claim before the decision meeting.',
          owner: 'Head of library service',
        },
        { label: 'Amber (medium)', shade: 'rag-amber' },
      ),
    );
  const unlinked = ctx.analysis.unlinkedServiceIds;
  if (unlinked.length > 0 && columnCell('risk', '') !== null)
    derived.push(
      row(
        {
          risk: `From the alignment map: ${plural(unlinked.length, 'service has', 'services have')} no recorded link to a council objective and may be questioned in budget setting`,
          likelihood: 'Medium',
          impact: 'Low',
          mitigation: 'Map each service to the objectives it supports, or explain its statutory role.',
          owner: 'Libraries strategy lead',
        },
        { label: 'Green (low)', shade: 'rag-green' },
      ),
    );
  return answerTable(ctx, 'risk-register', q, options.caption ?? 'Risk register', derived, true);
}

function partnerAlignment(ctx: BlockContext): Block[] {
  const partner = ctx.partnerId ? ctx.workbook.partners.find((p) => p.id === ctx.partnerId) : undefined;
  if (!partner) {
    ctx.warn('missing-partner', 'No partner is chosen, so the shared objectives table cannot be produced.');
    return [guidance('Choose a partner', 'Choose the partner organisation this proposal is for; its objectives and their overlap with the council’s are then shown here.')];
  }
  const services = new Map(ctx.workbook.services.map((s) => [s.id, s.name]));
  const objectives = new Map(ctx.workbook.objectives.map((o) => [o.id, o.title]));
  const rows = partner.objectives.map((po) => {
    const ids = new Set(po.objectiveIds);
    const best = new Map<string, Strength>();
    for (const a of ctx.workbook.alignments)
      if (a.strength > 0 && ids.has(a.objectiveId)) best.set(a.serviceId, Math.max(best.get(a.serviceId) ?? 0, a.strength) as Strength);
    const top = [...best.entries()].sort((a, b) => b[1] - a[1]);
    const max = (top[0]?.[1] ?? 0) as Strength;
    return [
      cell(po.title),
      cell(someNames(po.objectiveIds.map((id) => objectives.get(id) ?? '').filter(Boolean), 6) || 'Not yet mapped'),
      cell(top.length ? someNames(top.map(([id, s]) => `${services.get(id) ?? id} (${STRENGTH_LABEL[s].toLowerCase()})`), 6) : 'None yet'),
      cell(STRENGTH_LABEL[max], { shade: strengthShade(max) }),
    ];
  });
  if (rows.length === 0) {
    ctx.warn('empty-data', `${partner.name} has no objectives recorded, so shared objectives cannot be shown.`);
    return [guidance('Record the partner’s objectives', `Add ${partner.name}’s objectives and map each to the council objectives it shares.`)];
  }
  return [
    table(ctx, 'partner-alignment', {
      caption: `${partner.name} (${PARTNER_TYPE_LABELS[partner.type]}): shared objectives and library contribution`,
      columns: [
        { header: `${partner.name} objective`, width: 3 },
        { header: 'Council objectives it shares', width: 3.4 },
        { header: 'Library services contributing (strength)', width: 4.2 },
        { header: 'Strongest', width: 1.9 },
      ],
      rows,
      rowHeaders: true,
      source: sourceLine(ctx, 'partner map'),
    }),
  ];
}

function serviceReach(ctx: BlockContext, options: Readonly<Record<string, string>>): Block[] {
  const partnerOnly = options.scope === 'partner' && ctx.partnerId;
  let services = ctx.workbook.services;
  if (partnerOnly) {
    const partner = ctx.workbook.partners.find((p) => p.id === ctx.partnerId);
    const shared = new Set(partner?.objectives.flatMap((o) => o.objectiveIds) ?? []);
    const ids = new Set(ctx.workbook.alignments.filter((a) => a.strength > 0 && shared.has(a.objectiveId)).map((a) => a.serviceId));
    services = services.filter((s) => ids.has(s.id));
  }
  if (services.length === 0) {
    ctx.warn('empty-data', 'The service reach table is empty: no services are recorded.');
    return [guidance('No services recorded', 'Describe the library services, with their reach, cost and staffing.')];
  }
  return [
    table(ctx, 'service-reach', {
      caption: 'Library services: reach, cost and staffing',
      columns: [
        { header: 'Service', width: 3 },
        { header: 'Universal Offer', width: 2 },
        { header: 'Where', width: 2.2 },
        { header: 'Reach (period, source)', width: 4.5 },
        { header: 'Cost (period)', width: 2.2 },
        { header: 'Staff and volunteers', width: 2 },
      ],
      rows: services.map((s) => [
        cell(s.name),
        cell(s.offer),
        cell(s.branches.length ? plural(s.branches.length, 'library', 'libraries') : 'Not recorded'),
        cell(
          s.measures.length
            ? s.measures
                .map((m) => `${m.label}: ${formatNumber(m.value)}${m.unit && m.unit !== m.label ? ` ${m.unit}` : ''}${m.period.label ? ` (${m.period.label}` : ' ('}${m.source ? `${m.period.label ? ', ' : ''}${m.source})` : ')'}`.replace(' ()', ''))
                .join('; ')
            : 'Not recorded',
        ),
        cell(s.cost ? `${formatMoney(s.cost.amount)}${s.cost.period.label ? ` (${s.cost.period.label})` : ''}` : 'Not recorded'),
        cell(
          [s.staffFte !== null ? `${formatNumber(s.staffFte)} FTE staff` : '', s.volunteers !== null ? plural(s.volunteers, 'volunteer') : '']
            .filter(Boolean)
            .join(', ') || 'Not recorded',
        ),
      ]),
      rowHeaders: true,
      dense: services.length > 20,
      source: sourceLine(ctx, 'service records'),
    }),
  ];
}

function keyFigures(ctx: BlockContext): Block[] {
  const tt = ctx.analysis.totals;
  const source = `${ctx.workbook.title}, as at ${formatDate(ctx.generatedAt)}`;
  const costed = ctx.workbook.services.filter((s) => s.cost);
  const periods = [...new Set(costed.map((s) => s.cost?.period.label).filter(Boolean))];
  const items = [
    { value: `${formatNumber(tt.covered)} of ${formatNumber(tt.assessable)}`, label: 'council objectives the library contributes to', source },
    { value: formatNumber(tt.strong), label: 'objectives with a strong library contribution', source },
    { value: formatNumber(tt.linkedServices), label: `of ${plural(tt.services, 'service')} linked to council objectives`, source },
    { value: tt.links === 0 ? 'None' : formatPercent(tt.evidencedLinks / tt.links), label: 'of contribution links cite evidence', source },
  ];
  if (costed.length > 0)
    items.push({
      value: formatMoney(costed.reduce((n, s) => n + (s.cost?.amount ?? 0), 0), 'short'),
      label: `recorded cost of ${plural(costed.length, 'service')}${periods.length ? ` (${periods.join(', ')})` : ''}`,
      source: listInWords([...new Set(costed.map((s) => s.cost?.source).filter((x): x is string => Boolean(x)))].slice(0, 2)) || source,
    });
  return [{ kind: 'key-figures', title: 'Key figures', items }];
}

function weakClaimsTable(ctx: BlockContext): Block[] {
  const services = new Map(ctx.workbook.services.map((s) => [s.id, s.name]));
  const objectives = new Map(ctx.workbook.objectives.map((o) => [o.id, o.title]));
  const text = { 'no-evidence': 'No evidence cited', 'weak-evidence': 'Only limited or anecdotal evidence', 'low-confidence': 'Low confidence' } as const;
  if (ctx.analysis.weakClaims.length === 0)
    return [{ kind: 'paragraph', content: t('Every medium or strong contribution claimed in this document cites evidence of moderate or strong quality.') }];
  const more = ctx.analysis.weakClaims.length - MAX_LISTED_ROWS;
  return [
    ...(more > 0
      ? [{ kind: 'paragraph' as const, content: t(`${plural(ctx.analysis.weakClaims.length, 'medium or strong claim needs', 'medium or strong claims need')} stronger evidence. The strongest ${MAX_LISTED_ROWS} are listed; the Review step lists them all.`) }]
      : []),
    table(ctx, 'weak-claims', {
      caption: 'Claims that need stronger evidence',
      columns: [
        { header: 'Service', width: 3 },
        { header: 'Objective', width: 4 },
        { header: 'Claimed strength', width: 1.6 },
        { header: 'Why it is weak', width: 3 },
      ],
      rows: ctx.analysis.weakClaims.slice(0, MAX_LISTED_ROWS).map((w) => [
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

function gapsTable(ctx: BlockContext): Block[] {
  const services = new Map(ctx.workbook.services.map((s) => [s.id, s.name]));
  if (ctx.analysis.gaps.length === 0)
    return [{ kind: 'paragraph', content: t('The library contributes at least moderately to every council objective recorded.') }];
  return [
    table(ctx, 'gaps', {
      caption: 'Objectives with no or only weak library contribution',
      columns: [
        { header: 'Objective', width: 5 },
        { header: 'Current contribution', width: 2 },
        { header: 'Services that could contribute', width: 5 },
      ],
      rows: ctx.analysis.gaps.slice(0, MAX_LISTED_ROWS * 2).map((g) => [
        cell(g.title),
        cell(STATUS_LABEL[g.status], { shade: g.status === 'gap' ? 'strength-0' : 'strength-1' }),
        cell(g.candidates.length ? listInWords(g.candidates.map((c) => services.get(c.serviceId) ?? c.serviceId)) : 'None identified yet'),
      ]),
      rowHeaders: true,
      source: sourceLine(ctx),
    }),
  ];
}

export function renderNamedBlock(ctx: BlockContext, name: string, options: Readonly<Record<string, string>>, at: Location): Block[] {
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
    case 'references': {
      const title = options.title ?? 'References';
      return [
        { kind: 'heading', level: 1, id: uniqueId(ctx.ids, title), content: [{ kind: 'text', text: title }] },
        { kind: 'references', title },
      ];
    }
    default:
      throw new TemplateError(at, `"${name}" is not a named block. Blocks are: ${BLOCK_NAMES.join(', ')}.`);
  }
}

